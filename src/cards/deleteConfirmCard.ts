import template from '../../cards/deleteConfirm.json';
import type { PersonInterest } from '../domain/personInterest';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { displayName } from './interestView';

export interface DeleteConfirmCardData {
  interest: PersonInterest;
  ownerId: string;
  /** Names the interest as read, kept server-side for Undo (`undoSnapshots.ts`); the card carries nothing else of it. */
  undoToken: string;
}

interface DeleteConfirmCardView extends CardActionData<typeof CARD_VERBS.confirmDelete> {
  name: string;
}

const expand = defineCardTemplate<DeleteConfirmCardView>(template);

/** "Delete X from your profile?" The Delete action carries the interest's id and the undo token. */
export function renderDeleteConfirmCard({ interest, ownerId, undoToken }: DeleteConfirmCardData): AdaptiveCard {
  return expand({ ownerId, interestId: interest.id ?? '', undoToken, name: displayName(interest.displayName) });
}
