/**
 * What Undo re-creates, kept server-side: the delete flow reads the interest before asking to confirm (and again
 * when the delete is confirmed), and that object is stored whole in the bot's shared storage under an unguessable
 * token bound to its owner and to the conversation the card was drawn in, for 24 hours (or the store's shorter
 * cap, `STORAGE_RECORD_LIFETIME_SECONDS`).
 * Cards carry only the token, so nothing a card says is ever written to the profile.
 */
import { randomBytes } from 'node:crypto';
import type { Activity, Storage } from 'botbuilder';
import { isSharedView } from '../../cards/sharedView';
import { parseStoredInterest, type StoredInterest } from '../../graph/personInterestWire';
import { sweepNowAndThen } from '../../storage/expirySweep';
import { cappedLifetime, isExpired, lifetimeCapOf, RECORD_KINDS } from '../../storage/onceKinds';
import { cardViewersFor } from '../../conversation/replies';

export interface UndoSnapshot {
  readonly ownerId: string;
  /** Where the card was drawn (`undoPlaceOf`): the token does nothing in any other conversation. */
  readonly conversationId: string;
  /** The interest exactly as Graph returned it before the delete. */
  readonly interest: StoredInterest;
}

/** Who uses a token, and where. */
export interface UndoPlace {
  readonly ownerId: string;
  readonly conversationId: string;
  /** A group chat or channel: tokens from before snapshots were bound to a conversation do nothing there. */
  readonly shared: boolean;
}

/**
 * The owner and conversation of a card action. A channel's conversation id names the thread
 * (`19:…@thread.tacv2;messageid=…`); the channel is kept without it, since every thread has the same readers.
 */
export function undoPlaceOf(activity: Pick<Activity, 'conversation' | 'from' | 'recipient'>, ownerId: string): UndoPlace {
  const conversationId = String((activity.conversation as Partial<Activity['conversation']> | undefined)?.id ?? '').replace(/;messageid=.*$/, '');
  return { ownerId, conversationId, shared: isSharedView(cardViewersFor(activity)) };
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
  const record = { ownerId: snapshot.ownerId, conversationId: snapshot.conversationId, interest: snapshot.interest, claimedAt: now.toISOString(), expiresAt: new Date(now.getTime() + lifetimeMs).toISOString() };
  await storage.write({ [undoSnapshotKey(token)]: { ...record, eTag: '*' } });
  sweepNowAndThen(storage, now);
  return token;
}

/**
 * The snapshot under `token` if it exists, has not expired, belongs to `place.ownerId` and was drawn in
 * `place.conversationId`; otherwise nothing, so a token used elsewhere answers like another user's. A snapshot kept
 * before snapshots were bound to a conversation is found in personal chat only: it cannot say where it was drawn.
 */
export async function findUndoSnapshot(storage: Storage, token: string, place: UndoPlace, now: Date): Promise<UndoSnapshot | undefined> {
  if (!isUndoToken(token)) return undefined;
  const key = undoSnapshotKey(token);
  const item = (await storage.read([key]))[key];
  if (item === undefined) return undefined;
  if (isExpired(key, item, now, lifetimeCapOf(storage))) {
    // Its token is never handed out again, so deleting it cannot race with a new record.
    await storage.delete([key]);
    return undefined;
  }
  const record = item as { ownerId?: unknown; conversationId?: unknown; interest?: unknown };
  const interest = parseStoredInterest(record.interest);
  if (record.ownerId !== place.ownerId || !interest) return undefined;
  const drawnHere = record.conversationId === undefined ? !place.shared : record.conversationId === place.conversationId;
  if (!drawnHere) return undefined;
  return { ownerId: place.ownerId, conversationId: place.conversationId, interest };
}

/**
 * Replaces the interest kept under `token` with a newer read of it (the one the confirmed delete removed), so Undo
 * re-creates what was deleted, not what the card showed. Owner, conversation and expiry stay as they were.
 */
export async function replaceUndoInterest(storage: Storage, token: string, interest: StoredInterest): Promise<void> {
  const key = undoSnapshotKey(token);
  const item = (await storage.read([key]))[key];
  if (item === undefined) return;
  await storage.write({ [key]: { ...item, interest, eTag: '*' } });
}
