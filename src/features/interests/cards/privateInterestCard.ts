import template from '../../../../cards/privateInterest.json';
import type { PersonInterest } from '../../../domain/personInterest';
import type { Text } from '../../../i18n/text';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { blockText } from '../../../cards/displayText';
import { audiencesText, DISPLAY_LIMITS } from '../../../cards/interestView';
import type { Viewers } from '../../../cards/sharedView';
import { SHOW_LIST } from '../cardActions';
import { withOwnerRefresh } from './ownerRefresh';

export interface PrivateInterestCardData {
  /** Only its audience and id are used: nothing else of a private interest may reach the card. */
  interest: Pick<PersonInterest, 'id' | 'allowedAudiences'>;
  ownerId: string;
  viewers: Extract<Viewers, { kind: 'everyone' }>;
  notice?: string | undefined;
  /** The list page "Back to list" returns to. */
  page?: number | undefined;
}

interface PrivateInterestCardView {
  ownerId: string;
  hasNotice: boolean;
  notice: string;
  explanation: string;
  whereToSeeIt: string;
  hasPersonalChat: boolean;
  personalChatUrl: string;
  page: number;
}

const expand = defineCardTemplate<PrivateInterestCardView>(template, { showList: SHOW_LIST });

/**
 * Stands in, in a group chat or channel, for any card about an interest not everyone there may see (the
 * interest, its edit, tag or delete card, or the result of a change): no name, text or data of the interest,
 * only that it exists and where its owner can see it.
 */
export function renderPrivateInterestCard(text: Text, { interest, ownerId, viewers, notice, page = 0 }: PrivateInterestCardData): AdaptiveCard {
  const noticeText = blockText(notice, DISPLAY_LIMITS.notice);
  const card = expand(text, {
    ownerId,
    hasNotice: noticeText !== '',
    notice: noticeText,
    explanation: text.t('privateInterestCard.explanation', { audience: audiencesText(text, interest.allowedAudiences) }),
    whereToSeeIt: text.t(viewers.personalChatUrl !== '' ? 'privateInterestCard.openPersonalChat' : 'privateInterestCard.sayList'),
    hasPersonalChat: viewers.personalChatUrl !== '',
    personalChatUrl: viewers.personalChatUrl,
    page,
  });
  return withOwnerRefresh(text, card, viewers, { ownerId, card: 'interest', interestId: interest.id ?? '', page });
}
