import type { FailureCode } from './errorCatalogue';

/**
 * The codes of the errors the bot throws, by name; each is an entry of the catalogue (`errorCatalogue.ts`), which
 * holds its severity and words. A code is what logs and invoke error bodies carry and what code branches on (never
 * an error's message text). Graph failures have one code per kind (`graph-<kind>`). Not being signed in is no
 * error: it is a result of the token provider, handled by the bot's one sign-in wrapper.
 */
export const ERROR_CODES = Object.freeze({
  /** The environment does not make a usable configuration (a start-up error naming the setting). */
  config: 'config-invalid',
  /** Another turn or instance wrote the same storage key first (optimistic concurrency). */
  storageWriteConflict: 'storage-write-conflict',
  /** Anything else: a bug. */
  internal: 'internal',
} as const satisfies Readonly<Record<string, FailureCode>>);

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
