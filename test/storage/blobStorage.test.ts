import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { tokenExchangeKey } from '../../src/auth/tokenExchangeDedupe';
import { claimTokenExchange } from '../support/tokenExchangeClaim';
import { silentLogger } from '../../src/logger';
import { IF_ABSENT_ETAG } from '../../src/storage/conditionalWrites';
import { createStorage } from '../../src/storage/createStorage';
import { isStorageWriteConflict } from '../../src/errors/storageWriteConflictError';
import { useAzurite } from '../support/azuriteForTests';

const azurite = useAzurite();

/** A fresh container per test, so tests never see each other's keys. */
const blobStorage = (): Promise<Storage> => azurite.freshStorage('state');

async function writeError(storage: Storage, changes: Record<string, object>): Promise<unknown> {
  return storage.write(changes).then(
    () => undefined,
    (error: unknown) => error,
  );
}

const stores: [string, () => Promise<Storage>][] = [
  ['blob storage on Azurite', blobStorage],
  ['memory storage', async () => new MemoryStorage()],
];

describe.each(stores)('the write contract on %s', (_name, makeStorage) => {
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

describe('blob storage specifics', () => {
  it('creates its container when it is missing', async () => {
    const storage = await createStorage({ kind: 'blob', connectionString: azurite.connectionString, container: 'created-on-start' }, silentLogger);
    await storage.write({ key: { value: 1 } });
    const again = await createStorage({ kind: 'blob', connectionString: azurite.connectionString, container: 'created-on-start' }, silentLogger);
    expect((await again.read(['key'])).key).toMatchObject({ value: 1 });
  });

  // The create-if-absent write names the blob itself (the package exports no helper for it): BlobsStorage must find
  // it under the same name, including keys with colons, spaces, text beyond ASCII and empty path segments.
  it('creates blobs under the names BlobsStorage reads them by', async () => {
    const container = 'names-match';
    const storage = await createStorage({ kind: 'blob', connectionString: azurite.connectionString, container }, silentLogger);
    const plain = new BlobsStorage(azurite.connectionString, container);
    const keys = ['msteams/conversations/a:1 2/users/29:x', 'welcome//msteams/a:ü/', '/leading/slash', 'claim?#%'];
    for (const [index, key] of keys.entries()) await storage.write({ [key]: { index, eTag: IF_ABSENT_ETAG } });
    const read = await plain.read(keys);
    expect(keys.map((key) => (read[key] as { index?: number } | undefined)?.index)).toEqual([0, 1, 2, 3]);
  });

  // Why CreateIfAbsentBlobsStorage exists: plain BlobsStorage sends If-Match to a blob that is not there yet, which
  // Azure refuses, so every first token-exchange claim would look like a duplicate and sign-in would never finish.
  it('plain BlobsStorage cannot create an item with a conditional eTag', async () => {
    const plain = new BlobsStorage(azurite.connectionString, 'plain-blobs');
    const error = await writeError(plain, { claim: { eTag: IF_ABSENT_ETAG } });
    expect(isStorageWriteConflict(error)).toBe(true);
    expect(await plain.read(['claim'])).toEqual({});
    expect(await claimTokenExchange(plain, tokenExchangeKey('msteams', 'a:1', 'exchange-1'))).toBe(false);
  });
});
