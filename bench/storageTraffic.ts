/**
 * What the bot asks of its Blob storage, counted on the wire (`storageCounterProcess.ts` stands between the bot and
 * Azurite): each request classified as a read, a write, a delete or something else (container calls, listings for
 * the expiry sweep), by whether it touches the shared token cache (a user's `msal/tokenCache/…` item) or state,
 * with the bytes written (request bodies of writes) and read (response bodies of reads). Pure: tested in
 * `test/bench/production.test.ts`.
 */

export type StorageOperation = 'read' | 'write' | 'delete' | 'other';

export interface StorageRequest {
  readonly operation: StorageOperation;
  /** The storage key, as the bot named it (undefined for container calls). */
  readonly key: string | undefined;
  readonly tokenCache: boolean;
}

/** The token cache's storage keys, one per user (`tokenCacheKeyFor` in `src/storage/msalCachePlugin.ts`). */
const TOKEN_CACHE_KEY = /^msal\//;

/** A key is URI-encoded by botbuilder's BlobsStorage, then again in the URL path: decoded until it stops changing. */
function decodedKey(encoded: string): string {
  let key = encoded;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(key);
    } catch {
      // A lone % in a key: what is there is the key.
      return key;
    }
    if (next === key) return key;
    key = next;
  }
  return key;
}

/** `/<account>/<container>/<blob>?…` → what the request does. */
export function classifyStorageRequest(method: string, url: string): StorageRequest {
  const [path = '', query = ''] = url.split('?');
  const [, , , ...blobParts] = path.split('/');
  const key = blobParts.length > 0 && blobParts.join('/') !== '' ? decodedKey(blobParts.join('/')) : undefined;
  const tokenCache = key !== undefined && TOKEN_CACHE_KEY.test(key);
  if (key === undefined || /(^|&)comp=/.test(query)) return { operation: 'other', key, tokenCache };
  if (method === 'GET' || method === 'HEAD') return { operation: 'read', key, tokenCache };
  if (method === 'PUT') return { operation: 'write', key, tokenCache };
  if (method === 'DELETE') return { operation: 'delete', key, tokenCache };
  return { operation: 'other', key, tokenCache };
}

/** Requests and bytes, for state and for the token cache apart. */
export interface StorageCounts {
  readonly requests: number;
  readonly stateReads: number;
  readonly stateWrites: number;
  readonly stateDeletes: number;
  readonly tokenCacheReads: number;
  readonly tokenCacheWrites: number;
  readonly other: number;
  readonly stateBytesWritten: number;
  readonly stateBytesRead: number;
  readonly tokenCacheBytesRead: number;
  readonly tokenCacheBytesWritten: number;
}

export const NO_STORAGE_REQUESTS: StorageCounts = Object.freeze({
  requests: 0,
  stateReads: 0,
  stateWrites: 0,
  stateDeletes: 0,
  tokenCacheReads: 0,
  tokenCacheWrites: 0,
  other: 0,
  stateBytesWritten: 0,
  stateBytesRead: 0,
  tokenCacheBytesRead: 0,
  tokenCacheBytesWritten: 0,
});

/** `counts` with one more request: `bytesSent` is the request body, `bytesReceived` the response body. */
export function countRequest(counts: StorageCounts, request: StorageRequest, bytesSent: number, bytesReceived: number): StorageCounts {
  const next = { ...counts, requests: counts.requests + 1 };
  switch (request.operation) {
    case 'read':
      return request.tokenCache
        ? { ...next, tokenCacheReads: next.tokenCacheReads + 1, tokenCacheBytesRead: next.tokenCacheBytesRead + bytesReceived }
        : { ...next, stateReads: next.stateReads + 1, stateBytesRead: next.stateBytesRead + bytesReceived };
    case 'write':
      return request.tokenCache
        ? { ...next, tokenCacheWrites: next.tokenCacheWrites + 1, tokenCacheBytesWritten: next.tokenCacheBytesWritten + bytesSent }
        : { ...next, stateWrites: next.stateWrites + 1, stateBytesWritten: next.stateBytesWritten + bytesSent };
    case 'delete':
      return request.tokenCache ? { ...next, other: next.other + 1 } : { ...next, stateDeletes: next.stateDeletes + 1 };
    case 'other':
      return { ...next, other: next.other + 1 };
  }
}

/** The difference `after − before`, divided by `turns`: per-turn figures of one run. */
export function storagePerTurn(before: StorageCounts, after: StorageCounts, turns: number): StorageCounts {
  const per = (name: keyof StorageCounts): number => (turns > 0 ? (after[name] - before[name]) / turns : Number.NaN);
  return Object.fromEntries((Object.keys(NO_STORAGE_REQUESTS) as (keyof StorageCounts)[]).map((name) => [name, per(name)])) as unknown as StorageCounts;
}
