import type { Storage, StoreItem } from 'botbuilder';

/** The answer of a conditional read whose item is still the version the reader holds. */
export const UNCHANGED = Symbol('unchanged since that eTag');

/**
 * A store that can read an item only if it changed: `If-None-Match` with the eTag the reader last saw, which the
 * store answers without the item while it is still that version. `Storage` has no such read; Blob storage
 * (`CreateIfAbsentBlobsStorage`) adds it, and a reader falls back to `read` on any store without it.
 */
export interface ReadsIfChanged {
  /** `UNCHANGED` while the item's eTag is `eTag`; otherwise the item as `read` returns it, or undefined if absent. */
  readIfChanged(key: string, eTag: string): Promise<StoreItem | undefined | typeof UNCHANGED>;
}

export function readsIfChanged(storage: Storage): storage is Storage & ReadsIfChanged {
  return typeof (storage as Partial<ReadsIfChanged>).readIfChanged === 'function';
}
