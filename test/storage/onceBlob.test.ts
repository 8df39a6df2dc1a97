import type { Storage } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { CreateIfAbsentBlobsStorage } from '../../src/storage/createIfAbsentBlobsStorage';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
import { useAzurite } from '../support/azuriteForTests';
import { describeOnceContract } from './onceContract';

const HOUR_MS = 60 * 60 * 1000;
const T0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const parseNumber = (stored: unknown): number | undefined => (typeof stored === 'number' ? stored : undefined);

const azurite = useAzurite();

const blobStorage = (): Promise<Storage> => azurite.freshStorage('once');

describeOnceContract('blob storage on Azurite', blobStorage);

describe('once() across two instances on Azurite', () => {
  it('runs once when two separate storage clients race on one key', async () => {
    const container = azurite.freshContainer('once-race');
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
    const storage = new CreateIfAbsentBlobsStorage(azurite.connectionString, azurite.freshContainer('once-sweep'));
    await storage.ensureContainer();
    for (let index = 0; index < 5; index++) await once(storage, `addInterest/${index}`, { lifetimeMs: 1, parse: parseNumber, now: T0 }, () => Promise.resolve(index));
    expect((await storage.sweepExpired(later(HOUR_MS), 3)).deleted).toBe(3);
    expect((await storage.sweepExpired(later(HOUR_MS), 3)).deleted).toBe(2);
    expect((await storage.sweepExpired(later(HOUR_MS), 3)).deleted).toBe(0);
  });

  it('caps record lifetimes on a store built with STORAGE_RECORD_LIFETIME_SECONDS, and sweeps them once past', async () => {
    const container = azurite.freshContainer('once-cap');
    const capped = await createStorage({ kind: 'blob', connectionString: azurite.connectionString, container }, silentLogger, 1000);
    const now = new Date();
    await once(capped, 'undoRestore/capped', { lifetimeMs: 24 * HOUR_MS, parse: parseNumber, now }, () => Promise.resolve(1));
    await once(capped, 'welcome/kept', { lifetimeMs: null, parse: parseNumber, now }, () => Promise.resolve(1));
    const stored = (await capped.read(['undoRestore/capped']))['undoRestore/capped'] as { expiresAt?: unknown };
    expect(stored.expiresAt).toBe(new Date(now.getTime() + 1000).toISOString());
    if (!(capped instanceof CreateIfAbsentBlobsStorage)) throw new Error('createStorage builds a CreateIfAbsentBlobsStorage for blob');
    expect((await capped.sweepExpired(now, 100)).deleted).toBe(0);
    expect((await capped.sweepExpired(new Date(now.getTime() + 1000), 100)).deleted).toBe(1);
    expect(Object.keys(await capped.read(['undoRestore/capped', 'welcome/kept']))).toEqual(['welcome/kept']);
  });

  it('deletes without a read a record left unchanged, by the store clock, for longer than its capped lifetime', async () => {
    const container = azurite.freshContainer('once-old');
    // Written by an instance without the cap: its body says it lives a day.
    const plain = new CreateIfAbsentBlobsStorage(azurite.connectionString, container);
    await plain.ensureContainer();
    await once(plain, 'undoRestore/long', { lifetimeMs: 24 * HOUR_MS, parse: parseNumber }, () => Promise.resolve(1));
    const capped = new CreateIfAbsentBlobsStorage(azurite.connectionString, container, 1000);
    // Within the cap the body is read, and it says the record is live.
    expect((await capped.sweepExpired(new Date(), 100)).deleted).toBe(0);
    // Past the cap and its clock margin (by the store's last-modified time), it is gone without asking the body.
    expect((await capped.sweepExpired(new Date(Date.now() + 1500), 100)).deleted).toBe(1);
    expect(await plain.read(['undoRestore/long'])).toEqual({});
  });

  it('reaches every kind over successive sweeps, even behind a kind that always fills the limit with live records', async () => {
    const storage = new CreateIfAbsentBlobsStorage(azurite.connectionString, azurite.freshContainer('once-fair'));
    await storage.ensureContainer();
    // `tokenExchange/` is listed first; these live a day, so a sweep that always started there would stop on them.
    for (let index = 0; index < 4; index++) await once(storage, `tokenExchange/live-${index}`, { lifetimeMs: 24 * HOUR_MS, parse: parseNumber, now: T0 }, () => Promise.resolve(index));
    await once(storage, 'undoRestore/old', { lifetimeMs: 1, parse: parseNumber, now: T0 }, () => Promise.resolve(1));
    const outcomes = [];
    for (let sweep = 0; sweep < 3; sweep++) outcomes.push(await storage.sweepExpired(later(HOUR_MS), 3));
    expect(outcomes.reduce((sum, outcome) => sum + outcome.deleted, 0)).toBe(1);
    expect(await storage.read(['undoRestore/old'])).toEqual({});
    expect(Object.keys(await storage.read(['tokenExchange/live-0', 'tokenExchange/live-3'])).sort()).toEqual(['tokenExchange/live-0', 'tokenExchange/live-3']);
  });
});
