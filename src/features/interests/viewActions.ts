/**
 * Card actions that show something: each reads Graph once (GET one interest or the list) and answers with a
 * fresh card, so what the user acts on next is current.
 */
import { CANCEL, DELETE_INTEREST, EDIT_INTEREST, OPEN_INTEREST, SHOW_LIST, TAG_INTEREST } from './cardActions';
import { renderDeleteConfirmCard } from './cards/deleteConfirmCard';
import { renderEditCard } from './cards/editCard';
import { renderInterestCard } from './cards/interestCard';
import { renderListCard } from './cards/listCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import { renderTagCard } from './cards/tagCard';
import { textOf } from '../../conversation/turnText';
import { keepUndoSnapshot, undoPlaceOf } from './undoSnapshots';
import { defineCardRoute } from '../../conversation/routeTypes';
import { cardViewersFor } from '../../conversation/replies';
import { cardResponse } from '../../conversation/invokeResponses';

export const showList = defineCardRoute(SHOW_LIST, {
  handle: async (action, { profile, ownerId, context }) => {
    const interests = await profile.list();
    return cardResponse(renderListCard(textOf(context), { interests, page: action.page, ownerId, viewers: cardViewersFor(context.activity) }));
  },
});

export const openInterest = defineCardRoute(OPEN_INTEREST, {
  handle: async (action, { profile, ownerId, context }) => {
    const interest = await profile.get(action.interestId);
    return cardResponse(renderInterestCard(textOf(context), { interest, ownerId, page: action.page, viewers: cardViewersFor(context.activity) }));
  },
});

export const editInterest = defineCardRoute(EDIT_INTEREST, {
  handle: async (action, { profile, ownerId, context }) => {
    const interest = await profile.get(action.interestId);
    return cardResponse(renderEditCard(textOf(context), { interest, ownerId, viewers: cardViewersFor(context.activity) }));
  },
});

export const tagInterest = defineCardRoute(TAG_INTEREST, {
  handle: async (action, { profile, ownerId, context }) => {
    const interest = await profile.get(action.interestId);
    return cardResponse(renderTagCard(textOf(context), { interest, ownerId, viewers: cardViewersFor(context.activity) }));
  },
});

/** Asks first. The interest as read is kept whole server-side for Undo; the card carries only its token. */
export const deleteInterest = defineCardRoute(DELETE_INTEREST, {
  handle: async (action, { services, profile, ownerId, context }) => {
    const interest = await profile.get(action.interestId);
    // Bound to this conversation: the token does nothing where the card was not drawn.
    const { conversationId } = undoPlaceOf(context.activity, ownerId);
    const undoToken = await keepUndoSnapshot(services.state.storage, { ownerId, conversationId, interest }, services.clock());
    return cardResponse(renderDeleteConfirmCard(textOf(context), { interest, ownerId, undoToken, viewers: cardViewersFor(context.activity) }));
  },
});

/** Cancel on an edit, tag or delete card: back to the interest as it is now, or a notice when there is none. */
export const cancel = defineCardRoute(CANCEL, {
  handle: async (action, { profile, ownerId, context }) => {
    const text = textOf(context);
    if (action.interestId === undefined) return cardResponse(renderNoticeCard(text, { title: text.t('interest.cancelled'), text: text.t('interest.nothingChanged') }));
    const interest = await profile.get(action.interestId);
    return cardResponse(renderInterestCard(text, { interest, ownerId, notice: text.t('interest.nothingChanged'), viewers: cardViewersFor(context.activity) }));
  },
});
