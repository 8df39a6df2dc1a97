import template from '../../../../cards/interest.json';
import { draftFromInterest } from '../../../domain/interestDraft';
import type { PersonInterest } from '../../../domain/personInterest';
import { describeProvenance } from '../../../domain/provenance';
import type { Text } from '../../../i18n/text';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CONFIRM_INFERENCE, DELETE_INTEREST, EDIT_INTEREST, SHOW_LIST, TAG_INTEREST } from '../cardActions';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { blockText, inlineText } from '../../../cards/displayText';
import { audiencesText, categoriesText, DISPLAY_LIMITS, displayName, isUnconfirmedSuggestion, linkView, suggestionText, tagLabels, type LinkView } from '../../../cards/interestView';
import { isVisibleToEveryoneIn } from '../../../domain/sharedConversation';
import { renderPrivateInterestCard } from './privateInterestCard';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../../cards/sharedView';
import { withOwnerRefresh } from './ownerRefresh';

export interface InterestCardData {
  interest: PersonInterest;
  /** Whose interests the card shows; recorded on every action. */
  ownerId: string;
  /** One line above the interest, e.g. "Saved." or "This interest no longer exists." */
  notice?: string;
  /** The list page the card was opened from, so "Back to list" returns there; 0 when unknown. */
  page?: number | undefined;
  /** Who reads the card; in a group chat or channel a private interest is replaced by a placeholder. */
  viewers?: Viewers;
}

interface InterestCardView extends Pick<LinkView, 'hasLink' | 'link' | 'hasOpenableLink' | 'linkUrl'> {
  hasNotice: boolean;
  notice: string;
  name: string;
  isSuggestion: boolean;
  suggestion: string;
  hasDescription: boolean;
  description: string;
  hasBadges: boolean;
  badges: { label: string }[];
  /** The tags as one line of words, shown instead of the badges up to a standard width (a phone, a desktop chat). */
  tagsLine: string;
  categories: string;
  audience: string;
  lastChanged: string;
  created: string;
  origin: string;
  ownerId: string;
  interestId: string;
  confirmData: CardActionData<typeof CONFIRM_INFERENCE>;
  page: number;
  hasPersonalChat: boolean;
  personalChatUrl: string;
}

/**
 * The template asks Teams for a full-width card (`msteams.width: "Full"`): its facts are label–value pairs and it has
 * up to seven buttons, which at the default chat width wrap the values a word a line and the buttons into rows.
 * Its tag badges show on wide cards only (`targetWidth`); narrower, the tags are one line of words.
 */
const expand = defineCardTemplate<InterestCardView>(template, {
  confirmInference: CONFIRM_INFERENCE,
  deleteInterest: DELETE_INTEREST,
  editInterest: EDIT_INTEREST,
  tagInterest: TAG_INTEREST,
  showList: SHOW_LIST,
});

/** One interest with its actions: Edit, Tag, Delete, Back to list; Confirm/Remove for an unconfirmed suggestion. */
export function renderInterestCard(text: Text, { interest, ownerId, notice, page = 0, viewers = OWNER_ONLY }: InterestCardData): AdaptiveCard {
  if (isSharedView(viewers) && !isVisibleToEveryoneIn(interest)) return renderPrivateInterestCard(text, { interest, ownerId, viewers, notice, page });
  const draft = draftFromInterest(interest);
  const provenance = describeProvenance(interest);
  const noticeText = blockText(notice, DISPLAY_LIMITS.notice);
  const description = blockText(draft.description, DISPLAY_LIMITS.description);
  const badges = tagLabels(text, draft.collaborationTags).map((label) => ({ label }));
  const link = linkView(text, draft.webUrl);
  const isSuggestion = isUnconfirmedSuggestion(interest);
  const card = expand(text, {
    hasNotice: noticeText !== '',
    notice: noticeText,
    name: displayName(text, draft.displayName),
    isSuggestion,
    suggestion: suggestionText(text, interest),
    hasDescription: description !== '',
    description,
    hasBadges: badges.length > 0,
    badges,
    tagsLine: text.t('card.tagsLine', { tags: badges.map((badge) => badge.label).join(' · ') }),
    categories: categoriesText(text, draft.categories),
    audience: inlineText(audiencesText(text, interest.allowedAudiences), DISPLAY_LIMITS.message),
    hasLink: link.hasLink,
    link: link.link,
    lastChanged: dateText(text, provenance.lastModified),
    created: dateText(text, provenance.created),
    origin: inlineText(text.say(provenance.source), DISPLAY_LIMITS.message),
    ownerId,
    interestId: interest.id ?? '',
    confirmData: confirmDataOf(interest, ownerId),
    hasOpenableLink: link.hasOpenableLink,
    linkUrl: link.linkUrl,
    page,
    hasPersonalChat: isSharedView(viewers) && viewers.personalChatUrl !== '',
    personalChatUrl: isSharedView(viewers) ? viewers.personalChatUrl : '',
  });
  return withOwnerRefresh(text, card, viewers, { ownerId, card: 'interest', interestId: interest.id ?? '', page });
}

/** The date in the reader's locale and time zone, or "unknown date" for a missing or placeholder one. */
function dateText(text: Text, date: Date | null): string {
  return date === null ? text.t('interestCard.unknownDate') : text.date(date);
}

/**
 * Confirm carries the score the card showed, so the one PATCH can send `inference` whole (Graph replaces it, and a
 * confirm without the score would erase it). A score outside 0–1 (percentages have been seen) is left off, and
 * the handler reads the interest for it.
 */
function confirmDataOf(interest: PersonInterest, ownerId: string): CardActionData<typeof CONFIRM_INFERENCE> {
  const data = { ownerId, interestId: interest.id ?? '' };
  const score = interest.inference?.confidenceScore;
  if (score === null || score === undefined) return { ...data, confidenceScore: null };
  return Number.isFinite(score) && score >= 0 && score <= 1 ? { ...data, confidenceScore: score } : data;
}
