import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { tokenExchangeKey } from '../../src/auth/tokenExchangeDedupe';
import { claimTokenExchange } from '../support/tokenExchangeClaim';
import { silentLogger } from '../../src/logger';
import { readsIfChanged, UNCHANGED } from '../../src/storage/conditionalReads';
import { IF_ABSENT_ETAG } from '../../src/storage/conditionalWrites';
import { createStorage } from '../../src/storage/createStorage';
import { isStorageWriteConflict } from '../../src/errors/storageWriteConflictError';
import { useAzurite } from '../support/azuriteForTests';
import { describeWriteContract, writeError } from './writeContract';

const azurite = useAzurite();

/** A fresh container per test, so tests never see each other's keys. */
const blobStorage = (): Promise<Storage> => azurite.freshStorage('state');

describeWriteContract('blob storage on Azurite', blobStorage);
describeWriteContract('memory storage', async () => new MemoryStorage());

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

  // What the shared token cache reads with (If-None-Match, docs/fidelity.md): Azure answers 304 while the blob is unchanged.
  it('reads an item only if it changed since an eTag, as read() returns it', async () => {
    const storage = await blobStorage();
    if (!readsIfChanged(storage)) throw new Error('Blob storage reads conditionally');
    const keys = ['msal/tokenCache/abc', 'welcome//msteams/a:ü/'];
    for (const key of keys) {
      await storage.write({ [key]: { value: 1 } });
      const first = (await storage.read([key]))[key]!;
      expect(await storage.readIfChanged(key, first.eTag as string)).toBe(UNCHANGED);
      await storage.write({ [key]: { value: 2, nested: { list: [1, 'ü'] } } });
      const changed = await storage.readIfChanged(key, first.eTag as string);
      expect(changed).toEqual((await storage.read([key]))[key]);
      expect(changed).toMatchObject({ value: 2, nested: { list: [1, 'ü'] } });
      expect((changed as { eTag: string }).eTag).not.toBe(first.eTag);
      await storage.delete([key]);
      expect(await storage.readIfChanged(key, first.eTag as string)).toBeUndefined();
    }
    expect(readsIfChanged(new MemoryStorage())).toBe(false);
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
