/**
 * Azurite for one test file: started before its first test and stopped after its last (jest hooks registered by
 * `useAzurite`, called at the top of the file), with container names never used before in that file, so tests do
 * not see each other's keys.
 */
import type { Storage } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { startAzurite, type RunningAzurite } from './azurite';

export interface AzuriteForTests {
  /** The running emulator's connection string (read it inside a test or hook). */
  readonly connectionString: string;
  /** `<prefix>-<n>`, with `n` counting up over the whole file. */
  freshContainer(prefix: string): string;
  /** The product's Blob storage (`createStorage`) on a fresh container. */
  freshStorage(prefix: string): Promise<Storage>;
}

export function useAzurite(): AzuriteForTests {
  let azurite: RunningAzurite | undefined;
  let containers = 0;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  const running = (): RunningAzurite => {
    if (!azurite) throw new Error('Azurite is not running: use it inside a test or a hook');
    return azurite;
  };
  const freshContainer = (prefix: string): string => `${prefix}-${(containers += 1)}`;
  return {
    get connectionString() {
      return running().connectionString;
    },
    freshContainer,
    freshStorage: (prefix) => createStorage({ kind: 'blob', connectionString: running().connectionString, container: freshContainer(prefix) }, silentLogger),
  };
}
