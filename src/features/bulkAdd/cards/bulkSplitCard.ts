import template from '../../../../cards/bulkSplit.json';
import type { Text } from '../../../i18n/text';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CHOOSE_SPLIT } from '../cardActions';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { inlineText } from '../../../cards/displayText';
import { DISPLAY_LIMITS } from '../../../cards/interestView';

export interface BulkSplitCardData {
  ownerId: string;
  /** The name as typed (at most one interest name long: the domain splits longer ones without asking). */
  whole: string;
  parts: readonly string[];
}

interface BulkSplitCardView {
  ownerId: string;
  heading: string;
  question: string;
  severalTitle: string;
  wholeNames: CardActionData<typeof CHOOSE_SPLIT>['names'];
  parts: CardActionData<typeof CHOOSE_SPLIT>['names'];
}

const expand = defineCardTemplate<BulkSplitCardView>(template, { chooseSplit: CHOOSE_SPLIT });

/** `add Food, wine`: one interest "Food, wine", or one per part? Each button carries the names it stands for. */
export function renderBulkSplitCard(text: Text, { ownerId, whole, parts }: BulkSplitCardData): AdaptiveCard {
  const shownParts = text.list(parts.map((part) => text.t('bulkAdd.split.part', { name: inlineText(part, DISPLAY_LIMITS.name) })));
  return expand(text, {
    ownerId,
    heading: text.t('bulkAdd.split.heading', { count: parts.length }),
    question: text.t('bulkAdd.split.question', { whole: inlineText(whole, DISPLAY_LIMITS.name), count: parts.length, parts: shownParts }),
    severalTitle: text.t('bulkAdd.split.several', { count: parts.length }),
    wholeNames: [whole],
    parts: [...parts],
  });
}
