import { ERROR_CODES } from './errorCodes';

/**
 * How a lost optimistic-concurrency race shows up. MemoryStorage and BlobsStorage throw
 * `Storage: error writing "<key>" due to eTag conflict.`, Cosmos passes on HTTP 412 (`code: 412`), and the Azure
 * SDK's own errors carry `statusCode: 412`; botbuilder has no error type for it, so every form is recognised here.
 */
export class StorageWriteConflictError extends Error {
  override readonly name = 'StorageWriteConflictError';
  readonly code = ERROR_CODES.storageWriteConflict;
  readonly statusCode = 412;

  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/** True for a lost eTag race in any of the forms above (the one type guard; `instanceof` alone misses the others). */
export function isStorageWriteConflict(error: unknown): boolean {
  if (error instanceof StorageWriteConflictError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, code, message } = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (statusCode === 412 || code === 412 || code === 'ConditionNotMet') return true;
  return typeof message === 'string' && /etag conflict|condition[\w\s()-]*not met|precondition/i.test(message);
}
