import { ActivityTypes, type TurnContext } from 'botbuilder';
import { toAttachment, type AdaptiveCard } from '../cards/cardTemplate';

/** Posts a card as a new message. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, attachments: [toAttachment(card)] });
}

/** Shows "typing…" while a Graph call runs (Teams shows it for about three seconds or until the next message). */
export async function sendTyping(context: TurnContext): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Typing });
}
