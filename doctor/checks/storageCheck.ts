/**
 * The bot's state store, probed with reads only: Blob storage (Azure or an Azurite-compatible endpoint) is asked
 * whether the container exists, Cosmos DB to read the database and container. Nothing is created: the bot creates
 * a missing container (or database) itself when it starts or first writes. Keys and SAS tokens are never printed,
 * only endpoints.
 */
import type { StorageConfig } from '../../src/config';
import { describeError, failed, passed, property, type CheckOutcome, type DoctorCheck } from '../checkResult';

type BlobStorage = Extract<StorageConfig, { kind: 'blob' }>;
type CosmosStorage = Extract<StorageConfig, { kind: 'cosmos' }>;

/** An HTTP status, or a network error code such as ECONNREFUSED, from either Azure SDK's errors. */
function failureOf(error: unknown): { status: number | undefined; code: string } {
  const status = property(error, 'statusCode') ?? property(error, 'code');
  const code = property(error, 'code');
  return { status: typeof status === 'number' ? status : undefined, code: typeof code === 'string' ? code : describeError(error) };
}

/** Without its query string: a SAS connection string puts its signature there. */
const withoutQuery = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
};

async function probeBlob(storage: BlobStorage, timeoutMs: number): Promise<CheckOutcome> {
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const setting = 'STORAGE_BLOB_CONNECTION_STRING';
  let service;
  try {
    // One try: the doctor reports an unreachable endpoint instead of backing off for minutes.
    service = BlobServiceClient.fromConnectionString(storage.connectionString, { retryOptions: { maxTries: 1, tryTimeoutInMs: timeoutMs } });
  } catch (error) {
    return failed(`${setting} is not a usable connection string (${describeError(error)}).`, 'Copy the connection string from the storage account\'s "Access keys" page.');
  }
  const endpoint = withoutQuery(service.url);
  try {
    const exists = await service.getContainerClient(storage.container).exists();
    const state = exists ? 'exists' : 'does not exist yet; the bot creates it at start-up';
    return passed(`Blob container ${storage.container} at ${endpoint} ${state}.`);
  } catch (error) {
    const { status, code } = failureOf(error);
    if (status === 401 || status === 403) {
      return failed(`${endpoint} refused the key in ${setting} (${status} ${code}).`, 'Copy a current key\'s connection string from the storage account\'s "Access keys" page.');
    }
    return failed(`${endpoint} from ${setting} cannot be reached (${status ?? code}).`, `Check the account name and endpoint in ${setting} and that this host can reach it.`);
  }
}

async function probeCosmos(storage: CosmosStorage, timeoutMs: number): Promise<CheckOutcome> {
  const { CosmosClient } = await import('@azure/cosmos');
  const client = new CosmosClient({
    endpoint: storage.endpoint,
    key: storage.key,
    connectionPolicy: {
      requestTimeout: timeoutMs,
      enableEndpointDiscovery: false,
      enableBackgroundEndpointRefreshing: false,
      retryOptions: { maxRetryAttemptCount: 0, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 0 },
    },
  });
  const where = `database ${storage.databaseId} at ${storage.endpoint}`;
  try {
    await client.database(storage.databaseId).read();
    await client.database(storage.databaseId).container(storage.containerId).read();
    return passed(`Cosmos DB container ${storage.containerId} in ${where} exists.`);
  } catch (error) {
    const { status, code } = failureOf(error);
    if (status === 404) return passed(`Cosmos DB ${where} is reachable; the database or container ${storage.containerId} does not exist yet and is created on first use.`);
    if (status === 401 || status === 403) {
      return failed(`${storage.endpoint} refused STORAGE_COSMOS_KEY (${status}).`, 'Copy a current primary or secondary key from the Cosmos DB account\'s "Keys" page into STORAGE_COSMOS_KEY.');
    }
    return failed(`STORAGE_COSMOS_ENDPOINT ${storage.endpoint} cannot be reached (${status ?? code}).`, 'Copy the URI from the Cosmos DB account\'s "Keys" page into STORAGE_COSMOS_ENDPOINT and check that this host can reach it.');
  } finally {
    client.dispose();
  }
}

export const storageCheck: DoctorCheck = {
  name: 'storage',
  run: ({ config, timeoutMs }) => {
    switch (config.storage.kind) {
      case 'memory':
        return passed('STORAGE_KIND=memory: state is lost on restart and not shared, so run one instance only (blob or cosmos for more).');
      case 'blob':
        return probeBlob(config.storage, timeoutMs);
      case 'cosmos':
        return probeCosmos(config.storage, timeoutMs);
    }
  },
};
