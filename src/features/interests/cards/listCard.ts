import template from '../../../../cards/list.json';
import rowTemplate from '../../../../cards/listRow.json';
import { collaborationTagsOf } from '../../../domain/interestDraft';
import { textOrEmpty } from '../../../domain/wireValues';
import { LIST_PAGE_SIZE, pageOf } from '../../../domain/paging';
import type { PersonInterest } from '../../../domain/personInterest';
import type { Text } from '../../../i18n/text';
import { interestsForSharedConversation } from '../../../domain/sharedConversation';
import { distinctTitles } from '../../../cards/actionTitles';
import { defineCardPart, defineCardTemplate, type AdaptiveCard, type CardPart } from '../../../cards/cardTemplate';
import { blockText, inlineText } from '../../../cards/displayText';
import { DISPLAY_LIMITS, isUnconfirmedSuggestion, nameForms, tagLabels } from '../../../cards/interestView';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../../cards/sharedView';
import { OPEN_INTEREST, SHOW_LIST } from '../cardActions';
import { withOwnerRefresh } from './ownerRefresh';

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
  ownerId: string;
  /** The page shown, so "Back to list" on the interest card returns here. */
  page: number;
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
  addHint: string;
  hasPersonalChat: boolean;
  personalChatUrl: string;
  /** Each row expanded from its own template (`listRow.json`): the rows' shapes vary one by one. */
  rows: { items: CardPart }[];
  hasPrevious: boolean;
  previousPage: number;
  hasNext: boolean;
  nextPage: number;
}

/**
 * The template asks Teams for a full-width card (`msteams.width: "Full"`): each row is a name with its badge, and
 * at the default chat width long names wrap into several lines a row. A row's name is its button, with nothing
 * beside it: the room goes to the name at every width. Its badge and tags follow outside the button, whose
 * spoken name ("Open Chess") must hold every word it shows.
 */
const expand = defineCardTemplate<ListCardView>(template, { showList: SHOW_LIST });
const expandRow = defineCardPart<ListRowView>(rowTemplate, { openInterest: OPEN_INTEREST });
const OWNER_NAME_MAX = 60;
/** A row's name as it shows and as its button is named (screen readers read the title); the interest card has it whole. */
const OPEN_TITLE_NAME_MAX = 40;

/**
 * One page (LIST_PAGE_SIZE rows) of the user's interests; each row opens its interest card. Suggestions waiting
 * for the user's confirmation are marked and counted. Posted for everyone, it lists only what everyone may see.
 */
export function renderListCard(text: Text, { interests, page, ownerId, notice, viewers = OWNER_ONLY }: ListCardData): AdaptiveCard {
  const shared = isSharedView(viewers);
  const listed = shared ? interestsForSharedConversation(interests).shown : interests;
  const shown = pageOf(listed, page, LIST_PAGE_SIZE);
  const noticeText = blockText(notice, DISPLAY_LIMITS.notice);
  const first = shown.page * LIST_PAGE_SIZE + 1;
  const last = shown.page * LIST_PAGE_SIZE + shown.items.length;
  // Suggestions wait for the owner alone: a shared card neither counts them nor asks the room to confirm them.
  const suggestionCount = shared ? 0 : listed.filter(isUnconfirmedSuggestion).length;
  const ownerName = shared ? inlineText(viewers.ownerName, OWNER_NAME_MAX) : '';
  const card = expand(text, {
    ownerId,
    title: shared ? (ownerName === '' ? text.t('list.title.anonymous') : text.t('list.title.owner', { owner: ownerName })) : text.t('list.title.own'),
    hasNotice: noticeText !== '',
    notice: noticeText,
    // Each text is worded only when the card shows it (a plural or a number costs a formatting each).
    isEmpty: listed.length === 0,
    // The same words whether or not the owner has private interests: the room learns nothing from them.
    emptyText: listed.length > 0 ? '' : shared ? text.t('shared.noInterests') : text.t('list.empty.own'),
    summary: listed.length === 0 ? '' : shown.pageCount > 1 ? text.t('list.summary.page', { first, last, total: listed.length }) : text.t('list.summary.count', { count: listed.length }),
    hasSuggestions: suggestionCount > 0,
    suggestions: suggestionCount > 0 ? text.t('list.suggestions', { count: suggestionCount }) : '',
    hasSharedNote: shared,
    // In a group chat or channel the bot hears only messages that mention it.
    addHint: shared ? text.t('list.addHint.shared', { botName: inlineText(viewers.botName ?? '', OWNER_NAME_MAX) || text.t('helpCard.defaultBotName') }) : text.t('list.addHint'),
    hasPersonalChat: shared && viewers.personalChatUrl !== '',
    personalChatUrl: shared ? viewers.personalChatUrl : '',
    rows: withDistinctOpenTitles(text, shown.items.map((interest) => toRow(text, interest, ownerId, shown.page)), first).map((row) => ({ items: expandRow(text, row) })),
    hasPrevious: shown.hasPrevious,
    previousPage: shown.page - 1,
    hasNext: shown.hasNext,
    nextPage: shown.page + 1,
  });
  return withOwnerRefresh(text, card, viewers, { ownerId, card: 'list', page: shown.page });
}

function toRow(text: Text, interest: PersonInterest, ownerId: string, page: number): ListRowView {
  const tags = tagLabels(text, collaborationTagsOf(interest)).join(' · ');
  // The row's button is named by what it shows (its name, cut as its title is), so the two say the same.
  const name = nameForms(text, textOrEmpty(interest.displayName), OPEN_TITLE_NAME_MAX);
  return {
    ownerId,
    page,
    interestId: interest.id ?? '',
    name: name.shown,
    openTitle: text.t('list.row.open', { name: name.plain }),
    hasTags: tags !== '',
    // In words ("Tags: Ask me about · Can mentor"): the accent colour only adds to them.
    tags: tags === '' ? '' : text.t('card.tagsLine', { tags }),
    isSuggestion: isUnconfirmedSuggestion(interest),
  };
}

/** Rows whose open buttons would read the same (namesakes, or names alike in their first words) say their number in the list. */
function withDistinctOpenTitles(text: Text, rows: ListRowView[], first: number): ListRowView[] {
  const titles = distinctTitles(
    text,
    rows.map((row) => row.openTitle),
    (index) => first + index,
  );
  return rows.map((row, index) => ({ ...row, openTitle: titles[index]! }));
}
