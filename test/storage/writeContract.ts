import type { Storage } from 'botbuilder';
import { tokenExchangeKey } from '../../src/auth/tokenExchangeDedupe';
import { isStorageWriteConflict } from '../../src/errors/storageWriteConflictError';
import { IF_ABSENT_ETAG } from '../../src/storage/conditionalWrites';
import { claimTokenExchange } from '../support/tokenExchangeClaim';

/** The error a write threw, or `undefined` when it succeeded. */
export async function writeError(storage: Storage, changes: Record<string, object>): Promise<unknown> {
  return storage.write(changes).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The write contract of `conditionalWrites.ts`, the same on every store `createStorage` builds. */
export function describeWriteContract(name: string, makeStorage: () => Promise<Storage>): void {
  describe(`the write contract on ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await makeStorage();
    });

    it('reads back what was written, with an eTag, including text beyond ASCII', async () => {
      await storage.write({ 'msteams/conversations/a:1/private/29:x': { name: 'Café ☕ 日本', eTag: '*' } });
      const items = await storage.read(['msteams/conversations/a:1/private/29:x', 'missing']);
      expect(items['msteams/conversations/a:1/private/29:x']).toEqual({ name: 'Café ☕ 日本', eTag: expect.any(String) });
      expect(items).not.toHaveProperty('missing');
    });

    it('replaces an item only when the eTag it was read with still matches', async () => {
      await storage.write({ item: { count: 1 } });
      const first = (await storage.read(['item'])).item as { eTag: string };
      await storage.write({ item: { count: 2, eTag: first.eTag } });
      const stale = await writeError(storage, { item: { count: 3, eTag: first.eTag } });
      expect(isStorageWriteConflict(stale)).toBe(true);
      expect((await storage.read(['item'])).item).toMatchObject({ count: 2 });
    });

    it("overwrites unconditionally with eTag '*'", async () => {
      await storage.write({ item: { count: 1 } });
      await storage.write({ item: { count: 5, eTag: '*' } });
      expect((await storage.read(['item'])).item).toMatchObject({ count: 5 });
    });

    it('creates a missing item with a conditional eTag, and refuses to create it a second time', async () => {
      await storage.write({ claim: { by: 'first', eTag: IF_ABSENT_ETAG } });
      const second = await writeError(storage, { claim: { by: 'second', eTag: IF_ABSENT_ETAG } });
      expect(isStorageWriteConflict(second)).toBe(true);
      expect((await storage.read(['claim'])).claim).toMatchObject({ by: 'first' });
    });

    it('lets exactly one of several simultaneous creators win', async () => {
      const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((by) => writeError(storage, { race: { by, eTag: IF_ABSENT_ETAG } })));
      const winners = outcomes.filter((outcome) => outcome === undefined);
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((outcome) => isStorageWriteConflict(outcome))).toHaveLength(3);
    });

    it('processes a sign-in token exchange once: claimTokenExchange is true for the first claim only', async () => {
      const key = tokenExchangeKey('msteams', 'a:1', 'exchange-1');
      expect(await claimTokenExchange(storage, key)).toBe(true);
      expect(await claimTokenExchange(storage, key)).toBe(false);
      expect(await claimTokenExchange(storage, tokenExchangeKey('msteams', 'a:1', 'exchange-2'))).toBe(true);
    });
  });
}
