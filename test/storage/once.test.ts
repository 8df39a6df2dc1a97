import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
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
