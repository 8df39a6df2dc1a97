/**
 * Messages longer than anyone types get a short answer instead of a turn. Teams itself caps a message at about
 * 28 KB; 16,000 characters still holds a pasted list of fifty interest names with room to spare, and bounds the
 * work every later step (mention stripping, parsing, dialogs) does on one message. A dialog in progress is left as
 * it was, so the next, shorter answer continues it.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { MessageKey } from '../i18n/catalog';
import type { Text } from '../i18n/text';
import { textOf } from './turnText';

export const MAX_MESSAGE_CHARS = 16_000;
const MESSAGE_TOO_LONG_KEY: MessageKey = 'limits.messageTooLong';

/** The answer to a message over the limit, in `text`'s language (the limit formatted as its locale writes numbers). */
export function messageTooLongText(text: Text): string {
  return text.t(MESSAGE_TOO_LONG_KEY, { max: MAX_MESSAGE_CHARS });
}

export class MessageLengthLimit implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type, text } = context.activity;
    if (type === ActivityTypes.Message && typeof text === 'string' && text.length > MAX_MESSAGE_CHARS) {
      await context.sendActivity(messageTooLongText(textOf(context)));
      return;
    }
    await next();
  }
}
