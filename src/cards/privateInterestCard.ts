import template from '../../cards/privateInterest.json';
import { formatAudience } from '../domain/audiences';
import type { PersonInterest } from '../domain/personInterest';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText } from './displayText';
import { DISPLAY_LIMITS } from './interestView';
import { withOwnerRefresh, type Viewers } from './sharedView';

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

const expand = defineCardTemplate<PrivateInterestCardView>(template);

/**
 * Stands in, in a group chat or channel, for any card about an interest not everyone there may see (the
 * interest, its edit, tag or delete card, or the result of a change): no name, text or data of the interest,
 * only that it exists and where its owner can see it.
 */
export function renderPrivateInterestCard({ interest, ownerId, viewers, notice, page = 0 }: PrivateInterestCardData): AdaptiveCard {
  const noticeText = blockText(notice, DISPLAY_LIMITS.notice);
  const card = expand({
    ownerId,
    hasNotice: noticeText !== '',
    notice: noticeText,
    explanation: `This interest is visible to: ${formatAudience(interest.allowedAudiences)}. So that it stays private, it is not shown in this conversation.`,
    whereToSeeIt:
      viewers.personalChatUrl !== '' ? 'Open it in a personal chat with me to see or change it.' : 'To see or change it, say list to me in a personal chat.',
    hasPersonalChat: viewers.personalChatUrl !== '',
    personalChatUrl: viewers.personalChatUrl,
    page,
  });
  return withOwnerRefresh(card, viewers, { ownerId, card: 'interest', interestId: interest.id ?? '', page });
}
