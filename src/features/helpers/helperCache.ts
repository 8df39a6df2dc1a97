/**
 * What "who can help with …" read, kept in process memory per (conversation, asker) for a few minutes, so the same
 * person asking again (another topic, a typo fixed) costs no Graph call. Bounded: the oldest entry goes first.
 * It holds only what that asker was allowed to read, and only for them; nothing is written anywhere else.
 */
export interface HelperCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly clock: () => Date;
}

export const DEFAULT_HELPER_CACHE: Omit<HelperCacheOptions, 'clock'> = Object.freeze({ ttlMs: 5 * 60_000, maxEntries: 500 });

export interface HelperCache<T> {
  get(conversationId: string, askerId: string): T | undefined;
  set(conversationId: string, askerId: string, value: T): void;
  readonly size: number;
}

export function createHelperCache<T>(options: HelperCacheOptions): HelperCache<T> {
  const entries = new Map<string, { readonly value: T; readonly expiresAt: number }>();
  const keyOf = (conversationId: string, askerId: string): string => JSON.stringify([conversationId, askerId]);
  return {
    get(conversationId, askerId) {
      const key = keyOf(conversationId, askerId);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= options.clock().getTime()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(conversationId, askerId, value) {
      const key = keyOf(conversationId, askerId);
      entries.delete(key);
      entries.set(key, { value, expiresAt: options.clock().getTime() + options.ttlMs });
      // Maps iterate in insertion order: the first key is the oldest.
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
