import { CARD_VERBS, type CardAction } from '../../cards/cardActions';
import type { ActionTurn, CardActionHandler, CardActionRoutes } from './actionTurn';
import { cancelAdd, confirmAdd } from './addDialogActions';
import { confirmDelete, confirmInference, saveInterest, saveTags, undoDelete } from './changeActions';
import type { CardActionResponse } from './invokeResponses';
import { cancel, deleteInterest, editInterest, openInterest, showList, tagInterest } from './viewActions';

/** Verb → handler. Each handler makes at most one Graph request on its normal path. */
export const CARD_ACTION_ROUTES: CardActionRoutes = Object.freeze({
  [CARD_VERBS.showList]: showList,
  [CARD_VERBS.openInterest]: openInterest,
  [CARD_VERBS.editInterest]: editInterest,
  [CARD_VERBS.saveInterest]: saveInterest,
  [CARD_VERBS.tagInterest]: tagInterest,
  [CARD_VERBS.saveTags]: saveTags,
  [CARD_VERBS.deleteInterest]: deleteInterest,
  [CARD_VERBS.confirmDelete]: confirmDelete,
  [CARD_VERBS.undoDelete]: undoDelete,
  [CARD_VERBS.confirmInference]: confirmInference,
  [CARD_VERBS.cancel]: cancel,
  [CARD_VERBS.confirmAdd]: confirmAdd,
  [CARD_VERBS.cancelAdd]: cancelAdd,
});

export function routeCardAction(action: CardAction, turn: ActionTurn): Promise<CardActionResponse> {
  // TypeScript cannot correlate `action.verb` with the handler's parameter type; the mapped type above guarantees it.
  const handle = CARD_ACTION_ROUTES[action.verb] as CardActionHandler<CardAction['verb']>;
  return handle(action, turn);
}
