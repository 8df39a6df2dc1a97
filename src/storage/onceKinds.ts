/**
 * Every kind of record the bot keeps in shared storage beside conversation state, with how long it lives. A
 * record's key starts with its kind's prefix, so an expired record can be recognised (and swept) by its key even
 * when it was written before records carried `expiresAt` (then it expires from its `claimedAt`).
 */
const HOUR_MS = 60 * 60 * 1000;

export interface RecordKind {
  readonly prefix: string;
  /** `null`: kept until something deletes it (the welcome claim, released on uninstall). */
  readonly lifetimeMs: number | null;
}

export const RECORD_KINDS = Object.freeze({
  /** One welcome per install: kept until the bot is uninstalled from the conversation. */
  welcome: { prefix: 'welcome/', lifetimeMs: null },
  /** Teams sends copies of one exchange within seconds; hours leave a wide margin. */
  tokenExchange: { prefix: 'tokenExchange/', lifetimeMs: 6 * HOUR_MS },
  /** A double click or a retried invoke on Create arrives within minutes. */
  addInterest: { prefix: 'addInterest/', lifetimeMs: 6 * HOUR_MS },
  /** One bulk create (or retry) per card: a second click, a resent invoke or another instance gets its answer. */
  bulkAdd: { prefix: 'bulkAdd/', lifetimeMs: 6 * HOUR_MS },
  /** The interest as read before a delete, for Undo: as long as an Undo button is promised to work. */
  undoSnapshot: { prefix: 'undoSnapshot/', lifetimeMs: 24 * HOUR_MS },
  /** The answer to a confirmed delete, so a resent invoke gets the same card (same undo token). */
  interestDeleted: { prefix: 'interestDeleted/', lifetimeMs: 24 * HOUR_MS },
  /** The interest an Undo re-created, so a second click (on any instance) shows it instead of making another. */
  undoRestore: { prefix: 'undoRestore/', lifetimeMs: 24 * HOUR_MS },
} satisfies Record<string, RecordKind>);

export type RecordKindName = keyof typeof RECORD_KINDS;

export const ALL_RECORD_KINDS: readonly RecordKind[] = Object.freeze(Object.values(RECORD_KINDS));

/**
 * A store configured with a cap on record lifetimes (`STORAGE_RECORD_LIFETIME_SECONDS`, set by `createStorage`).
 * The cap belongs to the store, because everything that decides a record's expiry works on the store: `once` and
 * the undo snapshots when they write `expiresAt`, the sweeps when they judge records written before it existed.
 */
export interface RecordLifetimeCap {
  /** `null`: the documented lifetimes. */
  readonly recordLifetimeCapMs: number | null;
}

/** The cap `storage` was configured with, or `null` (the documented lifetimes) for a store without one. */
export function lifetimeCapOf(storage: object): number | null {
  const cap = (storage as Partial<RecordLifetimeCap>).recordLifetimeCapMs;
  return typeof cap === 'number' && cap > 0 ? cap : null;
}

/** A kind's lifetime under `capMs`. A kind kept until deleted (`null`, the welcome) stays so whatever the cap. */
export function cappedLifetime(lifetimeMs: number, capMs: number | null): number;
export function cappedLifetime(lifetimeMs: number | null, capMs: number | null): number | null;
export function cappedLifetime(lifetimeMs: number | null, capMs: number | null): number | null {
  if (lifetimeMs === null || capMs === null) return lifetimeMs;
  return Math.min(lifetimeMs, capMs);
}

/** Every kind's lifetime under `capMs`: what a store with that cap keeps records for. */
export function recordLifetimes(capMs: number | null): Readonly<Record<RecordKindName, number | null>> {
  const entries = Object.entries(RECORD_KINDS).map(([name, kind]) => [name, cappedLifetime(kind.lifetimeMs, capMs)] as const);
  return Object.freeze(Object.fromEntries(entries) as Record<RecordKindName, number | null>);
}

/**
 * When the record stored under `key` stops counting, or `null` for never. `capMs` is the store's cap; it matters only
 * for records written before they carried `expiresAt` (a record that carries one was written under the cap already).
 */
export function expiryOf(key: string, item: unknown, capMs: number | null = null): number | null {
  if (typeof item !== 'object' || item === null) return null;
  const { expiresAt, claimedAt } = item as { expiresAt?: unknown; claimedAt?: unknown };
  if (typeof expiresAt === 'string') return timeOf(expiresAt);
  // Written before records carried an expiry: it expires from when it was claimed, by its kind's lifetime.
  const kind = ALL_RECORD_KINDS.find((candidate) => key.startsWith(candidate.prefix));
  const lifetimeMs = kind ? cappedLifetime(kind.lifetimeMs, capMs) : null;
  if (lifetimeMs === null || typeof claimedAt !== 'string') return null;
  return timeOf(claimedAt) + lifetimeMs;
}

export function isExpired(key: string, item: unknown, now: Date, capMs: number | null = null): boolean {
  const expiry = expiryOf(key, item, capMs);
  return expiry !== null && expiry <= now.getTime();
}

// An unreadable date counts as already past, so a damaged record cannot block its key forever.
function timeOf(text: string): number {
  const time = Date.parse(text);
  return Number.isNaN(time) ? 0 : time;
}
