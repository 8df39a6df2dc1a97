/**
 * Cosmos DB storage through botbuilder's own `CosmosDbPartitionedStorage`, opened at start-up so a wrong setting
 * fails before the first user does (as the Blob container check does).
 *
 * Two facts of botbuilder-azure 4.23.3 shape this:
 * - it creates the container on first use (partition key `/id`) but not the database: in a database that does not
 *   exist, Cosmos answers 404 to the container's creation, and every read and write fails;
 * - it opens the container once per process and database/container name and keeps that promise, even a rejected
 *   one, so a first use that failed would fail every later turn until a restart. Opening at start-up turns either
 *   into one start-up error that names the setting to fix.
 */
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import type { StorageConfig } from '../config';
import { ConfigError } from '../errors/configError';
import type { RecordLifetimeCap } from './onceKinds';

export type CosmosStorageConfig = Extract<StorageConfig, { kind: 'cosmos' }>;

export type CosmosStorage = CosmosDbPartitionedStorage & RecordLifetimeCap;

export async function openCosmosStorage(config: CosmosStorageConfig, recordLifetimeCapMs: number | null): Promise<CosmosStorage> {
  const storage = new CosmosDbPartitionedStorage({
    cosmosDbEndpoint: config.endpoint,
    authKey: config.key,
    databaseId: config.databaseId,
    containerId: config.containerId,
    compatibilityMode: false,
    // Left to the SDK unless switched off: an emulator advertises regions at addresses the bot may not reach.
    ...(config.endpointDiscovery ? {} : { cosmosClientOptions: { connectionPolicy: { enableEndpointDiscovery: false } } }),
  });
  try {
    await storage.initialize();
  } catch (error) {
    throw startupError(config, error);
  }
  // Cosmos cannot sweep (`expirySweep.ts`), but records written through it still carry the capped expiry.
  const cap: RecordLifetimeCap = { recordLifetimeCapMs };
  return Object.assign(storage, cap);
}

function startupError(config: CosmosStorageConfig, error: unknown): Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 404) {
    return new ConfigError(
      `Cosmos DB database "${config.databaseId}" does not exist at ${config.endpoint}: create it, or set STORAGE_COSMOS_DATABASE to one that exists (the bot creates only its container).`,
      { cause: error },
    );
  }
  if (code === 401 || code === 403) {
    return new ConfigError(`Cosmos DB at ${config.endpoint} refused the key: check STORAGE_COSMOS_KEY.`, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Cosmos DB at ${config.endpoint} could not be opened (${reason}): check STORAGE_COSMOS_ENDPOINT and that the account is reachable.`, { cause: error });
}
