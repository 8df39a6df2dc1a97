import template from '../../../../cards/bulkAdd.json';
import { AUDIENCE_LABEL_KEYS, DEFAULT_AUDIENCE, SELECTABLE_AUDIENCES } from '../../../domain/audiences';
import type { BulkNameCheck } from '../../../domain/bulkNames';
import { COLLABORATION_TAG_LABEL_KEYS, COLLABORATION_TAGS } from '../../../domain/collaborationTags';
import { normalizeSingleLine, removeUnsafeCharacters } from '../../../domain/text';
import type { Text } from '../../../i18n/text';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CREATE_MANY } from '../cardActions';
import { cardSize, defineCardTemplate, MAX_CARD_BYTES, type AdaptiveCard } from '../../../cards/cardTemplate';
import { clip, inlineText } from '../../../cards/displayText';
import { NOT_ADDED_HERE_KEYS, personalChatLink } from '../../../cards/personalChatHintCard';
import { isSharedView, type Viewers } from '../../../cards/sharedView';

export interface BulkAddCardData {
  ownerId: string;
  checks: readonly BulkNameCheck[];
  /** Who reads the card: in a shared conversation names already on the profile are left out without being named. */
  viewers: Viewers;
  /** A fresh id per card: the Create click is claimed under it, so it creates once. */
  newBatchId: () => string;
}

interface Choice {
  title: string;
  value: string;
}

interface BulkAddCardView extends Omit<CardActionData<typeof CREATE_MANY>, `pick${number}` | 'bulkTags' | 'bulkAudience'> {
  heading: string;
  summary: string;
  picks: { index: number; title: string }[];
  hasPicks: boolean;
  skipped: { text: string }[];
  hasSkipped: boolean;
  tagChoices: Choice[];
  audienceChoices: Choice[];
  defaultAudience: string;
  hasPersonalChat: boolean;
  personalChatUrl: string;
}

const expand = defineCardTemplate<BulkAddCardView>(template, { create: CREATE_MANY });

/**
 * Names carried by one card, in bytes of JSON as Teams counts them (UTF-16). Fifty names of the longest length fit
 * in one card; more long names are spread over several cards, each with its own Create, so that this card and its
 * result card (whose Retry carries the same names) stay under `MAX_CARD_BYTES`.
 */
export const NAME_BYTES_PER_CARD = 10_600;
/** How far the names shown on toggles and in "Left out" are shortened, tried in turn until the card fits. */
export const DISPLAY_STEPS = [100, 60, 40, 24, 12] as const;

const tagChoices = (text: Text): Choice[] => COLLABORATION_TAGS.map((tag) => ({ title: text.t(COLLABORATION_TAG_LABEL_KEYS[tag]), value: tag }));
const audienceChoices = (text: Text): Choice[] => SELECTABLE_AUDIENCES.map((audience) => ({ title: text.t(AUDIENCE_LABEL_KEYS[audience]), value: audience }));

/**
 * The bulk add card: one ticked toggle per name that can be added, the others listed with why they are left out,
 * tags and audience shared by all, one Create. Usually one card; see `NAME_BYTES_PER_CARD` for when there are more.
 */
export function renderBulkAddCards(text: Text, { ownerId, checks, viewers, newBatchId }: BulkAddCardData): AdaptiveCard[] {
  const fresh = checks.filter((check) => check.kind === 'new').map((check) => check.name);
  const shared = isSharedView(viewers);
  // Shared: whether a name on the profile is private must not show, so none of them is named, whatever its audience.
  const skipped = checks.filter((check): check is LeftOut => check.kind !== 'new' && !(shared && check.kind === 'exists'));
  const anyOnProfileUnnamed = shared && checks.some((check) => check.kind === 'exists');
  const pages = pagesOf(fresh);
  return pages.map((names, page) => {
    const heading = pages.length === 1 ? text.t('bulkAdd.card.heading') : text.t('bulkAdd.card.heading.part', { part: page + 1, parts: pages.length });
    const leftOut = page === 0 ? skipped : [];
    const unnamed = page === 0 && anyOnProfileUnnamed;
    const summary =
      names.length === 0 ? text.t('bulkAdd.card.noneToAdd') : text.t(pages.length > 1 ? 'bulkAdd.card.summary.parts' : 'bulkAdd.card.summary', { count: names.length });
    const view = (limit: number): BulkAddCardView => ({
      ownerId,
      batchId: newBatchId(),
      names,
      heading,
      summary,
      picks: names.map((name, index) => ({ index, title: toggleTitle(name, limit) })),
      hasPicks: names.length > 0,
      skipped: [...leftOut.map((check) => ({ text: leftOutText(text, check, limit) })), ...(unnamed ? [{ text: text.t(NOT_ADDED_HERE_KEYS.names) }] : [])],
      hasSkipped: leftOut.length > 0 || unnamed,
      tagChoices: tagChoices(text),
      audienceChoices: audienceChoices(text),
      defaultAudience: DEFAULT_AUDIENCE,
      ...(unnamed ? personalChatLink(viewers) : { hasPersonalChat: false, personalChatUrl: '' }),
    });
    return fitted(view, (data) => expand(text, data));
  });
}

/** The first rendering, from the longest display names down, that fits; the shortest one always does (see the tests). */
function fitted<V>(view: (limit: number) => V, render: (data: V) => AdaptiveCard): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const limit of DISPLAY_STEPS) {
    card = render(view(limit));
    if (cardSize(card) <= MAX_CARD_BYTES) return card;
  }
  return card!;
}

function pagesOf(names: readonly string[]): string[][] {
  const pages: string[][] = [[]];
  let bytes = 0;
  for (const name of names) {
    // As `cardSize` counts: the name's JSON in UTF-16, and its comma.
    const size = (JSON.stringify(name).length + 1) * 2;
    if (bytes + size > NAME_BYTES_PER_CARD && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      bytes = 0;
    }
    pages[pages.length - 1]!.push(name);
    bytes += size;
  }
  return pages;
}

/** Toggle titles are plain text (not Markdown): safe characters, one line, shortened. */
function toggleTitle(name: string, limit: number): string {
  return clip(normalizeSingleLine(removeUnsafeCharacters(name)), limit);
}

type LeftOut = Exclude<BulkNameCheck, { kind: 'new' }>;

function leftOutText(text: Text, check: LeftOut, limit: number): string {
  const name = inlineText(check.name, limit);
  switch (check.kind) {
    case 'exists':
      return text.t('bulkAdd.card.leftOut.exists', { name });
    case 'repeated':
      return text.t('bulkAdd.card.leftOut.repeated', { name });
    case 'invalid':
      return text.t('bulkAdd.card.leftOut.invalid', { name, reason: inlineText(text.say(check.message), 200) });
  }
}
