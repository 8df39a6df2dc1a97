/**
 * Card actions that change the profile. Each makes at most one Graph write and is safe to run twice, because
 * Teams may resend an invoke whose answer it did not get:
 * - save and tags write only what differs from what the card showed (`diffInterest`); nothing differs, no request;
 * - a confirmed delete runs once per confirmation card (`once`), so a rerun gets the first answer and token;
 * - Undo re-creates once per undo token across instances, and a second run shows the copy it made.
 * What an answer in a group chat or channel may show is decided when the button is pressed, by the interest as it is
 * then, never by the card: a card may be older than a change made elsewhere.
 */
import type { CardActionOf } from '../../conversation/cardActionDefinition';
import { CONFIRM_DELETE, CONFIRM_INFERENCE, SAVE_INTEREST, SAVE_TAGS, UNDO_DELETE } from './cardActions';
import { renderDeletedCard } from './cards/deletedCard';
import { renderEditCard } from './cards/editCard';
import { renderInterestCard } from './cards/interestCard';
import { diffInterest, isEmptyPatch } from '../../domain/diffInterest';
import { validateInterestEdit } from '../../domain/validateInterest';
import { isGraphRequestError } from '../../errors/graphErrors';
import { renderNoticeCard } from '../../cards/noticeCard';
import { textOf } from '../../conversation/turnText';
import { describeProvenance } from '../../domain/provenance';
import type { Text } from '../../i18n/text';
import { audienceToWrite } from '../../domain/audiences';
import { isVisibleToEveryoneIn } from '../../domain/sharedConversation';
import { validateAudience, type ValidationIssue } from '../../domain/validateInterest';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../cards/sharedView';
import type { UserInterests } from '../../graph/userInterests';
import type { StoredInterest } from '../../graph/personInterestWire';
import { once, parseStoredInterestId, readOnce } from '../../storage/once';
import { RECORD_KINDS } from '../../storage/onceKinds';
import { findUndoSnapshot, replaceUndoInterest, undoPlaceOf } from './undoSnapshots';
import { defineCardRoute } from '../../conversation/routeTypes';
import { cardViewersFor } from '../../conversation/replies';
import { cardResponse, messageResponse } from '../../conversation/invokeResponses';

const olderDeleteCardNotice = (text: Text) => ({ title: text.t('delete.olderCard.title'), text: text.t('delete.openAgain') });
const deleteExpiredNotice = (text: Text) => ({ title: text.t('delete.expired.title'), text: text.t('delete.openAgain') });
const undoUnavailableNotice = (text: Text) => ({ title: text.t('undo.unavailable.title'), text: text.t('undo.unavailable.text') });
const olderUndoCardNotice = (text: Text) => ({ title: text.t('undo.unavailable.title'), text: text.t('undo.olderCard.text') });

export const saveInterest = defineCardRoute(SAVE_INTEREST, {
  handle: async (action, { profile, ownerId, context }) => {
    const shown = { ...action.before, id: action.interestId };
    const viewers = cardViewersFor(context.activity);
    // Inputs the card did not send, or sent as shown, keep the values the card showed.
    const validated = validateInterestEdit(action.before, action.form);
    if (!validated.ok) {
      // A message leaves the card, and what was typed into it, as it is in the clicking user's client.
      if (isSharedView(viewers) && !(await editMayBeShownToEveryone(action, profile))) return messageResponse(notSavedText(textOf(context), validated.error));
      return cardResponse(renderEditCard(textOf(context), { interest: shown, ownerId, errors: validated.error, values: action.form, viewers }));
    }
    const patch = diffInterest(action.before, validated.value);
    if (isEmptyPatch(patch)) {
      // The card's values are from when it was drawn; in a shared conversation the interest as it is now decides.
      const interest = isSharedView(viewers) ? await profile.get(action.interestId) : shown;
      return cardResponse(renderInterestCard(textOf(context), { interest, ownerId, notice: textOf(context).t('interest.nothingChanged'), viewers }));
    }
    const updated = await profile.update(shown, patch);
    return cardResponse(renderInterestCard(textOf(context), { interest: updated, ownerId, notice: textOf(context).t('interest.saved'), viewers }));
  },
});

export const saveTags = defineCardRoute(SAVE_TAGS, {
  handle: async (action, { profile, ownerId, context }) => {
    const unchanged = action.tags.length === action.tagsBefore.length && action.tags.every((tag) => action.tagsBefore.includes(tag));
    if (unchanged) {
      const interest = await profile.get(action.interestId);
      return cardResponse(renderInterestCard(textOf(context), { interest, ownerId, notice: textOf(context).t('interest.nothingChanged'), viewers: cardViewersFor(context.activity) }));
    }
    const before = { id: action.interestId, collaborationTags: action.tagsBefore };
    const updated = await profile.update(before, { collaborationTags: action.tags });
    return cardResponse(renderInterestCard(textOf(context), { interest: updated, ownerId, notice: textOf(context).t('interest.saved'), viewers: cardViewersFor(context.activity) }));
  },
});

export const confirmDelete = defineCardRoute(CONFIRM_DELETE, {
  handle: async (action, { services, profile, ownerId, context }) => {
    const { storage } = services.state;
    const now = services.clock();
    const { undoToken } = action;
    if (undoToken === undefined) return cardResponse(renderNoticeCard(textOf(context), olderDeleteCardNotice(textOf(context))));
    const place = undoPlaceOf(context.activity, ownerId);
    const snapshot = await findUndoSnapshot(storage, undoToken, place, now);
    if (snapshot?.interest.id !== action.interestId) return cardResponse(renderNoticeCard(textOf(context), deleteExpiredNotice(textOf(context))));
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
    if (outcome.kind === 'running') return messageResponse(textOf(context).t('delete.underWay'));
    const viewers = cardViewersFor(context.activity);
    // Gone before it could be read: its audience now is unknown, so a shared answer does not name it.
    if (outcome.value === 'alreadyGone') return cardResponse(renderNoticeCard(textOf(context), alreadyGoneNotice(textOf(context), isSharedView(viewers) ? undefined : snapshot.interest.displayName)));
    // What the delete read (a resent invoke finds what the first run stored).
    const deleted = (await findUndoSnapshot(storage, undoToken, place, now))?.interest ?? snapshot.interest;
    return cardResponse(renderDeletedCard(textOf(context), { name: deleted.displayName, allowedAudiences: deleted.allowedAudiences, ownerId, undoToken, viewers }));
  },
});

export const undoDelete = defineCardRoute(UNDO_DELETE, {
  handle: async (action, { services, profile, ownerId, context }) => {
    const { storage } = services.state;
    const now = services.clock();
    // Older versions kept Undo records in user state; they mean nothing now.
    await services.state.legacyRestoredUndos.delete(context);
    const snapshot = await findUndoSnapshot(storage, action.undoToken, undoPlaceOf(context.activity, ownerId), now);
    if (!snapshot) return cardResponse(renderNoticeCard(textOf(context), (action.snapshot !== undefined ? olderUndoCardNotice : undoUnavailableNotice)(textOf(context))));
    const deleted = await readOnce(storage, interestDeletedKey(action.undoToken), parseDeleteResult, now);
    if (deleted.kind !== 'done' || deleted.value !== 'deleted') return cardResponse(renderNoticeCard(textOf(context), undoUnavailableNotice(textOf(context))));
    let created: StoredInterest | undefined;
    // Once per undo token across every instance: two clicks arriving at two instances re-create it once.
    const outcome = await once(storage, undoRestoreKey(action.undoToken), { lifetimeMs: RECORD_KINDS.undoRestore.lifetimeMs, parse: parseStoredInterestId, now }, async () => {
      created = await profile.create({ copyOf: snapshot.interest });
      return created.id;
    });
    if (outcome.kind === 'running') return messageResponse(textOf(context).t('undo.underWay'));
    const interest = created ?? (await profile.get(outcome.value));
    const viewers = cardViewersFor(context.activity);
    return cardResponse(renderInterestCard(textOf(context), { interest, ownerId, notice: restoredNotice(textOf(context), snapshot.interest, viewers), viewers }));
  },
});

/** "Yes, that's me" on a suggested (inferred) interest: one PATCH that keeps the score the card showed. */
export const confirmInference = defineCardRoute(CONFIRM_INFERENCE, {
  handle: async (action, { profile, ownerId, context }) => {
    // Cards from older versions (and scores outside 0–1) carry no score: read it, so the confirm does not erase it.
    const confidenceScore = action.confidenceScore !== undefined ? action.confidenceScore : ((await profile.get(action.interestId)).inference?.confidenceScore ?? null);
    const inference = { confidenceScore, userHasVerifiedAccuracy: true };
    const updated = await profile.update({ id: action.interestId }, { inference });
    return cardResponse(renderInterestCard(textOf(context), { interest: updated, ownerId, notice: textOf(context).t('interest.confirmed'), viewers: cardViewersFor(context.activity) }));
  },
});

/**
 * What the restored card says: a re-created item is a new item (new id, today's date); a synced one is now the
 * user's own copy (where it was synced from is named only to its owner alone); a suggestion comes back as a
 * suggestion; an audience that could not be written back as it was is now "Only me".
 */
export function restoredNotice(text: Text, original: StoredInterest, viewers: Viewers = OWNER_ONLY): string {
  const sentences = [text.t('undo.restored'), originNotice(text, original, viewers)];
  if (!audienceToWrite(original.allowedAudiences).exact) sentences.push(text.t('undo.restored.audienceReplaced'));
  return sentences.filter((sentence) => sentence !== '').join(' ');
}

function originNotice(text: Text, original: StoredInterest, viewers: Viewers): string {
  const provenance = describeProvenance(original);
  if (provenance.origin === 'synced') {
    return isSharedView(viewers) ? text.t('undo.restored.syncedElsewhere') : text.t('undo.restored.synced', { source: text.say(provenance.source) });
  }
  if (provenance.origin === 'inferred' && original.inference?.userHasVerifiedAccuracy !== true) return text.t('undo.restored.suggestion');
  return '';
}

/**
 * Whether a failed save in a group chat or channel may show the edit card again, with what was typed: only when
 * the audience typed (as Save would read it) and the interest's audience now both let everyone there see it.
 */
async function editMayBeShownToEveryone(action: CardActionOf<typeof SAVE_INTEREST>, profile: UserInterests): Promise<boolean> {
  const typed = action.form.allowedAudiences === undefined ? { ok: true as const, value: action.before.allowedAudiences } : validateAudience(action.form.allowedAudiences);
  if (!typed.ok || !isVisibleToEveryoneIn({ allowedAudiences: typed.value })) return false;
  return isVisibleToEveryoneIn(await profile.get(action.interestId));
}

/** The domain's messages say what to fix without quoting what was typed. */
function notSavedText(text: Text, issues: readonly ValidationIssue[]): string {
  return text.t('interest.notSaved', { problems: issues.map((issue) => text.say(issue.message)).join(' ') });
}

function alreadyGoneNotice(text: Text, name: string | null | undefined): { title: string; text: string } {
  const title = name === null || name === undefined ? text.t('delete.alreadyGone.titleUnnamed') : text.t('delete.alreadyGone.title', { name });
  return { title, text: text.t('delete.alreadyGone.text') };
}

const parseDeleteResult = (stored: unknown): 'deleted' | 'alreadyGone' | undefined => (stored === 'deleted' || stored === 'alreadyGone' ? stored : undefined);
const interestDeletedKey = (token: string): string => `${RECORD_KINDS.interestDeleted.prefix}${token}`;
const undoRestoreKey = (token: string): string => `${RECORD_KINDS.undoRestore.prefix}${token}`;
