import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
import { useCosmos } from '../support/cosmosForTests';
import { describeOnceContract } from './onceContract';

const HOUR_MS = 60 * 60 * 1000;
const parseNumber = (stored: unknown): number | undefined => (typeof stored === 'number' ? stored : undefined);

const cosmos = useCosmos();

describeOnceContract('Cosmos DB storage on the local stand-in', () => cosmos.freshStorage('once'), { sweeps: false });

describe('once() across two storage objects on Cosmos DB', () => {
  it('runs once when two storage objects race on one key', async () => {
    const config = cosmos.freshConfig('once-race');
    const [a, b] = await Promise.all([createStorage(config, silentLogger), createStorage(config, silentLogger)]);
    let runs = 0;
    const run = async (): Promise<number> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 9;
    };
    const outcomes = await Promise.all([a, b, a, b].map((storage) => once(storage, 'undoRestore/race', { lifetimeMs: HOUR_MS, parse: parseNumber }, run)));
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'ran')).toHaveLength(1);
  });

  it('caps record lifetimes on a store built with STORAGE_RECORD_LIFETIME_SECONDS', async () => {
    const capped = await cosmos.freshStorage('once-cap', 1000);
    const now = new Date();
    await once(capped, 'undoRestore/capped', { lifetimeMs: 24 * HOUR_MS, parse: parseNumber, now }, () => Promise.resolve(1));
    await once(capped, 'welcome/kept', { lifetimeMs: null, parse: parseNumber, now }, () => Promise.resolve(1));
    const stored = await capped.read(['undoRestore/capped', 'welcome/kept']);
    expect(stored['undoRestore/capped']).toHaveProperty('expiresAt', new Date(now.getTime() + 1000).toISOString());
    expect(stored['welcome/kept']).toHaveProperty('expiresAt', null);
    expect(await once(capped, 'undoRestore/capped', { lifetimeMs: 24 * HOUR_MS, parse: parseNumber, now: new Date(now.getTime() + 1000) }, () => Promise.resolve(2))).toEqual({ kind: 'ran', value: 2 });
  });
});
