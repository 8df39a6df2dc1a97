import template from '../../cards/tags.json';
import { COLLABORATION_TAG_LABELS, COLLABORATION_TAGS } from '../domain/collaborationTags';
import { draftFromInterest } from '../domain/interestDraft';
import type { PersonInterest } from '../domain/personInterest';
import { boundedDraft } from './boundedDraft';
import type { CARD_VERBS, CardActionData } from './cardActions';
import { isVisibleToEveryoneIn } from '../domain/sharedConversation';
import { renderPrivateInterestCard } from './privateInterestCard';
import { isSharedView, OWNER_ONLY, type Viewers } from './sharedView';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { displayName } from './interestView';

export interface TagCardData {
  interest: PersonInterest;
  ownerId: string;
  /** Who reads the card; in a group chat or channel a private interest is replaced by a placeholder. */
  viewers?: Viewers;
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
export function renderTagCard({ interest, ownerId, viewers = OWNER_ONLY }: TagCardData): AdaptiveCard {
  if (isSharedView(viewers) && !isVisibleToEveryoneIn(interest)) return renderPrivateInterestCard({ interest, ownerId, viewers });
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
