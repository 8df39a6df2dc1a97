import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/cardTemplate';
import { sendCard } from '../replies';

/**
 * The seam between the dialogs and the bot core's `adaptiveCard/action` invoke handler. When a card button
 * (Action.Execute) is what moved a dialog on, the dialog does not post a new message: it leaves the card to show
 * under this turn-state key, and the core answers the invoke with it so Teams replaces the clicked card in place.
 * Nothing left here means the dialog had no card for this invoke (it may have sent a message instead).
 */
export const INVOKE_RESPONSE_CARD = Symbol('invokeResponseCard');

export function setInvokeResponseCard(context: TurnContext, card: AdaptiveCard): void {
  context.turnState.set(INVOKE_RESPONSE_CARD, card);
}

/** The card left for this turn's invoke response, once: it is cleared as it is taken. */
export function takeInvokeResponseCard(context: TurnContext): AdaptiveCard | undefined {
  const card = context.turnState.get<AdaptiveCard | undefined>(INVOKE_RESPONSE_CARD);
  context.turnState.delete(INVOKE_RESPONSE_CARD);
  return card;
}

/** Shows a card as this turn's answer: in place of the clicked card for an invoke, as a new message otherwise. */
export async function showCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) {
    setInvokeResponseCard(context, card);
    return;
  }
  await sendCard(context, card);
}
