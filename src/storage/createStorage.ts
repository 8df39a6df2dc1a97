/**
 * Picks the bot's `Storage` from config: botbuilder's MemoryStorage for local mode (nothing to set up, gone on
 * restart), Azure Blob Storage or Cosmos DB through botbuilder's own providers for anything that must survive a
 * restart or run as several instances. All of them keep the write contract in `conditionalWrites.ts`.
 *
 * The Azure providers are loaded only in their own branch: botbuilder-azure (with the Cosmos SDK) and the blob
 * storage SDK take a large share of start-up time, and a bot configured for one storage never needs the others.
 */
import type { Storage } from 'botbuilder';
import type { StorageConfig } from '../config';
import type { Logger } from '../logger';
import { SweepingMemoryStorage } from './sweepingMemoryStorage';

/**
 * `recordLifetimeCapMs` (`STORAGE_RECORD_LIFETIME_SECONDS`) goes with the store it is made for: everything that
 * decides when a record expires works on the store (see `RecordLifetimeCap` in `onceKinds.ts`).
 */
export async function createStorage(config: StorageConfig, logger: Logger, recordLifetimeCapMs: number | null = null): Promise<Storage> {
  if (recordLifetimeCapMs !== null) logger.info('Stored records live at most the configured lifetime.', { recordLifetimeSeconds: recordLifetimeCapMs / 1000 });
  switch (config.kind) {
    case 'memory':
      logger.info('Conversation state is kept in memory: it is lost on restart and not shared between instances.', { storage: 'memory' });
      return new SweepingMemoryStorage({}, recordLifetimeCapMs);
    case 'blob': {
      const { CreateIfAbsentBlobsStorage } = await import('./createIfAbsentBlobsStorage');
      const storage = new CreateIfAbsentBlobsStorage(config.connectionString, config.container, recordLifetimeCapMs);
      await storage.ensureContainer();
      logger.info('Conversation state is kept in Azure Blob Storage.', { storage: 'blob', container: config.container });
      return storage;
    }
    case 'cosmos': {
      const { openCosmosStorage } = await import('./cosmosStorage');
      const storage = await openCosmosStorage(config, recordLifetimeCapMs);
      logger.info('Conversation state is kept in Azure Cosmos DB.', { storage: 'cosmos', databaseId: config.databaseId, containerId: config.containerId });
      return storage;
    }
  }
}
