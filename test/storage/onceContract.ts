import type { Storage } from 'botbuilder';
import { canSweep } from '../../src/storage/expirySweep';
import { once, readOnce, releaseOnce } from '../../src/storage/once';
import { RECORD_KINDS } from '../../src/storage/onceKinds';

const HOUR_MS = 60 * 60 * 1000;
const T0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const parseNumber = (stored: unknown): number | undefined => (typeof stored === 'number' ? stored : undefined);

/**
 * The contract of `once`, the same on every store. `sweeps: false` is for a store that cannot list its items
 * (Cosmos DB, see `expirySweep.ts`): there an expired record stays until its key is claimed again.
 */
export function describeOnceContract(name: string, makeStorage: () => Promise<Storage>, { sweeps = true }: { readonly sweeps?: boolean } = {}): void {
  describe(`once() on ${name}`, () => {
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
      // The others find the claim while it runs, or its result once it is done (a slow store): never a second run.
      const others = outcomes.filter((outcome) => outcome.kind !== 'ran');
      expect(others).toHaveLength(2);
      for (const other of others) expect([{ kind: 'running' }, { kind: 'done', value: 42 }]).toContainEqual(other);
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

    it('reads an expired record as absent, whether it holds a result or only a claim', async () => {
      await once(storage, 'bulkAdd/e', options(T0), () => Promise.resolve(4));
      expect(await readOnce(storage, 'bulkAdd/e', parseNumber, later(HOUR_MS - 1))).toEqual({ kind: 'done', value: 4 });
      expect(await readOnce(storage, 'bulkAdd/e', parseNumber, later(HOUR_MS))).toEqual({ kind: 'absent' });

      let release: () => void = () => undefined;
      let claimed: () => void = () => undefined;
      const claimWritten = new Promise<void>((resolve) => (claimed = resolve));
      const running = once(storage, 'bulkAdd/f', options(T0), () => {
        claimed();
        return new Promise<number>((resolve) => (release = () => resolve(5)));
      });
      await claimWritten;
      expect(await readOnce(storage, 'bulkAdd/f', parseNumber, later(HOUR_MS - 1))).toEqual({ kind: 'running' });
      expect(await readOnce(storage, 'bulkAdd/f', parseNumber, later(HOUR_MS))).toEqual({ kind: 'absent' });
      release();
      await running;
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
      // The loser sees the winner's claim: still running, or (when the winner finished first) its stored result.
      const kinds = outcomes.map((outcome) => outcome.kind).sort();
      expect([['ran', 'running'], ['done', 'ran']]).toContainEqual(kinds);
      for (const outcome of outcomes) if (outcome.kind !== 'running') expect(outcome.value).toBe(2);
    });

    if (!sweeps) {
      it('cannot sweep: an expired record stays, counts as absent, and is replaced by the next claim of its key', async () => {
        expect(canSweep(storage)).toBe(false);
        await once(storage, 'undoRestore/kept', options(T0), () => Promise.resolve(1));
        expect(await readOnce(storage, 'undoRestore/kept', parseNumber, later(2 * HOUR_MS))).toEqual({ kind: 'absent' });
        expect(await storage.read(['undoRestore/kept'])).toHaveProperty(['undoRestore/kept', 'result'], 1);
        expect(await once(storage, 'undoRestore/kept', options(later(2 * HOUR_MS)), () => Promise.resolve(2))).toEqual({ kind: 'ran', value: 2 });
        expect(await storage.read(['undoRestore/kept'])).toHaveProperty(['undoRestore/kept', 'expiresAt'], later(3 * HOUR_MS).toISOString());
      });
    } else {
      it('sweeps expired records and keeps live ones and conversation state', async () => {
        if (!canSweep(storage)) throw new Error('every store createStorage builds for memory or blob can sweep');
        await once(storage, 'tokenExchange/old-1', options(T0), () => Promise.resolve(1));
        await once(storage, 'undoRestore/old-2', options(T0), () => Promise.resolve(1));
        await once(storage, 'undoRestore/live', options(T0, 3 * HOUR_MS), () => Promise.resolve(1));
        await once(storage, 'welcome/forever', options(T0, null), () => Promise.resolve(1));
        await storage.write({ 'msteams/conversations/c1': { dialogState: {} } });
        expect((await storage.sweepExpired(later(2 * HOUR_MS), 100)).deleted).toBe(2);
        const left = await storage.read(['tokenExchange/old-1', 'undoRestore/old-2', 'undoRestore/live', 'welcome/forever', 'msteams/conversations/c1']);
        expect(Object.keys(left).sort()).toEqual(['msteams/conversations/c1', 'undoRestore/live', 'welcome/forever']);
      });
    }
  });
}
