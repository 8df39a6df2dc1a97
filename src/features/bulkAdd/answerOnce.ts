/**
 * "Exactly once" for the bulk create, on the storage's `once` (create-only claim, result stored beside it, expiry
 * by its kind's lifetime): the first caller for a key does the work, and everyone after it (a second click, Teams
 * resending the same invoke, another instance on the same storage) gets the answer the first one recorded. A caller
 * that arrives while the first is still working waits a little for that answer.
 */
import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { once, readOnce } from '../../storage/once';
import { RECORD_KINDS } from '../../storage/onceKinds';

export type OnceAnswer<T> = { readonly kind: 'answer'; readonly value: T } | { readonly kind: 'inProgress' };

export interface AnswerOnceOptions {
  /** How long a later caller waits for the first one's answer before saying it is still under way. */
  readonly waitMs: number;
  readonly pollMs: number;
}

export const DEFAULT_ANSWER_WAIT: AnswerOnceOptions = Object.freeze({ waitMs: 8_000, pollMs: 200 });

/**
 * The storage key for `parts` (the owner and the card's batch id): hashed, so ids from a card never shape the key,
 * and a batch id copied into a forged card of another user names a different record.
 */
export function onceKey(...parts: readonly string[]): string {
  return `${RECORD_KINDS.bulkAdd.prefix}${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/**
 * Runs `work` once for `key`. If `work` throws, nothing is recorded and the claim is given up, so the same click
 * may try again; its error propagates. The answer is stored as JSON, so it must survive a JSON round trip.
 */
export async function answerOnce<T>(storage: Storage, key: string, work: () => Promise<T>, options: AnswerOnceOptions = DEFAULT_ANSWER_WAIT): Promise<OnceAnswer<T>> {
  // The answer was written by `work` of this same code path, so it is taken as it was stored.
  const parse = (stored: unknown): T | undefined => (stored === undefined || stored === null ? undefined : (stored as T));
  const outcome = await once(storage, key, { lifetimeMs: RECORD_KINDS.bulkAdd.lifetimeMs, parse }, work);
  if (outcome.kind !== 'running') return { kind: 'answer', value: outcome.value };
  const deadline = Date.now() + options.waitMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    const later = await readOnce(storage, key, parse);
    if (later.kind === 'done') return { kind: 'answer', value: later.value };
    // Given back (the first try failed): this click may try itself.
    if (later.kind === 'absent') return answerOnce(storage, key, work, { ...options, waitMs: Math.max(0, deadline - Date.now()) });
  }
  return { kind: 'inProgress' };
}
