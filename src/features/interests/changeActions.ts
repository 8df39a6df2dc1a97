/**
 * Card actions that change the profile. Each makes at most one Graph write and is safe to run twice, because
 * Teams may resend an invoke whose answer it did not get:
 * - save and tags write only what differs from what the card showed (`diffInterest`); nothing differs, no request;
 * - a confirmed delete runs once per confirmation card (`once`), so a rerun gets the first answer and token;
 * - Undo re-creates once per undo token across instances, and a second run shows the copy it made.
 * What an answer in a group chat or channel may show is decided when the button is pressed, by the interest as it is
 * then, never by the card: a card may be older than a change made elsewhere.
 */
import { CARD_VERBS, type CardActionOf } from '../../cards/cardActions';
import { renderDeletedCard } from '../../cards/deletedCard';
import { renderEditCard } from '../../cards/editCard';
import { renderInterestCard } from '../../cards/interestCard';
import { diffInterest, isEmptyPatch } from '../../domain/diffInterest';
import { validateInterestEdit } from '../../domain/validateInterest';
import { isGraphRequestError } from '../../errors/graphErrors';
import { renderNoticeCard } from '../../cards/noticeCard';
import { describeProvenance } from '../../domain/provenance';
import { audienceToWrite } from '../../domain/audiences';
import { isVisibleToEveryoneIn } from '../../domain/sharedConversation';
import { validateAudience, type ValidationIssue } from '../../domain/validateInterest';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../cards/sharedView';
import type { UserInterests } from '../../graph/userInterests';
import type { StoredInterest } from '../../graph/personInterestWire';
import { once, parseStoredInterestId, readOnce } from '../../storage/once';
import { RECORD_KINDS } from '../../storage/onceKinds';
import { findUndoSnapshot, replaceUndoInterest, undoPlaceOf } from './undoSnapshots';
import { defineCardAction } from '../../conversation/routeTypes';
import { cardViewersFor } from '../../conversation/replies';
import { cardResponse, messageResponse } from '../../conversation/invokeResponses';
import { NOTHING_CHANGED_NOTICE } from './viewActions';

export const SAVED_NOTICE = 'Saved.';
export const CONFIRMED_NOTICE = 'Confirmed: this interest is on your profile.';
export const RESTORED_NOTICE = 'Restored as a new item, with a new id and date.';
export const AUDIENCE_REPLACED_NOTICE = 'Its audience could not be restored as it was, so only you can see it now; use Edit to choose who can see it.';
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
  needs: 'profile',
  handle: async (action, { profile, ownerId, context }) => {
    const shown = { ...action.before, id: action.interestId };
    const viewers = cardViewersFor(context.activity);
    // Inputs the card did not send, or sent as shown, keep the values the card showed.
    const validated = validateInterestEdit(action.before, action.form);
    if (!validated.ok) {
      // A message leaves the card, and what was typed into it, as it is in the clicking user's client.
      if (isSharedView(viewers) && !(await editMayBeShownToEveryone(action, profile))) return messageResponse(notSavedText(validated.error));
      return cardResponse(renderEditCard({ interest: shown, ownerId, errors: validated.error, values: action.form, viewers }));
    }
    const patch = diffInterest(action.before, validated.value);
    if (isEmptyPatch(patch)) {
      // The card's values are from when it was drawn; in a shared conversation the interest as it is now decides.
      const interest = isSharedView(viewers) ? await profile.get(action.interestId) : shown;
      return cardResponse(renderInterestCard({ interest, ownerId, notice: NOTHING_CHANGED_NOTICE, viewers }));
    }
    const updated = await profile.update(shown, patch);
    return cardResponse(renderInterestCard({ interest: updated, ownerId, notice: SAVED_NOTICE, viewers }));
  },
});

export const saveTags = defineCardAction({
  verb: CARD_VERBS.saveTags,
  kind: 'change',
  needs: 'profile',
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
  needs: 'profile',
  handle: async (action, { services, profile, ownerId, context }) => {
    const { storage } = services.state;
    const now = services.clock();
    const { undoToken } = action;
    if (undoToken === undefined) return cardResponse(renderNoticeCard(OLDER_DELETE_CARD_NOTICE));
    const place = undoPlaceOf(context.activity, ownerId);
    const snapshot = await findUndoSnapshot(storage, undoToken, place, now);
    if (snapshot?.interest.id !== action.interestId) return cardResponse(renderNoticeCard(DELETE_EXPIRED_NOTICE));
    // Once per confirmation card, on any instance: Teams resending the invoke gets the first answer (same token).
    const outcome = await once(storage, interestDeletedKey(undoToken), { lifetimeMs: RECORD_KINDS.interestDeleted.lifetimeMs, parse: parseDeleteResult, now }, async () => {
      try {
        // Read again: the interest may have changed since the card was drawn. Undo re-creates what is deleted now,
        // and its audience now decides what the answer may show.
        await replaceUndoInterest(storage, undoToken, await profile.get(action.interestId));
        await profile.delete(action.interestId);
        return 'deleted' as const;
      } catch (error) {
        // Gone before this click (deleted elsewhere, or on another card): nothing was deleted here, and Undo stays off.
        if (isGraphRequestError(error, 'notFound')) return 'alreadyGone' as const;
        throw error;
      }
    });
    if (outcome.kind === 'running') return messageResponse(DELETE_UNDER_WAY_TEXT);
    const viewers = cardViewersFor(context.activity);
    // Gone before it could be read: its audience now is unknown, so a shared answer does not name it.
    if (outcome.value === 'alreadyGone') return cardResponse(renderNoticeCard(alreadyGoneNotice(isSharedView(viewers) ? undefined : snapshot.interest.displayName)));
    // What the delete read (a resent invoke finds what the first run stored).
    const deleted = (await findUndoSnapshot(storage, undoToken, place, now))?.interest ?? snapshot.interest;
    return cardResponse(renderDeletedCard({ name: deleted.displayName, allowedAudiences: deleted.allowedAudiences, ownerId, undoToken, viewers }));
  },
});

export const undoDelete = defineCardAction({
  verb: CARD_VERBS.undoDelete,
  kind: 'change',
  needs: 'profile',
  handle: async (action, { services, profile, ownerId, context }) => {
    const { storage } = services.state;
    const now = services.clock();
    // Older versions kept Undo records in user state; they mean nothing now.
    await services.state.legacyRestoredUndos.delete(context);
    const snapshot = await findUndoSnapshot(storage, action.undoToken, undoPlaceOf(context.activity, ownerId), now);
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
    const viewers = cardViewersFor(context.activity);
    return cardResponse(renderInterestCard({ interest, ownerId, notice: restoredNotice(snapshot.interest, viewers), viewers }));
  },
});

/** "Yes, that's me" on a suggested (inferred) interest: one PATCH that keeps the score the card showed. */
export const confirmInference = defineCardAction({
  verb: CARD_VERBS.confirmInference,
  kind: 'change',
  needs: 'profile',
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
 * user's own copy (where it was synced from is named only to its owner alone); a suggestion comes back as a
 * suggestion; an audience that could not be written back as it was is now "Only me".
 */
export function restoredNotice(original: StoredInterest, viewers: Viewers = OWNER_ONLY): string {
  const audience = audienceToWrite(original.allowedAudiences).exact ? '' : ` ${AUDIENCE_REPLACED_NOTICE}`;
  return `${RESTORED_NOTICE}${originNotice(original, viewers)}${audience}`;
}

function originNotice(original: StoredInterest, viewers: Viewers): string {
  const provenance = describeProvenance(original);
  if (provenance.origin === 'synced') {
    const source = isSharedView(viewers) ? 'It was synced from another system' : provenance.sourceLabel;
    return ` ${source} before; this copy is yours now and is no longer updated from there.`;
  }
  if (provenance.origin === 'inferred' && original.inference?.userHasVerifiedAccuracy !== true) return ' It is a suggestion again, for you to confirm or remove.';
  return '';
}

/**
 * Whether a failed save in a group chat or channel may show the edit card again, with what was typed: only when
 * the audience typed (as Save would read it) and the interest's audience now both let everyone there see it.
 */
async function editMayBeShownToEveryone(action: CardActionOf<typeof CARD_VERBS.saveInterest>, profile: UserInterests): Promise<boolean> {
  const typed = action.form.allowedAudiences === undefined ? { ok: true as const, value: action.before.allowedAudiences } : validateAudience(action.form.allowedAudiences);
  if (!typed.ok || !isVisibleToEveryoneIn({ allowedAudiences: typed.value })) return false;
  return isVisibleToEveryoneIn(await profile.get(action.interestId));
}

/** The domain's messages say what to fix without quoting what was typed. */
function notSavedText(issues: readonly ValidationIssue[]): string {
  return `Not saved: ${issues.map((issue) => issue.message).join(' ')} Correct it on the card and press Save again.`;
}

function alreadyGoneNotice(name: string | null | undefined): { title: string; text: string } {
  return { title: `${name ?? 'That interest'} was already gone`, text: 'It was no longer on your profile, so nothing was deleted. Say "list" to see your interests.' };
}

const parseDeleteResult = (stored: unknown): 'deleted' | 'alreadyGone' | undefined => (stored === 'deleted' || stored === 'alreadyGone' ? stored : undefined);
const interestDeletedKey = (token: string): string => `${RECORD_KINDS.interestDeleted.prefix}${token}`;
const undoRestoreKey = (token: string): string => `${RECORD_KINDS.undoRestore.prefix}${token}`;
