import type { Storage } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { CreateIfAbsentBlobsStorage } from '../../src/storage/createIfAbsentBlobsStorage';
import { createStorage } from '../../src/storage/createStorage';
import { canSweep } from '../../src/storage/expirySweep';
import { once, readOnce, releaseOnce } from '../../src/storage/once';
import { RECORD_KINDS } from '../../src/storage/onceKinds';
import { SweepingMemoryStorage } from '../../src/storage/sweepingMemoryStorage';
import { startAzurite, type RunningAzurite } from '../support/azurite';

const HOUR_MS = 60 * 60 * 1000;
const T0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const parseNumber = (stored: unknown): number | undefined => (typeof stored === 'number' ? stored : undefined);

let azurite: RunningAzurite;
let containerCount = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

async function blobStorage(): Promise<Storage> {
  containerCount += 1;
  return createStorage({ kind: 'blob', connectionString: azurite.connectionString, container: `once-${containerCount}` }, silentLogger);
}

const stores: [string, () => Promise<Storage>][] = [
  ['blob storage on Azurite', blobStorage],
  ['memory storage', () => createStorage({ kind: 'memory' }, silentLogger)],
];

describe.each(stores)('once() on %s', (_name, makeStorage) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await makeStorage();
  });
  const options = (now: Date, lifetimeMs: number | null = HOUR_MS) => ({ lifetimeMs, parse: parseNumber, now });

  it('runs the side effect once for racing callers, and a replay answers with the stored result', async () => {
    let runs = 0;
    const run = async (): Promise<number> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 42;
    };
    const outcomes = await Promise.all([1, 2, 3].map(() => once(storage, 'addInterest/a', options(T0), run)));
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'ran')).toEqual([{ kind: 'ran', value: 42 }]);
    expect(outcomes.filter((outcome) => outcome.kind === 'running')).toHaveLength(2);
    expect(await once(storage, 'addInterest/a', options(later(1000)), run)).toEqual({ kind: 'done', value: 42 });
    expect(await readOnce(storage, 'addInterest/a', parseNumber, later(1000))).toEqual({ kind: 'done', value: 42 });
    expect(runs).toBe(1);
  });

  it('releases the claim when the side effect fails, so the next try runs', async () => {
    await expect(once(storage, 'addInterest/b', options(T0), () => Promise.reject(new Error('Graph said no')))).rejects.toThrow('Graph said no');
    expect(await readOnce(storage, 'addInterest/b', parseNumber, T0)).toEqual({ kind: 'absent' });
    expect(await once(storage, 'addInterest/b', options(T0), () => Promise.resolve(7))).toEqual({ kind: 'ran', value: 7 });
  });

  it('treats an expired record as absent and runs again; a record without a lifetime never expires', async () => {
    await once(storage, 'tokenExchange/c', options(T0), () => Promise.resolve(1));
    expect(await once(storage, 'tokenExchange/c', options(later(HOUR_MS - 1)), () => Promise.resolve(2))).toEqual({ kind: 'done', value: 1 });
    expect(await once(storage, 'tokenExchange/c', options(later(HOUR_MS)), () => Promise.resolve(3))).toEqual({ kind: 'ran', value: 3 });

    await once(storage, 'welcome/c', options(T0, null), () => Promise.resolve(1));
    expect(await once(storage, 'welcome/c', options(later(1000 * 24 * HOUR_MS), null), () => Promise.resolve(2))).toEqual({ kind: 'done', value: 1 });
    await releaseOnce(storage, 'welcome/c');
    expect(await once(storage, 'welcome/c', options(T0, null), () => Promise.resolve(5))).toEqual({ kind: 'ran', value: 5 });
  });

  it('lets claims written before records had an expiry expire from claimedAt, by their kind', async () => {
    await storage.write({ 'tokenExchange/old': { claimedAt: T0.toISOString() }, 'welcome/old': { claimedAt: T0.toISOString() } });
    const lifetime = RECORD_KINDS.tokenExchange.lifetimeMs;
    expect(await once(storage, 'tokenExchange/old', options(later(lifetime - 1)), () => Promise.resolve(1))).toEqual({ kind: 'running' });
    expect(await once(storage, 'tokenExchange/old', options(later(lifetime)), () => Promise.resolve(2))).toEqual({ kind: 'ran', value: 2 });
    expect(await once(storage, 'welcome/old', options(later(1000 * 24 * HOUR_MS), null), () => Promise.resolve(3))).toEqual({ kind: 'running' });
  });

  it('lets exactly one of two callers take over an expired record', async () => {
    await once(storage, 'undoRestore/d', options(T0), () => Promise.resolve(1));
    let runs = 0;
    const run = async (): Promise<number> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 2;
    };
    const outcomes = await Promise.all([once(storage, 'undoRestore/d', options(later(2 * HOUR_MS)), run), once(storage, 'undoRestore/d', options(later(2 * HOUR_MS)), run)]);
    expect(runs).toBe(1);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['ran', 'running']);
  });

  it('sweeps expired records and keeps live ones and conversation state', async () => {
    if (!canSweep(storage)) throw new Error('every store createStorage builds for memory or blob can sweep');
    await once(storage, 'tokenExchange/old-1', options(T0), () => Promise.resolve(1));
    await once(storage, 'undoRestore/old-2', options(T0), () => Promise.resolve(1));
    await once(storage, 'undoRestore/live', options(T0, 3 * HOUR_MS), () => Promise.resolve(1));
    await once(storage, 'welcome/forever', options(T0, null), () => Promise.resolve(1));
    await storage.write({ 'msteams/conversations/c1': { dialogState: {} } });
    expect(await storage.sweepExpired(later(2 * HOUR_MS), 100)).toBe(2);
    const left = await storage.read(['tokenExchange/old-1', 'undoRestore/old-2', 'undoRestore/live', 'welcome/forever', 'msteams/conversations/c1']);
    expect(Object.keys(left).sort()).toEqual(['msteams/conversations/c1', 'undoRestore/live', 'welcome/forever']);
  });
});

describe('once() across two instances on Azurite', () => {
  it('runs once when two separate storage clients race on one key', async () => {
    containerCount += 1;
    const container = `once-race-${containerCount}`;
    const a = await createStorage({ kind: 'blob', connectionString: azurite.connectionString, container }, silentLogger);
    const b = new CreateIfAbsentBlobsStorage(azurite.connectionString, container);
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

  it('sweeps a bounded number of blobs per call', async () => {
    containerCount += 1;
    const storage = new CreateIfAbsentBlobsStorage(azurite.connectionString, `once-sweep-${containerCount}`);
    await storage.ensureContainer();
    for (let index = 0; index < 5; index++) await once(storage, `addInterest/${index}`, { lifetimeMs: 1, parse: parseNumber, now: T0 }, () => Promise.resolve(index));
    expect(await storage.sweepExpired(later(HOUR_MS), 3)).toBe(3);
    expect(await storage.sweepExpired(later(HOUR_MS), 3)).toBe(2);
    expect(await storage.sweepExpired(later(HOUR_MS), 3)).toBe(0);
  });
});

describe('storage stays flat', () => {
  it('holds a bounded number of records over 10,000 actions when records live briefly and are swept', async () => {
    const storage = new SweepingMemoryStorage();
    const sizes: number[] = [];
    for (let action = 0; action < 10_000; action++) {
      const now = new Date(T0.getTime() + action * 1000);
      await once(storage, `addInterest/${action}`, { lifetimeMs: 60_000, parse: parseNumber, now }, () => Promise.resolve(action));
      // The sweep that `once` starts now and then, run here at the same pace so the count is exact.
      if (action % 60 === 0) await storage.sweepExpired(now, Number.POSITIVE_INFINITY);
      sizes.push(storage.size);
    }
    expect(Math.max(...sizes.slice(1000))).toBeLessThanOrEqual(121);
    expect(sizes.at(-1)).toBeLessThanOrEqual(121);
  });
});
