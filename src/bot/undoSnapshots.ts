/**
 * What Undo re-creates, kept server-side: the delete flow reads the interest before asking to confirm, and that
 * object is stored whole in the bot's shared storage under an unguessable token bound to its owner, for 24 hours
 * (or the store's shorter cap, `STORAGE_RECORD_LIFETIME_SECONDS`).
 * Cards carry only the token, so nothing a card says is ever written to the profile.
 */
import { randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { parseStoredInterest, type StoredInterest } from '../graph/personInterestWire';
import { sweepNowAndThen } from '../storage/expirySweep';
import { cappedLifetime, isExpired, lifetimeCapOf, RECORD_KINDS } from '../storage/onceKinds';

export interface UndoSnapshot {
  readonly ownerId: string;
  /** The interest exactly as Graph returned it before the delete. */
  readonly interest: StoredInterest;
}

// 32 random bytes: a token cannot be guessed, and its form is checked before any storage read.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const undoSnapshotKey = (token: string): string => `${RECORD_KINDS.undoSnapshot.prefix}${token}`;

export function isUndoToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

export async function keepUndoSnapshot(storage: Storage, snapshot: UndoSnapshot, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const lifetimeMs = cappedLifetime(RECORD_KINDS.undoSnapshot.lifetimeMs, lifetimeCapOf(storage));
  const record = { ownerId: snapshot.ownerId, interest: snapshot.interest, claimedAt: now.toISOString(), expiresAt: new Date(now.getTime() + lifetimeMs).toISOString() };
  await storage.write({ [undoSnapshotKey(token)]: { ...record, eTag: '*' } });
  sweepNowAndThen(storage, now);
  return token;
}

/** The snapshot under `token` if it exists, has not expired and belongs to `ownerId`; otherwise nothing. */
export async function findUndoSnapshot(storage: Storage, token: string, ownerId: string, now: Date): Promise<UndoSnapshot | undefined> {
  if (!isUndoToken(token)) return undefined;
  const key = undoSnapshotKey(token);
  const item = (await storage.read([key]))[key];
  if (item === undefined) return undefined;
  if (isExpired(key, item, now, lifetimeCapOf(storage))) {
    // Its token is never handed out again, so deleting it cannot race with a new record.
    await storage.delete([key]);
    return undefined;
  }
  const record = item as { ownerId?: unknown; interest?: unknown };
  const interest = parseStoredInterest(record.interest);
  if (record.ownerId !== ownerId || !interest) return undefined;
  return { ownerId, interest };
}
