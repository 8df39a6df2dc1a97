import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { BotState } from '../conversation/botState';
import { errorResponse } from '../conversation/invokeResponses';
import { answerFailure } from '../conversation/answerFailure';
import { textOf } from '../conversation/turnText';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * `adapter.onTurnError`: the boundary for whatever a turn did not handle itself. It logs the failure once
 * (`answerFailure`: with Graph's request ids, never a token), tells the user the catalogue's short sentence in the
 * turn's language, and never throws, so one bad turn cannot take the process down.
 */
export function createTurnErrorHandler(options: { logger: Logger; state: BotState }): (context: TurnContext, error: Error) => Promise<void> {
  const { logger, state } = options;
  return async (context, error) => {
    const { type, name } = context.activity;
    const report = answerFailure(logger, 'Turn failed', error, { activityType: type, invokeName: name });
    try {
      // A dialog that failed unexpectedly would fail the same way on the next message: start the user afresh.
      if (report.severity === 'error') await state.privateConversationState.delete(context);
      await tellUser(context, textOf(context).say(report.userMessage));
    } catch (reportError) {
      logger.error('Could not tell the user about a failed turn', { error: reportError });
    }
  };
}

async function tellUser(context: TurnContext, text: string): Promise<void> {
  const { type, name } = context.activity;
  if (type !== ActivityTypes.Invoke) {
    await context.sendActivity(text);
    return;
  }
  // An invoke is answered in the HTTP response; Universal Actions want the error shape with HTTP 200.
  const value = name === ADAPTIVE_CARD_ACTION ? { status: 200, body: errorResponse(500, 'InternalError', text) } : { status: 500 };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
}
