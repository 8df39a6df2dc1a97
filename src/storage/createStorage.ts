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

export async function createStorage(config: StorageConfig, logger: Logger): Promise<Storage> {
  switch (config.kind) {
    case 'memory':
      logger.info('Conversation state is kept in memory: it is lost on restart and not shared between instances.', { storage: 'memory' });
      return new SweepingMemoryStorage();
    case 'blob': {
      const { CreateIfAbsentBlobsStorage } = await import('./createIfAbsentBlobsStorage');
      const storage = new CreateIfAbsentBlobsStorage(config.connectionString, config.container);
      await storage.ensureContainer();
      logger.info('Conversation state is kept in Azure Blob Storage.', { storage: 'blob', container: config.container });
      return storage;
    }
    case 'cosmos': {
      const { CosmosDbPartitionedStorage } = await import('botbuilder-azure');
      // Cosmos creates the database and container on first use, with `/id` as the partition key.
      logger.info('Conversation state is kept in Azure Cosmos DB.', { storage: 'cosmos', databaseId: config.databaseId, containerId: config.containerId });
      return new CosmosDbPartitionedStorage({
        cosmosDbEndpoint: config.endpoint,
        authKey: config.key,
        databaseId: config.databaseId,
        containerId: config.containerId,
        compatibilityMode: false,
      });
    }
  }
}
