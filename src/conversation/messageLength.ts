/**
 * Messages longer than anyone types get a short answer instead of a turn. Teams itself caps a message at about
 * 28 KB; 16,000 characters still holds a pasted list of fifty interest names with room to spare, and bounds the
 * work every later step (mention stripping, parsing, dialogs) does on one message. A dialog in progress is left as
 * it was, so the next, shorter answer continues it.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

export const MAX_MESSAGE_CHARS = 16_000;
// Thousands grouped by hand: `toLocaleString` would load the ICU data at start-up (about 15 ms) for this one text.
const MAX_MESSAGE_CHARS_TEXT = String(MAX_MESSAGE_CHARS).replace(/\B(?=(\d{3})+$)/g, ',');
export const MESSAGE_TOO_LONG_TEXT = `That message is too long for me: I read up to ${MAX_MESSAGE_CHARS_TEXT} characters. Please send a shorter one.`;

export class MessageLengthLimit implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type, text } = context.activity;
    if (type === ActivityTypes.Message && typeof text === 'string' && text.length > MAX_MESSAGE_CHARS) {
      await context.sendActivity(MESSAGE_TOO_LONG_TEXT);
      return;
    }
    await next();
  }
}
