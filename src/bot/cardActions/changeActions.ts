/**
 * Card actions that change the profile. Each makes at most one Graph write and is safe to run twice, because
 * Teams may resend an invoke whose answer it did not get:
 * - save and tags write only what differs from what the card showed (`diffInterest`); nothing differs, no request;
 * - delete of an interest that is already gone answers with the same "deleted" card;
 * - Undo records the interest it re-created under the card's undo token, so a second run shows that one.
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderDeletedCard } from '../../cards/deletedCard';
import { renderEditCard } from '../../cards/editCard';
import { renderInterestCard } from '../../cards/interestCard';
import { diffInterest, isEmptyPatch } from '../../domain/diffInterest';
import { validateInterestEdit } from '../../domain/validateInterest';
import { isGraphRequestError } from '../../errors/graphErrors';
import { findRestoredInterestId, recordRestore } from '../undoLedger';
import { defineCardAction } from './actionTurn';
import { cardViewersFor } from '../replies';
import { cardResponse } from './invokeResponses';
import { NOTHING_CHANGED_NOTICE } from './viewActions';

export const SAVED_NOTICE = 'Saved.';
export const CONFIRMED_NOTICE = 'Confirmed: this interest is on your profile.';
export const RESTORED_NOTICE = 'Restored.';

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
  handle: async (action, { profile, ownerId }) => {
    try {
      await profile.delete(action.interestId);
    } catch (error) {
      // Already gone: this is the second run of the same click (or it was deleted elsewhere). Same answer either way.
      if (!isGraphRequestError(error, 'notFound')) throw error;
    }
    // The deleted item's id is never reused, so it identifies this deletion, and a rerun hands out the same token.
    return cardResponse(renderDeletedCard({ snapshot: action.snapshot, ownerId, undoToken: action.interestId }));
  },
});

export const undoDelete = defineCardAction({
  verb: CARD_VERBS.undoDelete,
  kind: 'change',
  needsGraph: true,
  handle: async (action, turn) => {
    const { services, profile, ownerId, context } = turn;
    const restoredId = await findRestoredInterestId(services.state, context, action.undoToken);
    if (restoredId !== undefined) {
      const interest = await profile.get(restoredId);
      return cardResponse(renderInterestCard({ interest, ownerId, notice: RESTORED_NOTICE, viewers: cardViewersFor(context.activity) }));
    }
    const created = await profile.create(action.snapshot);
    await recordRestore(services.state, context, action.undoToken, created.id, services.clock());
    return cardResponse(renderInterestCard({ interest: created, ownerId, notice: RESTORED_NOTICE, viewers: cardViewersFor(context.activity) }));
  },
});

/** "Yes, that's me" on a suggested (inferred) interest. */
export const confirmInference = defineCardAction({
  verb: CARD_VERBS.confirmInference,
  kind: 'change',
  needsGraph: true,
  handle: async (action, { profile, ownerId, context }) => {
    const updated = await profile.update({ id: action.interestId }, { inference: { userHasVerifiedAccuracy: true } });
    return cardResponse(renderInterestCard({ interest: updated, ownerId, notice: CONFIRMED_NOTICE, viewers: cardViewersFor(context.activity) }));
  },
});
