/** The interests feature's card routes, one per action it declares (`cardActions.ts`), gathered by the app's registry. */
import type { CardActionRoutesOf } from '../../conversation/routeTypes';
import { cancelAdd, confirmAdd } from './addDialogActions';
import type { INTEREST_CARD_ACTIONS } from './cardActions';
import { confirmDelete, confirmInference, saveInterest, saveTags, undoDelete } from './changeActions';
import { ownerView } from './ownerViewAction';
import { cancel, deleteInterest, editInterest, openInterest, showList, tagInterest } from './viewActions';

export const INTEREST_CARD_ROUTES: CardActionRoutesOf<typeof INTEREST_CARD_ACTIONS> = {
  showList,
  openInterest,
  editInterest,
  saveInterest,
  tagInterest,
  saveTags,
  deleteInterest,
  confirmDelete,
  undoDelete,
  confirmInference,
  cancel,
  confirmAdd,
  cancelAdd,
  ownerView,
};
