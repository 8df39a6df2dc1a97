import template from '../../cards/deleted.json';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { displayName } from './interestView';

export interface DeletedCardData {
  /** The deleted interest's name, as Graph had it. */
  name: string | null | undefined;
  ownerId: string;
  /** Names the stored copy Undo re-creates; the card carries nothing else of the interest. */
  undoToken: string;
}

interface DeletedCardView extends CardActionData<typeof CARD_VERBS.undoDelete> {
  name: string;
}

const expand = defineCardTemplate<DeletedCardView>(template);

/** "X was deleted." with Undo and Back to list. */
export function renderDeletedCard({ name, ownerId, undoToken }: DeletedCardData): AdaptiveCard {
  return expand({ ownerId, undoToken, name: displayName(name) });
}
