/**
 * msal-node's token cache on the bot's `Storage`, so every instance sees the tokens any instance obtained. With
 * Teams SSO the bot gets a user's SSO token only in the `signin/tokenExchange` that one instance handled; a
 * cache per instance would leave the others with nothing to renew from, and the user asked to sign in again.
 *
 * One storage item per user, as Microsoft's token cache guidance for confidential clients serving many users
 * advises (partition the cache by the user the app acts for): a lookup reads and decrypts that user's few
 * kilobytes, never the whole tenant's cache, and a change rewrites only that user's item. The cache holds refresh
 * tokens, so each item is stored encrypted (AES-256-GCM, the item's storage key bound in as associated data so a
 * ciphertext cannot be moved to another user's key) and never logged.
 */
import crypto from 'node:crypto';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Storage, StoreItem } from 'botbuilder';
import type { Logger } from '../logger';
import { readsIfChanged, UNCHANGED } from './conditionalReads';
import { IF_ABSENT_ETAG } from './conditionalWrites';
import { isStorageWriteConflict } from '../errors/storageWriteConflictError';

/** Whose tokens an item holds: the Entra user the bot acts for (the same pair as `SignedInUser` in src/auth). */
export interface TokenCacheOwner {
  readonly tenantId: string;
  readonly objectId: string;
}

const KEY_PREFIX = 'msal/tokenCache/';

/**
 * `msal/tokenCache/<hex SHA-256 of "<tid>.<oid>">`. Hashed rather than written out: the key is 80 characters of
 * `[a-z0-9/]` whatever the ids from the activity hold, within every store's key rules with nothing to escape or
 * truncate (BlobsStorage URI-encodes keys and caps blob names at 1,024 characters; CosmosDbPartitionedStorage
 * escapes `/`, `\`, `?`, `#` and caps ids at 255), and a listing of the store does not name the users.
 */
export function tokenCacheKeyFor(owner: TokenCacheOwner): string {
  return KEY_PREFIX + crypto.createHash('sha256').update(`${owner.tenantId}.${owner.objectId}`).digest('hex');
}

export interface SharedTokenCacheOptions {
  readonly storage: Storage;
  /** 32 bytes: the AES-256 key, e.g. from `crypto.randomBytes(32)`, kept in the app's secret store. */
  readonly encryptionKey: Buffer;
  readonly logger: Logger;
}

/** One user's part of the shared cache: the cache plugin of that user's msal client. */
export interface UserTokenCache extends ICachePlugin {
  /** The storage key of the user's item. */
  readonly key: string;
  /**
   * Runs `lookup` with storage read at most once: the first cache access in it reads the item, and the later ones
   * are answered from that copy. A silent lookup is two accesses (msal-node 3.8.10: `getAllAccounts`, then
   * `acquireTokenSilent` reloads the whole cache through `TokenCache.overwriteCache`), an on-behalf-of exchange
   * that saves its tokens is two too; one read serves both. Every write stays conditional on the eTag that read
   * saw, so a copy another instance changed meanwhile is merged, not overwritten.
   */
  readingOnce<T>(lookup: () => Promise<T>): Promise<T>;
  /** Deletes the user's item: signed out on every instance, whose next access finds nothing. */
  remove(): Promise<void>;
}

export interface SharedTokenCache {
  forUser(owner: TokenCacheOwner): UserTokenCache;
  /**
   * Deletes the one item earlier versions kept for every user (`msal/tokenCache`): nothing reads it any more, and
   * it holds refresh tokens. Its users sign in again once, silently with Teams SSO.
   */
  removeUnpartitionedCache(): Promise<void>;
}

/** Where earlier versions kept every user's tokens in one item. */
export const UNPARTITIONED_CACHE_KEY = 'msal/tokenCache';

interface StoredCache extends StoreItem {
  readonly cipher: { readonly iv: string; readonly tag: string; readonly data: string };
}

interface ReadCache {
  readonly json: string | undefined;
  readonly eTag: string;
}

/** What msal loads for a user with no item (never signed in, signed out, or unreadable): nothing. */
const EMPTY_CACHE = '{}';

export function createSharedTokenCache(options: SharedTokenCacheOptions): SharedTokenCache {
  const { storage, encryptionKey, logger } = options;
  if (encryptionKey.length !== 32) throw new RangeError('The token cache encryption key must be 32 bytes (AES-256).');
  return {
    forUser: (owner) => userTokenCache(tokenCacheKeyFor(owner), storage, encryptionKey, logger),
    removeUnpartitionedCache: () => storage.delete([UNPARTITIONED_CACHE_KEY]),
  };
}

function userTokenCache(key: string, storage: Storage, encryptionKey: Buffer, logger: Logger): UserTokenCache {
  let lastReadETag = IF_ABSENT_ETAG;
  // Lookups running now (two turns of one user may overlap), and the copy the first access among them read.
  let lookups = 0;
  let held: ReadCache | undefined;

  // The version last read whole: while the store says the item is still that version, it is neither downloaded nor
  // decrypted again (on stores that read conditionally, `ReadsIfChanged`); any write, this instance's too, changes it.
  let lastRead: ReadCache | undefined;

  async function readStored(): Promise<ReadCache> {
    const known = lastRead;
    if (known && readsIfChanged(storage)) {
      const item = await storage.readIfChanged(key, known.eTag);
      if (item === UNCHANGED) return known;
      return remembered(item as StoredCache | undefined);
    }
    return remembered((await storage.read([key]))[key] as StoredCache | undefined);
  }

  function remembered(item: StoredCache | undefined): ReadCache {
    const read = decoded(item);
    // Only a version the store named: asked about '*', a store would call any existing item unchanged.
    lastRead = read.json !== undefined && read.eTag !== '*' ? read : undefined;
    return read;
  }

  function decoded(item: StoredCache | undefined): ReadCache {
    if (!item) return { json: undefined, eTag: IF_ABSENT_ETAG };
    const eTag = typeof item.eTag === 'string' ? item.eTag : '*';
    try {
      return { json: decrypt(item.cipher, encryptionKey, key), eTag };
    } catch (error) {
      // A rotated key, a damaged item or one moved from another key: start empty (the user signs in again).
      logger.warn("A user's shared token cache could not be decrypted; starting with an empty cache", { key, error });
      return { json: undefined, eTag };
    }
  }

  async function write(json: string, eTag: string): Promise<void> {
    await storage.write({ [key]: { cipher: encrypt(json, encryptionKey, key), eTag } satisfies StoredCache });
  }

  return {
    key,

    async readingOnce(lookup) {
      lookups += 1;
      try {
        return await lookup();
      } finally {
        lookups -= 1;
        if (lookups === 0) held = undefined;
      }
    },

    async remove() {
      held = undefined;
      await storage.delete([key]);
    },

    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      let stored = lookups > 0 ? held : undefined;
      if (!stored) {
        stored = await readStored();
        if (lookups > 0) held = stored;
      }
      lastReadETag = stored.eTag;
      // Always loaded, even when there is no item: what msal held from an earlier access may have been signed out since.
      context.tokenCache.deserialize(stored.json ?? EMPTY_CACHE);
    },

    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged) return;
      const ours = context.tokenCache.serialize();
      // What was just written is what a later access in the same lookup must see.
      held = undefined;
      try {
        await write(ours, lastReadETag);
      } catch (error) {
        if (!isStorageWriteConflict(error)) throw error;
        // Another instance saved this user's tokens since we read: keep both sets (ours win for the same entry) and try once more.
        const theirs = await readStored();
        try {
          await write(mergeCaches(theirs.json, ours), theirs.eTag);
        } catch (retryError) {
          if (!isStorageWriteConflict(retryError)) throw retryError;
          // Only costs an identity-provider call later: the next access reads what the other instance saved.
          logger.warn("A user's shared token cache changed twice while saving; their new tokens were not stored", { key });
        }
      }
    },
  };
}

/** msal's serialized cache is one object per credential kind, each keyed by cache key. */
function mergeCaches(theirs: string | undefined, ours: string): string {
  if (theirs === undefined) return ours;
  const base = JSON.parse(theirs) as Record<string, Record<string, unknown> | undefined>;
  const mine = JSON.parse(ours) as Record<string, Record<string, unknown> | undefined>;
  const merged: Record<string, Record<string, unknown>> = {};
  for (const section of new Set([...Object.keys(base), ...Object.keys(mine)])) {
    merged[section] = { ...base[section], ...mine[section] };
  }
  return JSON.stringify(merged);
}

function encrypt(plain: string, key: Buffer, associatedKey: string): StoredCache['cipher'] {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedKey));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function decrypt(stored: StoredCache['cipher'], key: Buffer, associatedKey: string): string {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(stored.iv, 'base64'));
  decipher.setAAD(Buffer.from(associatedKey));
  decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64')), decipher.final()]).toString('utf8');
}
