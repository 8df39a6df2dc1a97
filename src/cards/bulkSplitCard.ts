import template from '../../cards/bulkSplit.json';
import type { CardActionData, CARD_VERBS } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { inlineText } from './displayText';
import { DISPLAY_LIMITS } from './interestView';

export interface BulkSplitCardData {
  ownerId: string;
  /** The name as typed (at most one interest name long: the domain splits longer ones without asking). */
  whole: string;
  parts: readonly string[];
}

interface BulkSplitCardView {
  ownerId: string;
  question: string;
  partCount: number;
  wholeNames: CardActionData<typeof CARD_VERBS.chooseSplit>['names'];
  parts: CardActionData<typeof CARD_VERBS.chooseSplit>['names'];
}

const expand = defineCardTemplate<BulkSplitCardView>(template);

/** `add Food, wine`: one interest "Food, wine", or one per part? Each button carries the names it stands for. */
export function renderBulkSplitCard({ ownerId, whole, parts }: BulkSplitCardData): AdaptiveCard {
  const shownParts = parts.map((part) => `"${inlineText(part, DISPLAY_LIMITS.name)}"`).join(', ');
  return expand({
    ownerId,
    question: `Add "${inlineText(whole, DISPLAY_LIMITS.name)}" as one interest, or as ${parts.length}: ${shownParts}?`,
    partCount: parts.length,
    wholeNames: [whole],
    parts: [...parts],
  });
}
