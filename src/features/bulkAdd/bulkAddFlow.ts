/**
 * Bulk add: `add` with several names (one per line, or separated by semicolons). The command shows one card with
 * every name checked (one Graph list read); Create reads the list again, so a name added since the card was drawn
 * (by another card, say) is not created twice, and sends the ticked names that are still new with JSON batching:
 * 1 + ⌈N/20⌉ requests, exactly once per card. The result card offers Retry for what failed, which does the same.
 * The splitting rules are the domain's (`src/domain/bulkNames.ts`); a single name keeps the add dialog.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { renderBulkAddCards } from './cards/bulkAddCard';
import type { AdaptiveCard } from '../../cards/cardTemplate';
import { renderBulkResultCard, type BulkResultRow, type BulkRetry } from './cards/bulkResultCard';
import { renderBulkSplitCard } from './cards/bulkSplitCard';
import { checkBulkNames, MAX_BULK_NAMES, parseBulkNames } from '../../domain/bulkNames';
import type { InterestDraft } from '../../domain/personInterest';
import type { CreateOutcome } from '../../graph/interestsClient';
import type { UserInterests } from '../../graph/userInterests';
import { actorIdOf } from '../../conversation/actor';
import { textOf } from '../../conversation/turnText';
import { defineCommand, type CommandRoute, type GraphCommandTurn } from '../../conversation/routeTypes';
import { ADD_INTEREST_DIALOG, type InterestDialogOptions } from '../../conversation/dialogs/dialogIds';
import { cardViewersFor, sendCard, sendTyping } from '../../conversation/replies';
import { answerOnce, onceKey } from './answerOnce';
import { cardResponse, messageResponse, type CardActionResponse } from '../../conversation/invokeResponses';
import type { BotServices } from '../../conversation/botServices';

/** `add …`: no name or one name goes to the add dialog; several names get the bulk card; a comma asks first. */
export async function startAdd(turn: GraphCommandTurn): Promise<void> {
  const { context, dialogContext, profile, argumentLines } = turn;
  const text = textOf(context);
  const parsed = parseBulkNames(argumentLines);
  switch (parsed.kind) {
    case 'none':
      await (await dialogContext()).beginDialog(ADD_INTEREST_DIALOG, {} satisfies InterestDialogOptions);
      return;
    case 'one':
      await (await dialogContext()).beginDialog(ADD_INTEREST_DIALOG, { name: parsed.name } satisfies InterestDialogOptions);
      return;
    case 'oneOrSplit':
      await sendCard(context, renderBulkSplitCard(text, { ownerId: actorIdOf(context.activity), whole: parsed.whole, parts: parsed.parts }));
      return;
    case 'tooMany':
      await context.sendActivity(text.t('bulkAdd.tooMany', { count: parsed.count, max: MAX_BULK_NAMES }));
      return;
    case 'several': {
      await sendTyping(context);
      for (const card of await bulkAddCards(context, profile, parsed.names)) await sendCard(context, card);
    }
  }
}

/** The bulk card(s) for `names`, checked against the user's interests (one list read). */
export async function bulkAddCards(context: TurnContext, profile: UserInterests, names: readonly string[]): Promise<AdaptiveCard[]> {
  const existing = await profile.list();
  return renderBulkAddCards(textOf(context), { ownerId: actorIdOf(context.activity), checks: checkBulkNames(names, existing), viewers: cardViewersFor(context.activity), newBatchId: randomUUID });
}

/**
 * What a Create or Retry click asks for: the names, the fields they share, and the card's batch id. The same shape
 * the result card's Retry button carries, so a retry is just another request.
 */
export type BulkCreateRequest = BulkRetry;

/** What a bulk create answered: recorded once per batch, and shown again to any later click of the same button. */
export interface BulkCreateAnswer {
  readonly rows: BulkResultRow[];
  readonly retry?: BulkRetry | undefined;
}

/** What a bulk click is: Create on the bulk card, or Retry on its result card. */
export type BulkClick = 'create' | 'retry';

/**
 * Create or Retry on a bulk card, for the card's owner. Claimed once per owner and batch id, so a second click or a
 * resent invoke gets the first answer and creates nothing. The answer is stored as outcomes, and worded for the
 * conversation it is shown in each time.
 */
export async function createOnce(
  request: BulkCreateRequest,
  { context, ownerId, profile, services }: { context: TurnContext; ownerId: string; profile: UserInterests; services: BotServices },
  click: BulkClick,
): Promise<CardActionResponse> {
  const text = textOf(context);
  if (request.names.length === 0) return messageResponse(text.t('bulkAdd.nothingPicked'));
  const key = onceKey(ownerId, request.batchId);
  const answer = await answerOnce(services.state.storage, key, () => createNames(profile, request, click));
  if (answer.kind === 'inProgress') return messageResponse(text.t('bulkAdd.stillAdding'));
  return cardResponse(renderBulkResultCard(text, { ownerId, viewers: cardViewersFor(context.activity), ...answer.value }));
}

/**
 * Creates the names not on the profile as it is at the click (one list read): a name added since the card was drawn
 * is marked as already there (`exists`); on a retry, one a batch whose answer never came may have created counts as
 * added (`found`). Neither is sent again.
 */
async function createNames(profile: UserInterests, request: BulkCreateRequest, click: BulkClick): Promise<BulkCreateAnswer> {
  const existing = await profile.list();
  const checks = checkBulkNames(request.names, existing);
  const drafts: InterestDraft[] = [];
  for (const check of checks) {
    if (check.kind === 'new') drafts.push(draftFor(check.name, request));
  }
  const outcomes = drafts.length > 0 ? await profile.createMany(drafts) : [];
  const byName = new Map(outcomes.map((outcome) => [outcome.draft.displayName, outcome]));
  const rows: BulkResultRow[] = [];
  for (const check of checks) {
    // A repeat was sent once, under its first spelling; a name changed on a forged card is not sent at all.
    if (check.kind === 'repeated') continue;
    if (check.kind === 'exists') rows.push({ name: check.name, outcome: click === 'retry' ? 'found' : 'exists', interestId: check.existingId });
    else if (check.kind === 'invalid') rows.push({ name: check.name, outcome: 'refused', errorKind: 'invalidRequest' });
    else rows.push(rowOf(check.name, byName.get(check.name)));
  }
  const failed = rows.filter((row) => row.outcome !== 'created' && row.outcome !== 'found' && row.outcome !== 'exists').map((row) => row.name);
  const retry: BulkRetry | undefined =
    failed.length > 0 ? { batchId: randomUUID(), names: failed, collaborationTags: [...request.collaborationTags], allowedAudiences: request.allowedAudiences } : undefined;
  return { rows, retry };
}

function draftFor(displayName: string, { collaborationTags, allowedAudiences }: BulkCreateRequest): InterestDraft {
  return { displayName, description: null, categories: [], collaborationTags: [...collaborationTags], allowedAudiences, webUrl: null };
}

function rowOf(name: string, outcome: CreateOutcome | undefined): BulkResultRow {
  if (!outcome) return { name, outcome: 'unknown' };
  switch (outcome.kind) {
    case 'created':
      return { name, outcome: 'created', interestId: outcome.interest.id };
    case 'throttled':
      return { name, outcome: 'busy' };
    case 'unknown':
      return { name, outcome: 'unknown' };
    case 'refused':
      return { name, outcome: 'refused', errorKind: outcome.error.kind };
  }
}

export const BULK_ADD_COMMANDS: readonly CommandRoute[] = [
  defineCommand({ words: 'words.command.add', takesArgument: true, needs: 'profile', typing: false, interruptsDialog: false, handle: startAdd }),
];
