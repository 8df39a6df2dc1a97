import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
import { sweepNowAndThen } from '../../src/storage/expirySweep';
import { isExpired, lifetimeCapOf, RECORD_KINDS, recordLifetimes } from '../../src/storage/onceKinds';
import { SweepingMemoryStorage } from '../../src/storage/sweepingMemoryStorage';
import { describeOnceContract } from './onceContract';

const T0 = new Date('2026-03-01T10:00:00Z');
const parseNumber = (stored: unknown): number | undefined => (typeof stored === 'number' ? stored : undefined);

describeOnceContract('memory storage', () => createStorage({ kind: 'memory' }, silentLogger));

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

describe('record lifetimes', () => {
  it('are the documented ones, each under its own prefix', () => {
    const HOUR = 60 * 60 * 1000;
    expect(RECORD_KINDS).toEqual({
      welcome: { prefix: 'welcome/', lifetimeMs: null },
      tokenExchange: { prefix: 'tokenExchange/', lifetimeMs: 6 * HOUR },
      addInterest: { prefix: 'addInterest/', lifetimeMs: 6 * HOUR },
      bulkAdd: { prefix: 'bulkAdd/', lifetimeMs: 6 * HOUR },
      undoSnapshot: { prefix: 'undoSnapshot/', lifetimeMs: 24 * HOUR },
      interestDeleted: { prefix: 'interestDeleted/', lifetimeMs: 24 * HOUR },
      undoRestore: { prefix: 'undoRestore/', lifetimeMs: 24 * HOUR },
    });
  });

  it('lets a record without an object body or a date never expire, and a damaged date expire at once', () => {
    expect(isExpired('tokenExchange/x', 'text', T0)).toBe(false);
    expect(isExpired('tokenExchange/x', null, T0)).toBe(false);
    expect(isExpired('tokenExchange/x', { claimedAt: 'not a date' }, T0)).toBe(true);
    expect(isExpired('tokenExchange/x', { expiresAt: 'not a date' }, T0)).toBe(true);
    expect(isExpired('msteams/conversations/c', { claimedAt: T0.toISOString() }, new Date(T0.getTime() + 1e12))).toBe(false);
  });
});

describe('a record lifetime cap (STORAGE_RECORD_LIFETIME_SECONDS)', () => {
  const HOUR = 60 * 60 * 1000;
  const expiresAtOf = async (storage: SweepingMemoryStorage, key: string): Promise<unknown> => ((await storage.read([key]))[key] as { expiresAt?: unknown }).expiresAt;

  it('shortens every expiring kind to the cap and never the welcome', () => {
    expect(recordLifetimes(2000)).toEqual({ welcome: null, tokenExchange: 2000, addInterest: 2000, bulkAdd: 2000, undoSnapshot: 2000, interestDeleted: 2000, undoRestore: 2000 });
    expect(recordLifetimes(12 * HOUR)).toEqual({ welcome: null, tokenExchange: 6 * HOUR, addInterest: 6 * HOUR, bulkAdd: 6 * HOUR, undoSnapshot: 12 * HOUR, interestDeleted: 12 * HOUR, undoRestore: 12 * HOUR });
    expect(recordLifetimes(null)).toEqual(Object.fromEntries(Object.entries(RECORD_KINDS).map(([name, kind]) => [name, kind.lifetimeMs])));
  });

  it('is applied by once() on a store built with it, and not on one without', async () => {
    const capped = (await createStorage({ kind: 'memory' }, silentLogger, 2000)) as SweepingMemoryStorage;
    const plain = (await createStorage({ kind: 'memory' }, silentLogger)) as SweepingMemoryStorage;
    for (const storage of [capped, plain]) {
      await once(storage, 'addInterest/a', { lifetimeMs: RECORD_KINDS.addInterest.lifetimeMs, parse: parseNumber, now: T0 }, () => Promise.resolve(1));
      await once(storage, 'welcome/w', { lifetimeMs: RECORD_KINDS.welcome.lifetimeMs, parse: parseNumber, now: T0 }, () => Promise.resolve(1));
    }
    expect(await expiresAtOf(capped, 'addInterest/a')).toBe(new Date(T0.getTime() + 2000).toISOString());
    expect(await expiresAtOf(plain, 'addInterest/a')).toBe(new Date(T0.getTime() + 6 * HOUR).toISOString());
    expect(await expiresAtOf(capped, 'welcome/w')).toBeNull();
    // Past the cap the claim is free again on the capped store only.
    const afterCap = new Date(T0.getTime() + 2000);
    const again = (storage: SweepingMemoryStorage) => once(storage, 'addInterest/a', { lifetimeMs: RECORD_KINDS.addInterest.lifetimeMs, parse: parseNumber, now: afterCap }, () => Promise.resolve(2));
    expect(await again(capped)).toEqual({ kind: 'ran', value: 2 });
    expect(await again(plain)).toEqual({ kind: 'done', value: 1 });
  });

  it('lets the capped store sweep records written before they carried an expiry, from their claimedAt', async () => {
    const legacy = { 'tokenExchange/old': JSON.stringify({ claimedAt: T0.toISOString() }), 'welcome/old': JSON.stringify({ claimedAt: T0.toISOString() }) };
    const capped = new SweepingMemoryStorage({ ...legacy }, 2000);
    const plain = new SweepingMemoryStorage({ ...legacy });
    const later = new Date(T0.getTime() + 3000);
    expect((await capped.sweepExpired(later)).deleted).toBe(1);
    expect((await plain.sweepExpired(later)).deleted).toBe(0);
    expect(capped.size).toBe(1);
  });

  it('stops a sweep of the memory store at its limit and says so, leaving the rest for the next one', async () => {
    const expired = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`tokenExchange/${index}`, JSON.stringify({ claimedAt: T0.toISOString() })]));
    const capped = new SweepingMemoryStorage(expired, 2000);
    const later = new Date(T0.getTime() + 3000);
    expect(await capped.sweepExpired(later, 2)).toEqual({ deleted: 2, stoppedAtLimit: true });
    expect(capped.size).toBe(3);
    expect(await capped.sweepExpired(later, 10)).toEqual({ deleted: 3, stoppedAtLimit: false });
    expect(capped.size).toBe(0);
  });

  it('reads a lifetime cap of zero or less as no cap, not as records that expire at once', () => {
    expect(lifetimeCapOf({ recordLifetimeCapMs: 0 })).toBeNull();
    expect(lifetimeCapOf({ recordLifetimeCapMs: -5 })).toBeNull();
    expect(lifetimeCapOf({ recordLifetimeCapMs: 2000 })).toBe(2000);
    expect(lifetimeCapOf({})).toBeNull();
  });

  it('sweeps a capped store once per cap instead of once a minute, and again at once while it stops at its limit', async () => {
    const capped = new SweepingMemoryStorage({}, 2000);
    const sweeps: Date[] = [];
    const outcomes = [{ deleted: 0, stoppedAtLimit: false }, { deleted: 200, stoppedAtLimit: true }, { deleted: 3, stoppedAtLimit: false }];
    capped.sweepExpired = (now: Date) => {
      sweeps.push(now);
      return Promise.resolve(outcomes[sweeps.length - 1] ?? { deleted: 0, stoppedAtLimit: false });
    };
    const at = (ms: number): Date => new Date(T0.getTime() + ms);
    const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    sweepNowAndThen(capped, at(0));
    await settle();
    sweepNowAndThen(capped, at(1999));
    await settle();
    expect(sweeps).toEqual([at(0)]);
    sweepNowAndThen(capped, at(2000));
    await settle();
    // That one stopped at its limit: the next may start on the next write, without waiting the interval.
    sweepNowAndThen(capped, at(2001));
    await settle();
    sweepNowAndThen(capped, at(2002));
    await settle();
    expect(sweeps).toEqual([at(0), at(2000), at(2001)]);
  });
});
