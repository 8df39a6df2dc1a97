import template from '../../cards/bulkResult.json';
import type { Audience } from '../domain/audiences';
import type { CollaborationTag } from '../domain/collaborationTags';
import type { GraphErrorKind } from '../errors/graphErrors';
import type { CardActionData, CARD_VERBS } from './cardActions';
import type { AdaptiveCard } from './cardTemplate';
import { defineCardTemplate } from './cardTemplate';
import { fitted } from './bulkAddCard';
import { inlineText } from './displayText';
import { NAMES_NOT_LISTED_HERE_TEXT, personalChatLink } from './personalChatHintCard';
import { isSharedView, type Viewers } from './sharedView';

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
export const OUTCOME_WORDS: Readonly<Record<Exclude<BulkRowOutcome, 'refused'>, string>> = Object.freeze({
  created: 'added',
  found: 'added (found on your profile)',
  exists: 'already on your profile',
  busy: 'not added yet: Microsoft 365 is busy',
  unknown: "no answer from Microsoft 365: it may have been added",
});

/** Why Graph refused an item, by the error's kind (from its status and Graph error code). */
export const REFUSAL_WORDS: Readonly<Record<GraphErrorKind, string>> = Object.freeze({
  invalidRequest: "not added: Microsoft 365 didn't accept it",
  forbidden: "not added: you aren't allowed to change your profile",
  unauthorized: 'not added: your sign-in expired',
  notFound: "not added: your profile wasn't found",
  throttled: 'not added yet: Microsoft 365 is busy',
  unavailable: 'not added: Microsoft 365 had a problem',
});

export const UNKNOWN_NOTICE =
  "Microsoft 365 didn't answer for some of them, so they may have been added. Retry checks your profile first and adds only what's missing.";

interface BulkResultCardView {
  ownerId: string;
  heading: string;
  hasNotice: boolean;
  notice: string;
  rows: { text: string }[];
  canRetry: boolean;
  retryTitle: string;
  retryBatchId: string;
  retryNames: CardActionData<typeof CARD_VERBS.retry>['names'];
  collaborationTags: CollaborationTag[];
  allowedAudiences: Audience;
  hasPersonalChat: boolean;
  personalChatUrl: string;
}

const expand = defineCardTemplate<BulkResultCardView>(template);

export function outcomeText(row: BulkResultRow): string {
  if (row.outcome !== 'refused') return OUTCOME_WORDS[row.outcome];
  return REFUSAL_WORDS[row.errorKind ?? 'invalidRequest'];
}

/** Each name with what became of it; Retry (the names not created, same tags and audience) when anything failed. */
export function renderBulkResultCard({ ownerId, rows, viewers, retry }: BulkResultCardData): AdaptiveCard {
  const shared = isSharedView(viewers);
  const named = shared ? rows.filter((row) => !isOnProfile(row)) : rows;
  const anyUnnamed = named.length < rows.length;
  const anyUnknown = rows.some((row) => row.outcome === 'unknown');
  const notices = [...(anyUnknown ? [UNKNOWN_NOTICE] : []), ...(anyUnnamed ? [NAMES_NOT_LISTED_HERE_TEXT] : [])];
  return fitted(
    (limit): BulkResultCardView => ({
      ownerId,
      heading: headingOf(named),
      hasNotice: notices.length > 0,
      notice: notices.join(' '),
      rows: named.map((row) => ({ text: `"${inlineText(row.name, limit)}": ${outcomeText(row)}` })),
      canRetry: retry !== undefined,
      retryTitle: retry ? (anyUnknown ? 'Check and retry' : `Retry ${retry.names.length === 1 ? 'it' : `these ${retry.names.length}`}`) : '',
      retryBatchId: retry?.batchId ?? '',
      retryNames: [...(retry?.names ?? [])],
      collaborationTags: [...(retry?.collaborationTags ?? [])],
      allowedAudiences: retry?.allowedAudiences ?? 'organization',
      ...(anyUnnamed ? personalChatLink(viewers) : { hasPersonalChat: false, personalChatUrl: '' }),
    }),
    expand,
  );
}

/** On the profile at the click, however it got there: never sent again, and not named where everyone reads. */
function isOnProfile(row: BulkResultRow): boolean {
  return row.outcome === 'found' || row.outcome === 'exists';
}

/** Counts what this batch was asked to add: names already there before the click count neither way. */
function headingOf(rows: readonly BulkResultRow[]): string {
  const asked = rows.filter((row) => row.outcome !== 'exists');
  if (asked.length === 0) return 'Nothing new to add.';
  const added = asked.filter((row) => row.outcome === 'created' || row.outcome === 'found').length;
  if (added === asked.length) return `Added ${plural(asked.length)} to your profile.`;
  return added === 0 ? `Couldn't add ${plural(asked.length)}.` : `Added ${added} of ${plural(asked.length)}.`;
}

function plural(count: number): string {
  return count === 1 ? '1 interest' : `${count} interests`;
}
