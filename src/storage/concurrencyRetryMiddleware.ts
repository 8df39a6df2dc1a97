import type { BotState, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { holdReplies } from './heldReplies';
import { userTextOf } from '../errors/errorCatalogue';
import { ERROR_CODES } from '../errors/errorCodes';
import { isStorageWriteConflict } from '../errors/storageWriteConflictError';
import type { MessageKey } from '../i18n/catalog';
import { textFor } from '../i18n/text';

export const REPEAT_PLEASE_KEY: MessageKey = userTextOf(ERROR_CODES.storageWriteConflict);

export interface ConcurrencyRetryOptions {
  /** Every state the turn saves; they are read afresh before a retry. */
  readonly states: readonly BotState[];
  readonly logger: Logger;
  /** Runs of the turn in all, the first included (default 2: one retry). */
  readonly maxAttempts?: number;
  /**
   * Tells the user the turn was given up on; the default says `REPEAT_PLEASE_KEY` in the language of the activity's
   * `locale` (the bot passes one that speaks the turn's language, `clientInfo` included).
   */
  readonly giveUp?: (context: TurnContext) => Promise<void>;
}

/**
 * Optimistic concurrency for whole turns. Two turns of one conversation can run at once (on two instances, or a
 * double click); with `Conditional*State` the one that saves second gets a write conflict. This middleware then
 * runs that turn again from the state the winner saved, and if it loses again, tells the user to repeat: a turn
 * is never silently dropped. Replies are held until the turn's state is saved, so a retried turn never sends
 * anything twice. Side effects outside state (a Graph call) are not undone: see docs/storage.md.
 *
 * The turn must save its state inside `next()` (the bot does, at the end of its handler's `run`).
 */
export class ConcurrencyRetryMiddleware implements Middleware {
  constructor(private readonly options: ConcurrencyRetryOptions) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { states, logger } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 2;
    const replies = holdReplies(context);
    for (let attempt = 1; ; attempt++) {
      try {
        await next();
        await replies.release();
        return;
      } catch (error) {
        if (!isStorageWriteConflict(error)) {
          // Not ours to handle: what the turn said before failing goes out as it would have, then onTurnError runs.
          await replies.release();
          throw error;
        }
        replies.discard();
        const fields = { attempt, activityType: context.activity.type, conversationId: context.activity.conversation?.id };
        if (attempt >= maxAttempts) {
          logger.warn('A concurrent turn kept winning the state write; asking the user to repeat', fields);
          await replies.release();
          await (this.options.giveUp ?? sayRepeatPlease)(context);
          return;
        }
        logger.info('State changed under this turn; running it again from fresh state', fields);
        await Promise.all(states.map((state) => state.load(context, true)));
      }
    }
  }
}

async function sayRepeatPlease(context: TurnContext): Promise<void> {
  await context.sendActivity(textFor(context.activity.locale).t(REPEAT_PLEASE_KEY));
}
