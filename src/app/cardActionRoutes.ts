/**
 * The card-action registry: every verb of `CARD_VERBS` with its route (kind, whether it needs Graph, handler).
 * The verbs and their payload schemas are in `src/cards/cardActions.ts`, where the card renderers use them; the
 * mapped `CardActionRoutes` type makes a verb without a route here a compile error.
 */
import { CARD_VERBS, type CardAction, type CardVerb } from '../cards/cardActions';
import type { CardActionRoute, CardActionRoutes } from '../conversation/routeTypes';
import { cancelAdd, confirmAdd } from '../features/interests/addDialogActions';
import { chooseSplit, createMany, retryMany } from '../features/bulkAdd/bulkAddRoutes';
import { answerChoice } from '../conversation/dialogs/choiceAnswerAction';
import { confirmDelete, confirmInference, saveInterest, saveTags, undoDelete } from '../features/interests/changeActions';
import { ownerView } from '../features/interests/ownerViewAction';
import { cancel, deleteInterest, editInterest, openInterest, showList, tagInterest } from '../features/interests/viewActions';

/** Verb → route. Each handler makes at most one Graph request on its normal path, but for the bulk create and retry (the list, read at the click, and one per 20 names) and the confirmed delete (the interest, read again at the click, and the delete). */
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
  [CARD_VERBS.chooseSplit]: chooseSplit,
  [CARD_VERBS.create]: createMany,
  [CARD_VERBS.retry]: retryMany,
  [CARD_VERBS.answerChoice]: answerChoice,
  [CARD_VERBS.ownerView]: ownerView,
});

/** The route of a parsed action. */
export function routeOf(action: CardAction): CardActionRoute<CardVerb> {
  // TypeScript cannot correlate `action.verb` with the route's handler type; the mapped type above guarantees it.
  return CARD_ACTION_ROUTES[action.verb] as CardActionRoute<CardVerb>;
}
