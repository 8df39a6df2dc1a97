import type { Storage } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { CreateIfAbsentBlobsStorage } from '../../src/storage/createIfAbsentBlobsStorage';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { describeOnceContract } from './onceContract';

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

describeOnceContract('blob storage on Azurite', blobStorage);

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
    expect((await storage.sweepExpired(later(HOUR_MS), 3)).deleted).toBe(3);
    expect((await storage.sweepExpired(later(HOUR_MS), 3)).deleted).toBe(2);
    expect((await storage.sweepExpired(later(HOUR_MS), 3)).deleted).toBe(0);
  });
});

