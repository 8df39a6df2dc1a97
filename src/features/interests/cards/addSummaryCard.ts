import template from '../../../../cards/addSummary.json';
import type { InterestDraft } from '../../../domain/personInterest';
import type { Text } from '../../../i18n/text';
import { boundedDraft } from '../../../cards/boundedDraft';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CANCEL_ADD, CONFIRM_ADD } from '../cardActions';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { blockText } from '../../../cards/displayText';
import { audienceText, categoriesText, DISPLAY_LIMITS, displayName, linkView, tagsText } from '../../../cards/interestView';

export interface AddSummaryCardData {
  draft: InterestDraft;
  ownerId: string;
}

interface AddSummaryCardView extends CardActionData<typeof CONFIRM_ADD> {
  name: string;
  hasDescription: boolean;
  description: string;
  categories: string;
  tags: string;
  audience: string;
  link: string;
}

const expand = defineCardTemplate<AddSummaryCardView>(template, { confirmAdd: CONFIRM_ADD, cancelAdd: CANCEL_ADD });

/** What the add dialog is about to create, with Create and Cancel. Create carries the draft. */
export function renderAddSummaryCard(text: Text, { draft, ownerId }: AddSummaryCardData): AdaptiveCard {
  const carried = boundedDraft(draft);
  const description = blockText(carried.description, DISPLAY_LIMITS.description);
  return expand(text, {
    ownerId,
    draft: carried,
    name: displayName(text, carried.displayName),
    hasDescription: description !== '',
    description,
    categories: categoriesText(text, carried.categories),
    tags: tagsText(text, carried.collaborationTags),
    audience: audienceText(text, carried.allowedAudiences),
    link: linkView(text, carried.webUrl).link,
  });
}
