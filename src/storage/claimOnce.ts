import type { Storage } from 'botbuilder';
import { IF_ABSENT_ETAG } from './conditionalWrites';
import { isStorageWriteConflict } from '../errors/storageWriteConflictError';

/**
 * True for the first caller to claim `key`, false for anyone after, across every instance sharing the storage:
 * a create-only write (see `conditionalWrites.ts`). Other storage failures propagate.
 */
export async function claimOnce(storage: Storage, key: string, now: Date = new Date()): Promise<boolean> {
  try {
    await storage.write({ [key]: { eTag: IF_ABSENT_ETAG, claimedAt: now.toISOString() } });
    return true;
  } catch (error) {
    if (isStorageWriteConflict(error)) return false;
    throw error;
  }
}

/** Gives the claim up, so the next `claimOnce` for `key` succeeds again. */
export async function releaseClaim(storage: Storage, key: string): Promise<void> {
  await storage.delete([key]);
}
