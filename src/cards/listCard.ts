import template from '../../cards/list.json';
import { draftFromInterest } from '../domain/interestDraft';
import { LIST_PAGE_SIZE, pageOf } from '../domain/paging';
import type { PersonInterest } from '../domain/personInterest';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText, plainText } from './displayText';
import { DISPLAY_LIMITS, displayName, tagLabels } from './interestView';

export interface ListCardData {
  interests: readonly PersonInterest[];
  /** Zero-based; out-of-range pages are clamped. */
  page: number;
  ownerId: string;
  notice?: string;
}

interface ListRowView {
  interestId: string;
  name: string;
  openTitle: string;
  hasTags: boolean;
  tags: string;
}

interface ListCardView {
  ownerId: string;
  hasNotice: boolean;
  notice: string;
  isEmpty: boolean;
  summary: string;
  rows: ListRowView[];
  hasPrevious: boolean;
  previousPage: number;
  hasNext: boolean;
  nextPage: number;
}

const expand = defineCardTemplate<ListCardView>(template);

/** One page (LIST_PAGE_SIZE rows) of the user's interests; each row opens its interest card. */
export function renderListCard({ interests, page, ownerId, notice }: ListCardData): AdaptiveCard {
  const shown = pageOf(interests, page, LIST_PAGE_SIZE);
  const noticeText = blockText(notice, DISPLAY_LIMITS.notice);
  const first = shown.page * LIST_PAGE_SIZE + 1;
  const last = shown.page * LIST_PAGE_SIZE + shown.items.length;
  return expand({
    ownerId,
    hasNotice: noticeText !== '',
    notice: noticeText,
    isEmpty: interests.length === 0,
    summary: shown.pageCount > 1 ? `Showing ${first}–${last} of ${interests.length}` : countText(interests.length),
    rows: shown.items.map(toRow),
    hasPrevious: shown.hasPrevious,
    previousPage: shown.page - 1,
    hasNext: shown.hasNext,
    nextPage: shown.page + 1,
  });
}

function toRow(interest: PersonInterest): ListRowView {
  const draft = draftFromInterest(interest);
  const tags = tagLabels(draft.collaborationTags).join(' · ');
  return {
    interestId: interest.id ?? '',
    name: displayName(draft.displayName, DISPLAY_LIMITS.listName),
    openTitle: `Open ${plainText(draft.displayName, DISPLAY_LIMITS.listName)}`,
    hasTags: tags !== '',
    tags,
  };
}

function countText(count: number): string {
  return count === 1 ? '1 interest' : `${count} interests`;
}
