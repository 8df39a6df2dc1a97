import template from '../../cards/tags.json';
import { COLLABORATION_TAG_LABELS, COLLABORATION_TAGS } from '../domain/collaborationTags';
import { draftFromInterest } from '../domain/interestDraft';
import type { PersonInterest } from '../domain/personInterest';
import { boundedDraft } from './boundedDraft';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { displayName } from './interestView';

export interface TagCardData {
  interest: PersonInterest;
  ownerId: string;
}

interface TagCardView extends CardActionData<typeof CARD_VERBS.saveTags> {
  name: string;
  tagChoices: { title: string; value: string }[];
  /** The current tags as the multi-select holds them: one comma-separated string. */
  selected: string;
}

const TAG_CHOICES = COLLABORATION_TAGS.map((tag) => ({ title: COLLABORATION_TAG_LABELS[tag], value: tag }));

const expand = defineCardTemplate<TagCardView>(template);

/** The four collaboration tags with the current ones ticked; Save sends the tags shown as `tagsBefore`. */
export function renderTagCard({ interest, ownerId }: TagCardData): AdaptiveCard {
  const draft = boundedDraft(draftFromInterest(interest));
  return expand({
    ownerId,
    interestId: interest.id ?? '',
    tagsBefore: draft.collaborationTags,
    name: displayName(draft.displayName),
    tagChoices: TAG_CHOICES,
    selected: draft.collaborationTags.join(','),
  });
}
