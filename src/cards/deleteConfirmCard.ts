import template from '../../cards/deleteConfirm.json';
import { draftFromInterest } from '../domain/interestDraft';
import type { PersonInterest } from '../domain/personInterest';
import { boundedDraft } from './boundedDraft';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { isVisibleToEveryoneIn } from '../domain/sharedConversation';
import { renderPrivateInterestCard } from './privateInterestCard';
import { isSharedView, OWNER_ONLY, type Viewers } from './sharedView';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { displayName } from './interestView';

export interface DeleteConfirmCardData {
  interest: PersonInterest;
  ownerId: string;
  /** Who reads the card; in a group chat or channel a private interest is replaced by a placeholder. */
  viewers?: Viewers;
}

interface DeleteConfirmCardView extends CardActionData<typeof CARD_VERBS.confirmDelete> {
  name: string;
}

const expand = defineCardTemplate<DeleteConfirmCardView>(template);

/** "Delete X from your profile?" The Delete action carries a snapshot of the interest so it can be undone. */
export function renderDeleteConfirmCard({ interest, ownerId, viewers = OWNER_ONLY }: DeleteConfirmCardData): AdaptiveCard {
  if (isSharedView(viewers) && !isVisibleToEveryoneIn(interest)) return renderPrivateInterestCard({ interest, ownerId, viewers });
  const snapshot = boundedDraft(draftFromInterest(interest));
  return expand({ ownerId, interestId: interest.id ?? '', snapshot, name: displayName(snapshot.displayName) });
}
