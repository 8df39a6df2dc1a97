/**
 * msal-node's token cache on the bot's `Storage`, so every instance sees the tokens any instance obtained. With
 * Teams SSO the bot gets a user's SSO token only in the `signin/tokenExchange` that one instance handled; a
 * cache per instance would leave the others with nothing to renew from, and the user asked to sign in again.
 * The cache holds refresh tokens, so it is stored encrypted (AES-256-GCM, the storage key bound in as associated
 * data so a ciphertext cannot be moved to another key) and never logged.
 */
import crypto from 'node:crypto';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Storage, StoreItem } from 'botbuilder';
import type { Logger } from '../logger';
import { IF_ABSENT_ETAG } from './conditionalWrites';
import { isStorageWriteConflict } from '../errors/storageWriteConflictError';

export interface StorageCachePluginOptions {
  readonly storage: Storage;
  /** 32 bytes: the AES-256 key, e.g. from `crypto.randomBytes(32)`, kept in the app's secret store. */
  readonly encryptionKey: Buffer;
  readonly logger: Logger;
  /** Storage key of the cache item (default `msal/tokenCache`). */
  readonly key?: string;
}

interface StoredCache extends StoreItem {
  readonly cipher: { readonly iv: string; readonly tag: string; readonly data: string };
}

const DEFAULT_KEY = 'msal/tokenCache';

export function createStorageCachePlugin(options: StorageCachePluginOptions): ICachePlugin {
  const { storage, encryptionKey, logger } = options;
  const key = options.key ?? DEFAULT_KEY;
  if (encryptionKey.length !== 32) throw new RangeError('The token cache encryption key must be 32 bytes (AES-256).');
  let lastReadETag = IF_ABSENT_ETAG;

  async function readStored(): Promise<{ json: string | undefined; eTag: string }> {
    const item = (await storage.read([key]))[key] as StoredCache | undefined;
    if (!item) return { json: undefined, eTag: IF_ABSENT_ETAG };
    const eTag = typeof item.eTag === 'string' ? item.eTag : '*';
    try {
      return { json: decrypt(item.cipher, encryptionKey, key), eTag };
    } catch (error) {
      // A rotated key or a damaged item: start empty (users sign in again) rather than fail every sign-in.
      logger.warn('The shared token cache could not be decrypted; starting with an empty cache', { key, error });
      return { json: undefined, eTag };
    }
  }

  async function write(json: string, eTag: string): Promise<void> {
    await storage.write({ [key]: { cipher: encrypt(json, encryptionKey, key), eTag } satisfies StoredCache });
  }

  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      const stored = await readStored();
      lastReadETag = stored.eTag;
      if (stored.json !== undefined) context.tokenCache.deserialize(stored.json);
    },

    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged) return;
      const ours = context.tokenCache.serialize();
      try {
        await write(ours, lastReadETag);
      } catch (error) {
        if (!isStorageWriteConflict(error)) throw error;
        // Another instance saved tokens since we read: keep both sets (ours win for the same entry) and try once more.
        const theirs = await readStored();
        try {
          await write(mergeCaches(theirs.json, ours), theirs.eTag);
        } catch (retryError) {
          if (!isStorageWriteConflict(retryError)) throw retryError;
          // Only costs an identity-provider call later: the token stays in this instance's memory for now.
          logger.warn('The shared token cache changed twice while saving; this instance keeps its new tokens in memory only', { key });
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
