/**
 * Card actions that show something: each reads Graph once (GET one interest or the list) and answers with a
 * fresh card, so what the user acts on next is current.
 */
import type { CARD_VERBS } from '../../cards/cardActions';
import { renderDeleteConfirmCard } from '../../cards/deleteConfirmCard';
import { renderEditCard } from '../../cards/editCard';
import { renderInterestCard } from '../../cards/interestCard';
import { renderListCard } from '../../cards/listCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import { renderTagCard } from '../../cards/tagCard';
import { keepUndoSnapshot } from '../undoSnapshots';
import type { CardActionHandler } from './actionTurn';
import { cardResponse } from './invokeResponses';

export const NOTHING_CHANGED_NOTICE = 'Nothing was changed.';

export const showList: CardActionHandler<typeof CARD_VERBS.showList> = async (action, { services, getToken, ownerId }) => {
  const interests = await services.interests.list(getToken);
  return cardResponse(renderListCard({ interests, page: action.page, ownerId }));
};

export const openInterest: CardActionHandler<typeof CARD_VERBS.openInterest> = async (action, { services, getToken, ownerId }) => {
  const interest = await services.interests.get(getToken, action.interestId);
  return cardResponse(renderInterestCard({ interest, ownerId }));
};

export const editInterest: CardActionHandler<typeof CARD_VERBS.editInterest> = async (action, { services, getToken, ownerId }) => {
  const interest = await services.interests.get(getToken, action.interestId);
  return cardResponse(renderEditCard({ interest, ownerId }));
};

export const tagInterest: CardActionHandler<typeof CARD_VERBS.tagInterest> = async (action, { services, getToken, ownerId }) => {
  const interest = await services.interests.get(getToken, action.interestId);
  return cardResponse(renderTagCard({ interest, ownerId }));
};

/** Asks first. The interest as read is kept whole server-side for Undo; the card carries only its token. */
export const deleteInterest: CardActionHandler<typeof CARD_VERBS.deleteInterest> = async (action, { services, getToken, ownerId }) => {
  const interest = await services.interests.get(getToken, action.interestId);
  const undoToken = await keepUndoSnapshot(services.state.storage, { ownerId, interest }, services.clock());
  return cardResponse(renderDeleteConfirmCard({ interest, ownerId, undoToken }));
};

/** Cancel on an edit, tag or delete card: back to the interest as it is now, or a notice when there is none. */
export const cancel: CardActionHandler<typeof CARD_VERBS.cancel> = async (action, { services, getToken, ownerId }) => {
  if (action.interestId === undefined) return cardResponse(renderNoticeCard({ title: 'Cancelled', text: NOTHING_CHANGED_NOTICE }));
  const interest = await services.interests.get(getToken, action.interestId);
  return cardResponse(renderInterestCard({ interest, ownerId, notice: NOTHING_CHANGED_NOTICE }));
};
