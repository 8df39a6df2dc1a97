/**
 * A time budget for answering `adaptiveCard/action` invokes. Teams waits only a few seconds for the answer; past
 * that it shows "Something went wrong" and may send the invoke again. So when the answer is not ready within the
 * budget (Graph is slow), the invoke is answered with a "Saving…" card and the real answer follows as a new
 * message in the conversation, sent proactively once it is ready, in the language of the turn that asked.
 *
 * botbuilder revokes a turn's context when the turn ends, so the answer runs on a copy of it that shares the turn
 * state and outlives the turn. Which card is shown comes from the route's `kind`; routes of kind `dialog` (the add
 * dialog's buttons) are never put on a deadline: a dialog step that finished after the turn would send its replies
 * into a turn that is over.
 */
import { ActivityTypes, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, toAttachment } from '../cards/cardTemplate';
import type { Logger } from '../logger';
import { isStorageWriteConflict } from '../errors/storageWriteConflictError';
import { cardResponse, errorResponse, MESSAGE_CONTENT_TYPE, type AskerOnlyResponse, type CardActionResponse, type ConversationAnswer } from './invokeResponses';
import type { Text } from '../i18n/text';
import { renderNotice, type NoticeWords } from './noticeWords';
import { speakAs, textOf } from './turnText';
import { SIGN_IN_KEYS, UNEXPECTED_FAILURE_KEY } from './userMessages';

/** The kinds of card action answered within the budget: a slow `read` shows "Loading…", a slow `change` "Saving…". */
export type BudgetedKind = 'read' | 'change';

/** Leaves room under Teams' five seconds for the network and the turn's own state writes. */
export const DEFAULT_CARD_ACTION_BUDGET_MS = 4_000;

export const SAVING_NOTICE_KEYS: NoticeWords = { title: 'deadline.saving.title', text: 'deadline.saving.text' };

export const LOADING_NOTICE_KEYS: NoticeWords = { title: 'deadline.loading.title', text: 'deadline.loading.text' };

export interface CardActionDeadlineOptions {
  /** Sends the late answer; `continueConversationAsync` is the only part used. */
  readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** The bot's app id ('' in local mode, which has none). */
  readonly botAppId: string;
  readonly logger: Logger;
  readonly budgetMs?: number;
  /** Saves what the late answer changed in turn state (the undo ledger): the turn's own save ran before it finished. */
  readonly saveState?: (context: TurnContext) => Promise<void>;
  /**
   * Reads the turn's state afresh after a late save lost a race, so the answer can run once more on top of the
   * winner's state, as `ConcurrencyRetryMiddleware` does for every other turn (it has finished by then).
   */
  readonly reloadState?: (context: TurnContext) => Promise<void>;
}

/**
 * Runs `answer` and returns its response if it is ready within the budget; otherwise returns a "Saving…" (or
 * "Loading…") card at once and posts the response to the conversation when it arrives. `answer` is started
 * once either way, so nothing is written twice; it gets a context that stays usable after the turn. Only answers
 * everyone in the conversation may read can be posted, so `answer` must return a `ConversationAnswer`.
 */
export async function answerCardActionWithinBudget(
  context: TurnContext,
  route: { readonly verb: string; readonly kind: BudgetedKind },
  answer: (context: TurnContext) => Promise<ConversationAnswer>,
  options: CardActionDeadlineOptions,
): Promise<CardActionResponse> {
  const { verb } = route;
  const reference = TurnContext.getConversationReference(context.activity);
  const race = await raceTheBudget(context, verb, answer, options);
  if (race.onTime) return race.response;
  options.logger.warn('A card action missed its time budget; its answer will follow in the conversation', { verb, budgetMs: budgetOf(options) });
  void postLateAnswer(race.context, reference, race.pending, () => answer(race.context), verb, options);
  return cardResponse(renderNotice(textOf(context), route.kind === 'read' ? LOADING_NOTICE_KEYS : SAVING_NOTICE_KEYS));
}

/**
 * As `answerCardActionWithinBudget` for an answer meant for the asker's eyes alone (the owner's view of a shared
 * card): a late answer is never posted, since everyone in the conversation would read it. The asker gets
 * `whileLate` instead (a "Loading…" card with a button that asks again) and the late answer is dropped.
 */
export async function answerAskerWithinBudget(
  context: TurnContext,
  verb: string,
  answer: (context: TurnContext) => Promise<AskerOnlyResponse>,
  whileLate: () => AskerOnlyResponse,
  options: CardActionDeadlineOptions,
): Promise<CardActionResponse> {
  const race = await raceTheBudget(context, verb, answer, options);
  if (race.onTime) return race.response;
  options.logger.warn('A card action for its asker alone missed its time budget; the asker can ask again', { verb, budgetMs: budgetOf(options) });
  void race.pending.then(async () => {
    // Read-only: nothing to post and nothing of the answer kept; only state the turn touched is saved.
    if (options.saveState) await options.saveState(race.context);
    options.logger.info('Dropped the late answer to a card action for its asker alone', { verb });
  }).catch((error: unknown) => options.logger.warn('The late answer to a card action for its asker alone failed', { verb, error }));
  return whileLate();
}

type BudgetRace<R> =
  | { readonly onTime: true; readonly response: R }
  | { readonly onTime: false; readonly pending: Promise<R>; readonly context: TurnContext };

/**
 * Starts `answer` on a context that outlives the turn and waits for it at most the budget. An answer that throws
 * becomes the generic failure answer (logged here), so the pending answer never rejects.
 */
async function raceTheBudget<R extends CardActionResponse>(
  context: TurnContext,
  verb: string,
  answer: (context: TurnContext) => Promise<R>,
  options: CardActionDeadlineOptions,
): Promise<BudgetRace<R | ConversationAnswer>> {
  // botbuilder revokes the turn's context when the turn ends, so the answer runs on a copy that outlives it. The
  // copy starts with the turn's state (connector client, bot state already loaded); state the answer loads itself
  // lives in the copy, so the copy is saved with `saveState`, on time or late. The copy speaks the turn's language
  // (it keeps the turn's `Text`), so a late answer built on it does too.
  const text = textOf(context);
  const lasting = new TurnContext(context);
  context.turnState.forEach((value, key) => lasting.turnState.set(key, value));
  speakAs(lasting, text);
  const pending = answer(lasting).catch((error: unknown): ConversationAnswer => {
    options.logger.error('A card action failed', { verb, error });
    return errorResponse(500, 'InternalError', text.t(UNEXPECTED_FAILURE_KEY));
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetOf(options));
  });
  const first = await Promise.race([pending, deadline]);
  clearTimeout(timer);
  if (first === 'late') return { onTime: false, pending, context: lasting };
  if (options.saveState) await options.saveState(lasting);
  return { onTime: true, response: first };
}

const budgetOf = (options: CardActionDeadlineOptions): number => options.budgetMs ?? DEFAULT_CARD_ACTION_BUDGET_MS;

/**
 * Saves the late answer's state with the same retry every turn gets: on a write conflict, fresh state and one more
 * run (card actions are safe to run twice: `changeActions.ts`). Whatever happens to the save, the user gets the
 * answer: the change on the profile is done, and the "Saving…" card must not be the last word.
 */
async function saveLateAnswer(
  context: TurnContext,
  response: ConversationAnswer,
  rerun: () => Promise<ConversationAnswer>,
  verb: string,
  options: CardActionDeadlineOptions,
): Promise<ConversationAnswer> {
  if (!options.saveState) return response;
  try {
    await options.saveState(context);
    return response;
  } catch (error) {
    if (!isStorageWriteConflict(error) || !options.reloadState) {
      options.logger.warn('The late answer to a card action was posted, but its state could not be saved', { verb, error });
      return response;
    }
  }
  try {
    await options.reloadState(context);
    const again = await rerun();
    await options.saveState(context);
    return again;
  } catch (error) {
    options.logger.warn('The late answer to a card action lost a state race twice; posting its first answer', { verb, error });
    return response;
  }
}

async function postLateAnswer(
  context: TurnContext,
  reference: Partial<ConversationReference>,
  pending: Promise<ConversationAnswer>,
  rerun: () => Promise<ConversationAnswer>,
  verb: string,
  options: CardActionDeadlineOptions,
): Promise<void> {
  try {
    const response = await saveLateAnswer(context, await pending, rerun, verb, options);
    // The proactive turn's activity is the bot's own, without the user's locale: it speaks the asking turn's language.
    const text = textOf(context);
    await options.adapter.continueConversationAsync(options.botAppId, reference, async (proactive) => {
      speakAs(proactive, text);
      await proactive.sendActivity(asMessage(text, response));
    });
    options.logger.info('Posted the late answer to a card action', { verb });
  } catch (error) {
    options.logger.error('The late answer to a card action could not be posted', { verb, error });
  }
}

/**
 * The invoke body as a chat message: a card stays a card, a message or an error becomes its text. A sign-in
 * request cannot be answered from a message, so it becomes the sentence that starts sign-in on the next message.
 */
export function asMessage(text: Text, response: ConversationAnswer): Partial<Activity> {
  switch (response.type) {
    case ADAPTIVE_CARD_CONTENT_TYPE:
      return { type: ActivityTypes.Message, attachments: [toAttachment(response.value)] };
    case MESSAGE_CONTENT_TYPE:
      return { type: ActivityTypes.Message, text: response.value };
    default:
      return { type: ActivityTypes.Message, text: 'message' in response.value ? response.value.message : text.t(SIGN_IN_KEYS.signInRequired) };
  }
}
