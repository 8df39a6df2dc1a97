import template from '../../cards/addSummary.json';
import type { InterestDraft } from '../domain/personInterest';
import { boundedDraft } from './boundedDraft';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText } from './displayText';
import { audienceText, categoriesText, DISPLAY_LIMITS, displayName, linkView, tagsText } from './interestView';

export interface AddSummaryCardData {
  draft: InterestDraft;
  ownerId: string;
}

interface AddSummaryCardView extends CardActionData<typeof CARD_VERBS.confirmAdd> {
  name: string;
  hasDescription: boolean;
  description: string;
  categories: string;
  tags: string;
  audience: string;
  link: string;
}

const expand = defineCardTemplate<AddSummaryCardView>(template);

/** What the add dialog is about to create, with Create and Cancel. Create carries the draft. */
export function renderAddSummaryCard({ draft, ownerId }: AddSummaryCardData): AdaptiveCard {
  const carried = boundedDraft(draft);
  const description = blockText(carried.description, DISPLAY_LIMITS.description);
  return expand({
    ownerId,
    draft: carried,
    name: displayName(carried.displayName),
    hasDescription: description !== '',
    description,
    categories: categoriesText(carried.categories),
    tags: tagsText(carried.collaborationTags),
    audience: audienceText(carried.allowedAudiences),
    link: linkView(carried.webUrl).link,
  });
}
