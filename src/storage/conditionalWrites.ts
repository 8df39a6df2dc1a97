/**
 * The write contract every `Storage` from `createStorage` keeps (MemoryStorage and Cosmos do natively; Blob
 * storage through `CreateIfAbsentBlobsStorage`):
 * - eTag `'*'` or none: unconditional write;
 * - any other eTag: conditional. An existing item is replaced only if its eTag matches; a missing item is created,
 *   atomically, so of two writers racing to create the same key exactly one succeeds.
 * A conditional write that loses throws an error `isStorageWriteConflict` recognises.
 */

/** An eTag no store ever issues: a write with it creates the item if absent and conflicts if it exists. */
export const IF_ABSENT_ETAG = 'if-absent';
