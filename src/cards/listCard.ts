import template from '../../cards/list.json';
import { draftFromInterest } from '../domain/interestDraft';
import { LIST_PAGE_SIZE, pageOf } from '../domain/paging';
import type { PersonInterest } from '../domain/personInterest';
import { interestsForSharedConversation } from '../domain/sharedConversation';
import { defineCachedCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText, inlineText, plainText } from './displayText';
import { DISPLAY_LIMITS, displayName, isUnconfirmedSuggestion, tagLabels } from './interestView';
import { isSharedView, NO_SHARED_INTERESTS_TEXT, OWNER_ONLY, SHARED_VIEW_NOTE, withOwnerRefresh, type Viewers } from './sharedView';

export interface ListCardData {
  interests: readonly PersonInterest[];
  /** Zero-based; out-of-range pages are clamped. */
  page: number;
  ownerId: string;
  notice?: string;
  /** Who reads the card; in a group chat or channel only the interests everyone may see are listed. */
  viewers?: Viewers;
}

interface ListRowView {
  interestId: string;
  name: string;
  openTitle: string;
  hasTags: boolean;
  tags: string;
  isSuggestion: boolean;
}

interface ListCardView {
  ownerId: string;
  title: string;
  hasNotice: boolean;
  notice: string;
  isEmpty: boolean;
  emptyText: string;
  summary: string;
  hasSuggestions: boolean;
  suggestions: string;
  hasSharedNote: boolean;
  sharedNote: string;
  hasPersonalChat: boolean;
  personalChatUrl: string;
  rows: ListRowView[];
  /** The page shown, carried by each row so "Back to list" returns here. */
  page: number;
  hasPrevious: boolean;
  previousPage: number;
  hasNext: boolean;
  nextPage: number;
}

/** Lists come back unchanged far more often than not; a few hundred expansions are a few megabytes at most. */
const LIST_EXPANSIONS_KEPT = 256;
const expand = defineCachedCardTemplate<ListCardView>(template, LIST_EXPANSIONS_KEPT);
const OWNER_NAME_MAX = 60;
/** A row's button title, read out by screen readers: the name is on the row in full already. */
const OPEN_TITLE_NAME_MAX = 40;

/**
 * One page (LIST_PAGE_SIZE rows) of the user's interests; each row opens its interest card. Suggestions waiting
 * for the user's confirmation are marked and counted. Posted for everyone, it lists only what everyone may see.
 */
export function renderListCard({ interests, page, ownerId, notice, viewers = OWNER_ONLY }: ListCardData): AdaptiveCard {
  const shared = isSharedView(viewers);
  const listed = shared ? interestsForSharedConversation(interests).shown : interests;
  const shown = pageOf(listed, page, LIST_PAGE_SIZE);
  const noticeText = blockText(notice, DISPLAY_LIMITS.notice);
  const first = shown.page * LIST_PAGE_SIZE + 1;
  const last = shown.page * LIST_PAGE_SIZE + shown.items.length;
  const suggestionCount = listed.filter(isUnconfirmedSuggestion).length;
  const ownerName = shared ? inlineText(viewers.ownerName, OWNER_NAME_MAX) : '';
  const card = expand(ownerId, {
    ownerId,
    title: shared ? (ownerName === '' ? 'Interests' : `${ownerName}'s interests`) : 'Your interests',
    hasNotice: noticeText !== '',
    notice: noticeText,
    isEmpty: listed.length === 0,
    // The same words whether or not the owner has private interests: the room learns nothing from them.
    emptyText: shared ? NO_SHARED_INTERESTS_TEXT : "You haven't added any interests to your profile yet.",
    summary: shown.pageCount > 1 ? `Showing ${first}–${last} of ${listed.length}` : countText(listed.length),
    hasSuggestions: suggestionCount > 0,
    suggestions: suggestionsText(suggestionCount),
    hasSharedNote: shared,
    sharedNote: SHARED_VIEW_NOTE,
    hasPersonalChat: shared && viewers.personalChatUrl !== '',
    personalChatUrl: shared ? viewers.personalChatUrl : '',
    rows: shown.items.map(toRow),
    page: shown.page,
    hasPrevious: shown.hasPrevious,
    previousPage: shown.page - 1,
    hasNext: shown.hasNext,
    nextPage: shown.page + 1,
  });
  return withOwnerRefresh(card, viewers, { ownerId, card: 'list', page: shown.page });
}

function toRow(interest: PersonInterest): ListRowView {
  const draft = draftFromInterest(interest);
  const tags = tagLabels(draft.collaborationTags).join(' · ');
  return {
    interestId: interest.id ?? '',
    name: displayName(draft.displayName, DISPLAY_LIMITS.listName),
    openTitle: `Open ${plainText(draft.displayName, OPEN_TITLE_NAME_MAX)}`,
    hasTags: tags !== '',
    tags,
    isSuggestion: isUnconfirmedSuggestion(interest),
  };
}

function countText(count: number): string {
  return count === 1 ? '1 interest' : `${count} interests`;
}

function suggestionsText(count: number): string {
  return count === 1 ? '1 suggestion is waiting for your confirmation.' : `${count} suggestions are waiting for your confirmation.`;
}
