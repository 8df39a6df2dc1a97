/**
 * Removing expired records (`onceKinds.ts`) from the stores that can list their items. botbuilder's `Storage`
 * has no listing, so each store that can sweep says so by implementing `ExpirySweep`:
 * - memory (`SweepingMemoryStorage`): every expired record, at once;
 * - Blob (`CreateIfAbsentBlobsStorage`): a bounded number of blobs per sweep, under the record kinds' prefixes,
 *   each deleted only if unchanged since it was read;
 * - Cosmos (`CosmosDbPartitionedStorage`): cannot list through its storage class, and nests the item in the
 *   document, where Cosmos's own `ttl` is not seen. Expired records there count as absent and are replaced when
 *   their key is used again; see docs/storage.md.
 */
import type { Storage } from 'botbuilder';

export interface ExpirySweep {
  /** Deletes at most `limit` expired records; returns how many it deleted. */
  sweepExpired(now: Date, limit: number): Promise<number>;
}

/** How often one storage object is swept at most, and how much one sweep may do: a sweep rides on a user's turn. */
export const SWEEP_INTERVAL_MS = 60_000;
export const SWEEP_LIMIT = 200;

const lastSweep = new WeakMap<Storage, number>();

export function canSweep(storage: Storage): storage is Storage & ExpirySweep {
  return typeof (storage as Partial<ExpirySweep>).sweepExpired === 'function';
}

/**
 * Starts a bounded sweep when this storage object has not been swept for `SWEEP_INTERVAL_MS`. It does not hold up
 * the caller, and a failed sweep changes nothing (the next one tries again); expired records count as absent anyway.
 */
export function sweepNowAndThen(storage: Storage, now: Date): void {
  if (!canSweep(storage)) return;
  const last = lastSweep.get(storage);
  if (last !== undefined && now.getTime() - last < SWEEP_INTERVAL_MS) return;
  lastSweep.set(storage, now.getTime());
  storage.sweepExpired(now, SWEEP_LIMIT).catch(() => undefined);
}
