/**
 * A local Cosmos DB (NoSQL API) stand-in for tests: `@vercel/cosmosdb-server` (installed as a dev dependency) on a
 * free loopback port, data in memory only, stopped by `stop()`. Nothing else needs to be running.
 *
 * It speaks plain HTTP (`--no-ssl`): its HTTPS mode ships a self-signed certificate that expired in 2021, and
 * accepting it would mean switching certificate checks off. Its account document advertises `https://` regions, so
 * clients connect with endpoint discovery off (`STORAGE_COSMOS_ENDPOINT_DISCOVERY=false`) and stay on the endpoint
 * they were given. The database is created here, as an operator's set-up does: the bot creates only its container.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import type { StorageConfig } from '../../src/config';
import { stopChild, waitForListeningPort } from './childServer';

/** The Cosmos DB emulator's fixed, publicly documented key (not a secret); the stand-in accepts any key. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
export const COSMOS_DATABASE = 'profile-interests-bot';
const LISTENING_LINE = /Ready to accept HTTP connections at 127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 20_000;

export type CosmosConfig = Extract<StorageConfig, { kind: 'cosmos' }>;

export interface RunningCosmos {
  readonly endpoint: string;
  /** The bot's storage settings for `containerId` in the stand-in's database. */
  config(containerId: string): CosmosConfig;
  /** The same settings as a bot process reads them from its environment. */
  botEnvironment(containerId: string): Record<string, string>;
  /** A client of the test's own, to look at what the bot stored (not through botbuilder). */
  readonly client: CosmosClient;
  stop(): Promise<void>;
}

export function cosmosConfig(endpoint: string, databaseId: string, containerId: string): CosmosConfig {
  return { kind: 'cosmos', endpoint, key: EMULATOR_KEY, databaseId, containerId, endpointDiscovery: false };
}

export async function startCosmos(): Promise<RunningCosmos> {
  // Found through module resolution, so it also starts from the compiled bench (dist/test/support).
  const cli = path.join(path.dirname(require.resolve('@vercel/cosmosdb-server/package.json')), 'lib/cli.js');
  // Port 0: the server picks a free port and prints it, so there is no race between choosing and binding.
  const child = spawn(process.execPath, [cli, '--no-ssl', '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let endpoint: string;
  try {
    endpoint = `http://127.0.0.1:${await waitForListeningPort(child, 'cosmosdb-server', LISTENING_LINE, START_TIMEOUT_MS)}/`;
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const client = new CosmosClient({ endpoint, key: EMULATOR_KEY, connectionPolicy: { enableEndpointDiscovery: false } });
  try {
    await client.databases.createIfNotExists({ id: COSMOS_DATABASE });
  } catch (error) {
    client.dispose();
    await stopChild(child);
    throw error;
  }
  return {
    endpoint,
    client,
    config: (containerId) => cosmosConfig(endpoint, COSMOS_DATABASE, containerId),
    botEnvironment: (containerId) => ({
      STORAGE_KIND: 'cosmos',
      STORAGE_COSMOS_ENDPOINT: endpoint,
      STORAGE_COSMOS_KEY: EMULATOR_KEY,
      STORAGE_COSMOS_DATABASE: COSMOS_DATABASE,
      STORAGE_COSMOS_CONTAINER: containerId,
      STORAGE_COSMOS_ENDPOINT_DISCOVERY: 'false',
    }),
    async stop() {
      client.dispose();
      await stopChild(child);
    },
  };
}
