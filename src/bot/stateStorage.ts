import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import type { StorageConfig } from '../config';

/**
 * Where bot state lives. Memory is for one local process; Blob or Cosmos storage keeps dialogs and Undo records
 * across restarts and shares them between instances.
 */
export function createStateStorage(storage: StorageConfig): Storage {
  switch (storage.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'blob':
      return new BlobsStorage(storage.connectionString, storage.container);
    case 'cosmos':
      return new CosmosDbPartitionedStorage({
        cosmosDbEndpoint: storage.endpoint,
        authKey: storage.key,
        databaseId: storage.databaseId,
        containerId: storage.containerId,
      });
  }
}
