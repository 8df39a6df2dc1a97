/**
 * "Exactly once" across every instance sharing the bot's storage: the first caller for a key claims it with a
 * create-only write (`conditionalWrites.ts`), runs the side effect, and stores its result under the key, so a
 * replay (a double click, Teams resending an invoke, a copy of a token exchange on another instance) gets the
 * same answer without running it again. A side effect that fails gives its claim back, so a later try can run.
 *
 * Every record expires after its kind's lifetime (`onceKinds.ts`), or sooner when the store is configured with a
 * shorter cap (`STORAGE_RECORD_LIFETIME_SECONDS`). An expired record counts as absent: the next
 * claim replaces exactly that record (a conditional write on its eTag, so of two instances only one takes it
 * over), and the stores that can list their items sweep expired ones (`expirySweep.ts`).
 */
import type { Storage, StoreItem } from 'botbuilder';
import { IF_ABSENT_ETAG } from './conditionalWrites';
import { sweepNowAndThen } from './expirySweep';
import { cappedLifetime, isExpired, lifetimeCapOf } from './onceKinds';
import { isStorageWriteConflict } from '../errors/storageWriteConflictError';

export type OnceOutcome<T> =
  /** This call ran the side effect; `value` is its result. */
  | { readonly kind: 'ran'; readonly value: T }
  /** An earlier call ran it; `value` is the result it stored. */
  | { readonly kind: 'done'; readonly value: T }
  /** An earlier call claimed it and has not stored a result (still running, or it died: then until expiry). */
  | { readonly kind: 'running' };

export interface OnceOptions<T> {
  /** How long the claim and its result count (at most the store's cap); `null` keeps them until `releaseOnce`. */
  readonly lifetimeMs: number | null;
  /** Reads a stored result back (storage is outside the type system); a result it refuses counts as running. */
  readonly parse: (stored: unknown) => T | undefined;
  readonly now?: Date;
}

interface OnceRecord {
  readonly claimedAt: string;
  readonly expiresAt: string | null;
  readonly done?: true;
  readonly result?: unknown;
}

/** Reads back a stored interest id (the result of a create run through `once`). */
export const parseStoredInterestId = (stored: unknown): string | undefined => (typeof stored === 'string' && stored !== '' ? stored : undefined);

export async function once<T>(storage: Storage, key: string, options: OnceOptions<T>, run: () => Promise<T>): Promise<OnceOutcome<T>> {
  const now = options.now ?? new Date();
  const capMs = lifetimeCapOf(storage);
  const lifetimeMs = cappedLifetime(options.lifetimeMs, capMs);
  const existing = (await storage.read([key]))[key];
  if (existing !== undefined && !isExpired(key, existing, now, capMs)) return earlierOutcome(existing, options.parse);
  const record: OnceRecord = {
    claimedAt: now.toISOString(),
    expiresAt: lifetimeMs === null ? null : new Date(now.getTime() + lifetimeMs).toISOString(),
  };
  // Absent: create it. Expired: replace that very record, so two instances cannot both take it over.
  const eTag = existing === undefined ? IF_ABSENT_ETAG : (eTagOf(existing) ?? IF_ABSENT_ETAG);
  try {
    await storage.write({ [key]: { ...record, eTag } });
  } catch (error) {
    if (!isStorageWriteConflict(error)) throw error;
    const winner = (await storage.read([key]))[key];
    return winner === undefined ? { kind: 'running' } : earlierOutcome(winner, options.parse);
  }
  sweepNowAndThen(storage, now);
  let value: T;
  try {
    value = await run();
  } catch (error) {
    // Nothing happened, so the next try may run. If even the release fails, the claim ends with its lifetime.
    await releaseOnce(storage, key).catch(() => undefined);
    throw error;
  }
  const finished: OnceRecord = { ...record, done: true, result: value };
  await storage.write({ [key]: { ...finished, eTag: '*' } });
  return { kind: 'ran', value };
}

/** What an earlier `once` for `key` left, without claiming anything: `absent` when there is none (or it expired). */
export async function readOnce<T>(storage: Storage, key: string, parse: (stored: unknown) => T | undefined, now: Date = new Date()): Promise<OnceOutcome<T> | { readonly kind: 'absent' }> {
  const existing = (await storage.read([key]))[key];
  if (existing === undefined || isExpired(key, existing, now, lifetimeCapOf(storage))) return { kind: 'absent' };
  return earlierOutcome(existing, parse);
}

/** Gives the claim up, so the next `once` for `key` runs again (the welcome, on uninstall). */
export async function releaseOnce(storage: Storage, key: string): Promise<void> {
  await storage.delete([key]);
}

function earlierOutcome<T>(item: StoreItem, parse: (stored: unknown) => T | undefined): OnceOutcome<T> {
  // Claims written before results were stored have no `done`: they count as running until they expire.
  if ((item as { done?: unknown }).done !== true) return { kind: 'running' };
  const value = parse((item as { result?: unknown }).result);
  return value === undefined ? { kind: 'running' } : { kind: 'done', value };
}

function eTagOf(item: StoreItem): string | undefined {
  return typeof item.eTag === 'string' && item.eTag !== '' && item.eTag !== '*' ? item.eTag : undefined;
}
