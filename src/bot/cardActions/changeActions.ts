/**
 * Card actions that change the profile. Each makes at most one Graph write and is safe to run twice, because
 * Teams may resend an invoke whose answer it did not get:
 * - save and tags write only what differs from what the card showed (`diffInterest`); nothing differs, no request;
 * - a confirmed delete runs once per confirmation card (`once`), so a rerun gets the first answer and token;
 * - Undo re-creates once per undo token across instances, and a second run shows the copy it made.
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderDeletedCard } from '../../cards/deletedCard';
import { renderEditCard } from '../../cards/editCard';
import { renderInterestCard } from '../../cards/interestCard';
import { diffInterest, isEmptyPatch } from '../../domain/diffInterest';
import { validateInterestEdit } from '../../domain/validateInterest';
import { isGraphRequestError } from '../../errors/graphErrors';
import { renderNoticeCard } from '../../cards/noticeCard';
import { describeProvenance } from '../../domain/provenance';
import type { StoredInterest } from '../../graph/personInterestWire';
import { once, parseStoredInterestId, readOnce } from '../../storage/once';
import { RECORD_KINDS } from '../../storage/onceKinds';
import { findUndoSnapshot } from '../undoSnapshots';
import { defineCardAction } from './actionTurn';
import { cardViewersFor } from '../replies';
import { cardResponse, messageResponse } from './invokeResponses';
import { NOTHING_CHANGED_NOTICE } from './viewActions';

export const SAVED_NOTICE = 'Saved.';
export const CONFIRMED_NOTICE = 'Confirmed: this interest is on your profile.';
export const RESTORED_NOTICE = 'Restored as a new item, with a new id and date.';
export const UNDO_UNAVAILABLE_NOTICE = {
  title: 'This undo is no longer available',
  text: 'It has expired (Undo works for 24 hours), or it is not valid here. Nothing was changed. Say "list" to see your interests.',
} as const;
export const OLDER_UNDO_CARD_NOTICE = {
  title: 'This undo is no longer available',
  text: 'This Undo button is from an older version of the bot and cannot restore anything. Nothing was changed. Say "add" to add the interest again.',
} as const;
export const OLDER_DELETE_CARD_NOTICE = {
  title: 'This card is from an older version',
  text: 'Nothing was deleted. Open the interest again (say "list") and delete it from there.',
} as const;
export const DELETE_EXPIRED_NOTICE = {
  title: 'This delete has expired',
  text: 'Nothing was deleted. Open the interest again (say "list") and delete it from there.',
} as const;
export const DELETE_UNDER_WAY_TEXT = 'That delete is already under way. Say "list" in a moment to see your interests.';
export const UNDO_UNDER_WAY_TEXT = 'That undo is already under way. Say "list" in a moment to see your interests.';

export const saveInterest = defineCardAction({
  verb: CARD_VERBS.saveInterest,
  kind: 'change',
  needsGraph: true,
  handle: async (action, { profile, ownerId, context }) => {
    const shown = { ...action.before, id: action.interestId };
    // Inputs the card did not send, or sent as shown, keep the values the card showed.
    const validated = validateInterestEdit(action.before, action.form);
    if (!validated.ok) return cardResponse(renderEditCard({ interest: shown, ownerId, errors: validated.error, values: action.form, viewers: cardViewersFor(context.activity) }));
    const patch = diffInterest(action.before, validated.value);
    if (isEmptyPatch(patch)) return cardResponse(renderInterestCard({ interest: shown, ownerId, notice: NOTHING_CHANGED_NOTICE, viewers: cardViewersFor(context.activity) }));
    const updated = await profile.update(shown, patch);
    return cardResponse(renderInterestCard({ interest: updated, ownerId, notice: SAVED_NOTICE, viewers: cardViewersFor(context.activity) }));
  },
});

export const saveTags = defineCardAction({
  verb: CARD_VERBS.saveTags,
  kind: 'change',
  needsGraph: true,
  handle: async (action, { profile, ownerId, context }) => {
    const unchanged = action.tags.length === action.tagsBefore.length && action.tags.every((tag) => action.tagsBefore.includes(tag));
    if (unchanged) {
      const interest = await profile.get(action.interestId);
      return cardResponse(renderInterestCard({ interest, ownerId, notice: NOTHING_CHANGED_NOTICE, viewers: cardViewersFor(context.activity) }));
    }
    const before = { id: action.interestId, collaborationTags: action.tagsBefore };
    const updated = await profile.update(before, { collaborationTags: action.tags });
    return cardResponse(renderInterestCard({ interest: updated, ownerId, notice: SAVED_NOTICE, viewers: cardViewersFor(context.activity) }));
  },
});

export const confirmDelete = defineCardAction({
  verb: CARD_VERBS.confirmDelete,
  kind: 'change',
  needsGraph: true,
  handle: async (action, { services, profile, ownerId }) => {
    const { storage } = services.state;
    const now = services.clock();
    if (action.undoToken === undefined) return cardResponse(renderNoticeCard(OLDER_DELETE_CARD_NOTICE));
    const snapshot = await findUndoSnapshot(storage, action.undoToken, ownerId, now);
    if (snapshot?.interest.id !== action.interestId) return cardResponse(renderNoticeCard(DELETE_EXPIRED_NOTICE));
    // Once per confirmation card, on any instance: Teams resending the invoke gets the first answer (same token).
    const outcome = await once(storage, interestDeletedKey(action.undoToken), { lifetimeMs: RECORD_KINDS.interestDeleted.lifetimeMs, parse: parseDeleteResult, now }, async () => {
      try {
        await profile.delete(action.interestId);
        return 'deleted' as const;
      } catch (error) {
        // Gone before this click (deleted elsewhere, or on another card): nothing was deleted here, and Undo stays off.
        if (isGraphRequestError(error, 'notFound')) return 'alreadyGone' as const;
        throw error;
      }
    });
    if (outcome.kind === 'running') return messageResponse(DELETE_UNDER_WAY_TEXT);
    const name = snapshot.interest.displayName;
    if (outcome.value === 'alreadyGone') return cardResponse(renderNoticeCard(alreadyGoneNotice(name)));
    return cardResponse(renderDeletedCard({ name, ownerId, undoToken: action.undoToken }));
  },
});

export const undoDelete = defineCardAction({
  verb: CARD_VERBS.undoDelete,
  kind: 'change',
  needsGraph: true,
  handle: async (action, { services, profile, ownerId, context }) => {
    const { storage } = services.state;
    const now = services.clock();
    // Older versions kept Undo records in user state; they mean nothing now.
    await services.state.legacyRestoredUndos.delete(context);
    const snapshot = await findUndoSnapshot(storage, action.undoToken, ownerId, now);
    if (!snapshot) return cardResponse(renderNoticeCard(action.snapshot !== undefined ? OLDER_UNDO_CARD_NOTICE : UNDO_UNAVAILABLE_NOTICE));
    const deleted = await readOnce(storage, interestDeletedKey(action.undoToken), parseDeleteResult, now);
    if (deleted.kind !== 'done' || deleted.value !== 'deleted') return cardResponse(renderNoticeCard(UNDO_UNAVAILABLE_NOTICE));
    let created: StoredInterest | undefined;
    // Once per undo token across every instance: two clicks arriving at two instances re-create it once.
    const outcome = await once(storage, undoRestoreKey(action.undoToken), { lifetimeMs: RECORD_KINDS.undoRestore.lifetimeMs, parse: parseStoredInterestId, now }, async () => {
      created = await profile.create({ copyOf: snapshot.interest });
      return created.id;
    });
    if (outcome.kind === 'running') return messageResponse(UNDO_UNDER_WAY_TEXT);
    const interest = created ?? (await profile.get(outcome.value));
    return cardResponse(renderInterestCard({ interest, ownerId, notice: restoredNotice(snapshot.interest), viewers: cardViewersFor(context.activity) }));
  },
});

/** "Yes, that's me" on a suggested (inferred) interest: one PATCH that keeps the score the card showed. */
export const confirmInference = defineCardAction({
  verb: CARD_VERBS.confirmInference,
  kind: 'change',
  needsGraph: true,
  handle: async (action, { profile, ownerId, context }) => {
    // Cards from older versions (and scores outside 0–1) carry no score: read it, so the confirm does not erase it.
    const confidenceScore = action.confidenceScore !== undefined ? action.confidenceScore : ((await profile.get(action.interestId)).inference?.confidenceScore ?? null);
    const inference = { confidenceScore, userHasVerifiedAccuracy: true };
    const updated = await profile.update({ id: action.interestId }, { inference });
    return cardResponse(renderInterestCard({ interest: updated, ownerId, notice: CONFIRMED_NOTICE, viewers: cardViewersFor(context.activity) }));
  },
});

/**
 * What the restored card says: a re-created item is a new item (new id, today's date); a synced one is now the
 * user's own copy; a suggestion comes back as a suggestion.
 */
export function restoredNotice(original: StoredInterest): string {
  const provenance = describeProvenance(original);
  if (provenance.origin === 'synced') return `${RESTORED_NOTICE} ${provenance.sourceLabel} before; this copy is yours now and is no longer updated from there.`;
  if (provenance.origin === 'inferred' && original.inference?.userHasVerifiedAccuracy !== true) return `${RESTORED_NOTICE} It is a suggestion again, for you to confirm or remove.`;
  return RESTORED_NOTICE;
}

function alreadyGoneNotice(name: string | null | undefined): { title: string; text: string } {
  return { title: `${name ?? 'That interest'} was already gone`, text: 'It was no longer on your profile, so nothing was deleted. Say "list" to see your interests.' };
}

const parseDeleteResult = (stored: unknown): 'deleted' | 'alreadyGone' | undefined => (stored === 'deleted' || stored === 'alreadyGone' ? stored : undefined);
const interestDeletedKey = (token: string): string => `${RECORD_KINDS.interestDeleted.prefix}${token}`;
const undoRestoreKey = (token: string): string => `${RECORD_KINDS.undoRestore.prefix}${token}`;
