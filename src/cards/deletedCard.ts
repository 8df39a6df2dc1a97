import template from '../../cards/deleted.json';
import type { InterestDraft } from '../domain/personInterest';
import { boundedDraft } from './boundedDraft';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { displayName } from './interestView';

export interface DeletedCardData {
  /** The deleted interest's writable fields, re-created by Undo. */
  snapshot: InterestDraft;
  ownerId: string;
  /** Unique per deletion, so a second run of the same Undo (a retried invoke, a second click) can be detected. */
  undoToken: string;
}

interface DeletedCardView extends CardActionData<typeof CARD_VERBS.undoDelete> {
  name: string;
}

const expand = defineCardTemplate<DeletedCardView>(template);

/** "X was deleted." with Undo and Back to list. */
export function renderDeletedCard({ snapshot, ownerId, undoToken }: DeletedCardData): AdaptiveCard {
  const carried = boundedDraft(snapshot);
  return expand({ ownerId, snapshot: carried, undoToken, name: displayName(carried.displayName) });
}
