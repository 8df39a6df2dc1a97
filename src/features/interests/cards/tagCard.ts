import template from '../../../../cards/tags.json';
import { COLLABORATION_TAG_LABEL_KEYS, COLLABORATION_TAGS } from '../../../domain/collaborationTags';
import { draftFromInterest } from '../../../domain/interestDraft';
import type { PersonInterest } from '../../../domain/personInterest';
import type { Text } from '../../../i18n/text';
import { boundedDraft } from '../../../cards/boundedDraft';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CANCEL, SAVE_TAGS, type TAGS_INPUT_ID } from '../cardActions';
import { isVisibleToEveryoneIn } from '../../../domain/sharedConversation';
import { renderPrivateInterestCard } from './privateInterestCard';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../../cards/sharedView';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { displayName } from '../../../cards/interestView';

export interface TagCardData {
  interest: PersonInterest;
  ownerId: string;
  /** Who reads the card; in a group chat or channel a private interest is replaced by a placeholder. */
  viewers?: Viewers;
}

interface TagCardView extends CardActionData<typeof SAVE_TAGS, typeof TAGS_INPUT_ID> {
  title: string;
  tagChoices: { title: string; value: string }[];
  /** The current tags as the multi-select holds them: one comma-separated string. */
  selected: string;
}

const expand = defineCardTemplate<TagCardView>(template, { saveTags: SAVE_TAGS, cancel: CANCEL });

/** The four collaboration tags with the current ones ticked; Save sends the tags shown as `tagsBefore`. */
export function renderTagCard(text: Text, { interest, ownerId, viewers = OWNER_ONLY }: TagCardData): AdaptiveCard {
  if (isSharedView(viewers) && !isVisibleToEveryoneIn(interest)) return renderPrivateInterestCard(text, { interest, ownerId, viewers });
  const draft = boundedDraft(draftFromInterest(interest));
  return expand(text, {
    ownerId,
    interestId: interest.id ?? '',
    tagsBefore: draft.collaborationTags,
    title: text.t('tagCard.title', { name: displayName(text, draft.displayName) }),
    tagChoices: COLLABORATION_TAGS.map((tag) => ({ title: text.t(COLLABORATION_TAG_LABEL_KEYS[tag]), value: tag })),
    selected: draft.collaborationTags.join(','),
  });
}
