import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
import { isExpired, RECORD_KINDS } from '../../src/storage/onceKinds';
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
