import template from '../../../../cards/deleted.json';
import type { PersonInterest } from '../../../domain/personInterest';
import { isVisibleToEveryoneIn } from '../../../domain/sharedConversation';
import type { Text } from '../../../i18n/text';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { SHOW_LIST, UNDO_DELETE } from '../cardActions';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { displayName } from '../../../cards/interestView';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../../cards/sharedView';

export interface DeletedCardData {
  /** The deleted interest's name, as Graph had it. */
  name: string | null | undefined;
  ownerId: string;
  /** Names the stored copy Undo re-creates; the card carries nothing else of the interest. */
  undoToken: string;
  /** Who reads the card; in a group chat or channel the name of an interest not everyone may see is left out. */
  viewers?: Viewers;
  /** The deleted interest's audience as last read; required for a shared card to name it. */
  allowedAudiences?: PersonInterest['allowedAudiences'];
}

interface DeletedCardView extends CardActionData<typeof UNDO_DELETE> {
  message: string;
}

const expand = defineCardTemplate<DeletedCardView>(template, { undoDelete: UNDO_DELETE, showList: SHOW_LIST });

/** "X was deleted." with Undo and Back to list. */
export function renderDeletedCard(text: Text, { name, ownerId, undoToken, viewers = OWNER_ONLY, allowedAudiences = null }: DeletedCardData): AdaptiveCard {
  const named = !isSharedView(viewers) || isVisibleToEveryoneIn({ allowedAudiences });
  // A shared card calls an interest it may not name "A private interest"; Undo stays offered, it is the owner's own button.
  return expand(text, { ownerId, undoToken, message: text.t('deletedCard.message', { name: named ? displayName(text, name) : text.t('privateInterestCard.title') }) });
}
