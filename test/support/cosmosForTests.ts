/**
 * The Cosmos DB stand-in for one test file: started before its first test and stopped after its last (jest hooks
 * registered by `useCosmos`, called at the top of the file), with container names never used before in that file.
 * Fresh names matter twice here: tests do not see each other's keys, and botbuilder-azure keeps one opened
 * container per database/container name for the whole process.
 */
import type { Storage } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { startCosmos, type CosmosConfig, type RunningCosmos } from './cosmos';

export interface CosmosForTests {
  /** The running stand-in (read it inside a test or hook). */
  readonly cosmos: RunningCosmos;
  /** `<prefix>-<n>`, with `n` counting up over the whole file. */
  freshContainer(prefix: string): string;
  /** The product's storage settings for a fresh container. */
  freshConfig(prefix: string): CosmosConfig;
  /** The product's Cosmos storage (`createStorage`) on a fresh container. */
  freshStorage(prefix: string, recordLifetimeCapMs?: number | null): Promise<Storage>;
}

export function useCosmos(): CosmosForTests {
  let cosmos: RunningCosmos | undefined;
  let containers = 0;
  beforeAll(async () => {
    cosmos = await startCosmos();
  });
  afterAll(async () => {
    await cosmos?.stop();
  });
  const running = (): RunningCosmos => {
    if (!cosmos) throw new Error('The Cosmos DB stand-in is not running: use it inside a test or a hook');
    return cosmos;
  };
  const freshContainer = (prefix: string): string => `${prefix}-${(containers += 1)}`;
  const freshConfig = (prefix: string): CosmosConfig => running().config(freshContainer(prefix));
  return {
    get cosmos() {
      return running();
    },
    freshContainer,
    freshConfig,
    freshStorage: (prefix, recordLifetimeCapMs = null) => createStorage(freshConfig(prefix), silentLogger, recordLifetimeCapMs),
  };
}
