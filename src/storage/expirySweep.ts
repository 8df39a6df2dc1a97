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
import { lifetimeCapOf } from './onceKinds';

export interface SweepOutcome {
  readonly deleted: number;
  /** The sweep stopped at its limit, so expired records may remain: the next one need not wait. */
  readonly stoppedAtLimit: boolean;
}

export interface ExpirySweep {
  /** Deletes expired records, doing at most `limit` records' worth of work. */
  sweepExpired(now: Date, limit: number): Promise<SweepOutcome>;
}

/** How often one storage object is swept at most, and how much one sweep may do: a sweep rides on a user's turn. */
export const SWEEP_INTERVAL_MS = 60_000;
export const SWEEP_LIMIT = 200;

interface SweepSchedule {
  lastStartedAt: number;
  running: boolean;
  backlog: boolean;
}

const schedules = new WeakMap<Storage, SweepSchedule>();

export function canSweep(storage: Storage): storage is Storage & ExpirySweep {
  return typeof (storage as Partial<ExpirySweep>).sweepExpired === 'function';
}

/**
 * The pause between sweeps of `storage`: `SWEEP_INTERVAL_MS`, or its record lifetime cap when that is shorter, so
 * records with a short lifetime are gone within about two lifetimes.
 */
export function sweepIntervalOf(storage: Storage): number {
  const capMs = lifetimeCapOf(storage);
  return capMs === null ? SWEEP_INTERVAL_MS : Math.min(SWEEP_INTERVAL_MS, capMs);
}

/**
 * Starts a bounded sweep when this storage object is due one: none running, and either `sweepIntervalOf` has passed
 * since the last one started, or the last one stopped at its limit (records are expiring faster than one sweep per
 * interval removes them, so sweeps follow each other, still one at a time). It does not hold up the caller, and a
 * failed sweep changes nothing (the next one tries again); expired records count as absent anyway.
 */
export function sweepNowAndThen(storage: Storage, now: Date): void {
  if (!canSweep(storage)) return;
  const schedule = schedules.get(storage);
  if (schedule?.running) return;
  if (schedule && !schedule.backlog && now.getTime() - schedule.lastStartedAt < sweepIntervalOf(storage)) return;
  const next: SweepSchedule = { lastStartedAt: now.getTime(), running: true, backlog: false };
  schedules.set(storage, next);
  storage.sweepExpired(now, SWEEP_LIMIT).then(
    (outcome) => {
      next.running = false;
      next.backlog = outcome.stoppedAtLimit;
    },
    () => {
      next.running = false;
    },
  );
}
