import template from '../../../../cards/bulkResult.json';
import type { Audience } from '../../../domain/audiences';
import type { CollaborationTag } from '../../../domain/collaborationTags';
import type { GraphErrorKind } from '../../../errors/graphErrors';
import type { MessageKey } from '../../../i18n/catalog';
import type { Text } from '../../../i18n/text';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { OPEN_INTEREST, SHOW_LIST } from '../../interests/cardActions';
import { RETRY_MANY } from '../cardActions';
import { distinctTitles } from '../../../cards/actionTitles';
import { cardSize, defineCardTemplate, MAX_CARD_BYTES, type AdaptiveCard } from '../../../cards/cardTemplate';
import { DISPLAY_STEPS } from './bulkAddCard';
import { inlineText, plainText } from '../../../cards/displayText';
import { NOT_ADDED_HERE_KEYS, personalChatLink } from '../../../cards/personalChatHintCard';
import { isSharedView, type Viewers } from '../../../cards/sharedView';

/**
 * What became of one name of a bulk add, as the bot remembers it and the result card shows it:
 * - `created`: Graph created it in this batch;
 * - `found`: on the profile when the list was read again before a retry (an earlier batch whose answer was lost
 *   created it), so it counts as created;
 * - `exists`: already on the profile when Create was clicked (added since the card was drawn), so not sent again;
 * - `refused`: Graph answered with an error (`errorKind`); nothing was created;
 * - `busy`: still throttled when the retry bound was reached; nothing was created;
 * - `unknown`: no answer came; it may have been created, so a retry re-reads the list first.
 */
export type BulkRowOutcome = 'created' | 'found' | 'exists' | 'refused' | 'busy' | 'unknown';

export interface BulkResultRow {
  readonly name: string;
  readonly outcome: BulkRowOutcome;
  readonly errorKind?: GraphErrorKind | undefined;
  /** The interest on the profile (`created`, `found`), so the card can open it; absent in answers recorded before. */
  readonly interestId?: string | undefined;
}

export interface BulkRetry {
  readonly batchId: string;
  readonly names: readonly string[];
  readonly collaborationTags: readonly CollaborationTag[];
  readonly allowedAudiences: Audience;
}

export interface BulkResultCardData {
  ownerId: string;
  rows: readonly BulkResultRow[];
  /**
   * Who reads the card. In a shared conversation a name found on the profile at the click is not named (it may be
   * a private interest, and one everyone may see is left out the same way, so the two read alike).
   */
  viewers: Viewers;
  /** What the Retry button sends again (the names not created), when anything failed. */
  retry?: BulkRetry | undefined;
}

/** Fixed words for each outcome; Graph's own message text never reaches the card. */
export const OUTCOME_KEYS: Readonly<Record<Exclude<BulkRowOutcome, 'refused'>, MessageKey>> = Object.freeze({
  created: 'bulkAdd.result.created',
  found: 'bulkAdd.result.found',
  exists: 'bulkAdd.result.exists',
  busy: 'bulkAdd.result.busy',
  unknown: 'bulkAdd.result.unknown',
});

/** Why Graph refused an item, by the error's kind (from its status and Graph error code). */
export const REFUSAL_KEYS: Readonly<Record<GraphErrorKind, MessageKey>> = Object.freeze({
  invalidRequest: 'bulkAdd.result.refused.invalidRequest',
  forbidden: 'bulkAdd.result.refused.forbidden',
  unauthorized: 'bulkAdd.result.refused.unauthorized',
  notFound: 'bulkAdd.result.refused.notFound',
  throttled: 'bulkAdd.result.refused.throttled',
  unavailable: 'bulkAdd.result.refused.unavailable',
});

interface ResultRowView {
  text: string;
}

/**
 * A name added, as a button that shows the name alone (cut as its title is) with its outcome below: the button's
 * title ("Open Chess") then contains what it shows, as a screen reader's spoken name must (WCAG 2.5.3).
 */
interface OpenRowView {
  name: string;
  outcome: string;
  interestId: string;
  openTitle: string;
}

interface BulkResultCardView {
  ownerId: string;
  heading: string;
  hasNotice: boolean;
  notice: string;
  /** Names on the profile now, each opening its interest card; first, so what was added is one click away. */
  openRows: OpenRowView[];
  rows: ResultRowView[];
  canRetry: boolean;
  retryTitle: string;
  retryBatchId: string;
  retryNames: CardActionData<typeof RETRY_MANY>['names'];
  collaborationTags: CollaborationTag[];
  allowedAudiences: Audience;
  hasPersonalChat: boolean;
  personalChatUrl: string;
}

const expand = defineCardTemplate<BulkResultCardView>(template, { openInterest: OPEN_INTEREST, retry: RETRY_MANY, showList: SHOW_LIST });
/** An open button's name, as it shows and as its title says it; the interest card has it whole. */
const OPEN_TITLE_NAME_MAX = 40;

export function outcomeText(text: Text, row: BulkResultRow): string {
  if (row.outcome !== 'refused') return text.t(OUTCOME_KEYS[row.outcome]);
  return text.t(REFUSAL_KEYS[row.errorKind ?? 'invalidRequest']);
}

/**
 * Each name with what became of it, each one added opening its interest card; Retry (the names not created, same
 * tags and audience) when anything failed.
 */
export function renderBulkResultCard(text: Text, { ownerId, rows, viewers, retry }: BulkResultCardData): AdaptiveCard {
  const shared = isSharedView(viewers);
  const named = shared ? rows.filter((row) => !isOnProfile(row)) : rows;
  const anyUnnamed = named.length < rows.length;
  const anyUnknown = rows.some((row) => row.outcome === 'unknown');
  const notices = [...(anyUnknown ? [text.t('bulkAdd.result.unknownNotice')] : []), ...(anyUnnamed ? [text.t(NOT_ADDED_HERE_KEYS.namesNotListed)] : [])];
  const openable = named.filter(canOpen);
  const view = (limit: number, opens: number): BulkResultCardView => {
    const opened = new Set(openable.slice(0, opens));
    const rowText = (row: BulkResultRow): string => text.t('bulkAdd.result.row', { name: inlineText(row.name, limit), outcome: outcomeText(text, row) });
    return {
      ownerId,
      heading: headingOf(text, named),
      hasNotice: notices.length > 0,
      notice: notices.join(' '),
      openRows: openRowsOf(text, [...opened], limit),
      rows: named.filter((row) => !opened.has(row)).map((row) => ({ text: rowText(row) })),
      canRetry: retry !== undefined,
      retryTitle: retry ? (anyUnknown ? text.t('bulkAdd.result.checkAndRetry') : text.t('bulkAdd.result.retry', { count: retry.names.length })) : '',
      retryBatchId: retry?.batchId ?? '',
      retryNames: [...(retry?.names ?? [])],
      collaborationTags: [...(retry?.collaborationTags ?? [])],
      allowedAudiences: retry?.allowedAudiences ?? 'organization',
      ...(anyUnnamed ? personalChatLink(viewers) : { hasPersonalChat: false, personalChatUrl: '' }),
    };
  };
  return fittedWithOpens(openable.length, view, (data) => expand(text, data));
}

/**
 * The card at the longest display names that fit (as the bulk card shortens them), with as many open buttons as
 * still fit: each costs a few hundred bytes, so a hundred short names all added cannot all have one, and the rest
 * are a "Show my interests" away.
 */
function fittedWithOpens<V>(openable: number, view: (limit: number, opens: number) => V, render: (data: V) => AdaptiveCard): AdaptiveCard {
  const fits = (card: AdaptiveCard): boolean => cardSize(card) <= MAX_CARD_BYTES;
  for (const limit of DISPLAY_STEPS) {
    const all = render(view(limit, openable));
    if (fits(all)) return all;
    let best = render(view(limit, 0));
    if (!fits(best)) continue;
    // Largest number of open buttons that fits: `fitting` fits, `tooMany` does not.
    let fitting = 0;
    let tooMany = openable;
    while (tooMany - fitting > 1) {
      const middle = Math.floor((fitting + tooMany) / 2);
      const card = render(view(limit, middle));
      if (fits(card)) {
        fitting = middle;
        best = card;
      } else {
        tooMany = middle;
      }
    }
    return best;
  }
  return render(view(DISPLAY_STEPS[DISPLAY_STEPS.length - 1]!, 0));
}

/** Each name added, opening its interest; open buttons that would read the same (names alike in their first words) say their number. */
function openRowsOf(text: Text, rows: readonly BulkResultRow[], limit: number): OpenRowView[] {
  const titles = distinctTitles(
    text,
    rows.map((row) => text.t('bulkAdd.result.openTitle', { name: plainText(row.name, OPEN_TITLE_NAME_MAX) })),
  );
  // Never longer than the title's: a name cut shorter (to fit the card) is still the start of the one in the title.
  const shown = Math.min(limit, OPEN_TITLE_NAME_MAX);
  return rows.map((row, index) => ({ name: inlineText(row.name, shown), outcome: outcomeText(text, row), interestId: row.interestId ?? '', openTitle: titles[index]! }));
}

/** Added by this batch or an earlier one, with the id Graph gave it. */
function canOpen(row: BulkResultRow): boolean {
  return (row.outcome === 'created' || row.outcome === 'found') && typeof row.interestId === 'string' && row.interestId !== '';
}

/** On the profile at the click, however it got there: never sent again, and not named where everyone reads. */
function isOnProfile(row: BulkResultRow): boolean {
  return row.outcome === 'found' || row.outcome === 'exists';
}

/** Counts what this batch was asked to add: names already there before the click count neither way. */
function headingOf(text: Text, rows: readonly BulkResultRow[]): string {
  const asked = rows.filter((row) => row.outcome !== 'exists');
  if (asked.length === 0) return text.t('bulkAdd.result.nothingNew');
  const added = asked.filter((row) => row.outcome === 'created' || row.outcome === 'found').length;
  if (added === asked.length) return text.t('bulkAdd.result.allAdded', { count: asked.length });
  return added === 0 ? text.t('bulkAdd.result.noneAdded', { count: asked.length }) : text.t('bulkAdd.result.someAdded', { added, count: asked.length });
}
