import template from '../../../../cards/deleteConfirm.json';
import type { PersonInterest } from '../../../domain/personInterest';
import type { Text } from '../../../i18n/text';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CANCEL, CONFIRM_DELETE } from '../cardActions';
import { isVisibleToEveryoneIn } from '../../../domain/sharedConversation';
import { renderPrivateInterestCard } from './privateInterestCard';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../../cards/sharedView';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { displayName } from '../../../cards/interestView';

export interface DeleteConfirmCardData {
  interest: PersonInterest;
  ownerId: string;
  /** Who reads the card; in a group chat or channel a private interest is replaced by a placeholder. */
  viewers?: Viewers;
  /** Names the interest as read, kept server-side for Undo (`undoSnapshots.ts`); the card carries nothing else of it. */
  undoToken: string;
}

interface DeleteConfirmCardView extends CardActionData<typeof CONFIRM_DELETE> {
  question: string;
}

const expand = defineCardTemplate<DeleteConfirmCardView>(template, { confirmDelete: CONFIRM_DELETE, cancel: CANCEL });

/** "Delete X from your profile?" The Delete action carries the interest's id and the undo token. */
export function renderDeleteConfirmCard(text: Text, { interest, ownerId, undoToken, viewers = OWNER_ONLY }: DeleteConfirmCardData): AdaptiveCard {
  if (isSharedView(viewers) && !isVisibleToEveryoneIn(interest)) return renderPrivateInterestCard(text, { interest, ownerId, viewers });
  return expand(text, { ownerId, interestId: interest.id ?? '', undoToken, question: text.t('deleteConfirmCard.question', { name: displayName(text, interest.displayName) }) });
}
