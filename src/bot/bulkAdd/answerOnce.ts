/**
 * "Exactly once" for the bulk create: the first caller for a key does the work, and everyone after it (a second
 * click, Teams resending the same invoke, another instance on the same storage) gets the answer the first one
 * recorded. Built on `claimOnce` (create-only write of the claim) plus a record of the answer beside it.
 *
 * This is the one place that knows how: when the storage layer offers `once(key, ttl, fn)`, `answerOnce` becomes
 * a call to it (the work as `fn`, its answer as the value), and no caller changes.
 */
import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { claimOnce, releaseClaim } from '../../storage/claimOnce';

export type OnceAnswer<T> = { readonly kind: 'answer'; readonly value: T } | { readonly kind: 'inProgress' };

export interface AnswerOnceOptions {
  /** How long a later caller waits for the first one's answer before saying it is still under way. */
  readonly waitMs: number;
  readonly pollMs: number;
}

export const DEFAULT_ANSWER_WAIT: AnswerOnceOptions = Object.freeze({ waitMs: 8_000, pollMs: 200 });

/**
 * A storage key for `parts` (e.g. the owner and the card's batch id): hashed, so ids from a card never shape the
 * key, and a batch id copied into a forged card of another user names a different record.
 */
export function onceKey(scope: string, ...parts: readonly string[]): string {
  return `${scope}/${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/**
 * Runs `work` once for `key`. If `work` throws, nothing is recorded and the claim is given up, so the same click
 * may try again; its error propagates.
 */
export async function answerOnce<T>(storage: Storage, key: string, work: () => Promise<T>, options: AnswerOnceOptions = DEFAULT_ANSWER_WAIT): Promise<OnceAnswer<T>> {
  const answerKey = `${key}/answer`;
  if (await claimOnce(storage, key)) {
    let value: T;
    try {
      value = await work();
    } catch (error) {
      await releaseClaim(storage, key);
      throw error;
    }
    await storage.write({ [answerKey]: { value } });
    return { kind: 'answer', value };
  }
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const stored = (await storage.read([answerKey]))[answerKey] as { value?: T } | undefined;
    if (stored && stored.value !== undefined) return { kind: 'answer', value: stored.value };
    if (Date.now() >= deadline) return { kind: 'inProgress' };
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}
