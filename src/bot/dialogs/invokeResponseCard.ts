import { ActivityTypes, type Attachment, type TurnContext } from 'botbuilder';

/**
 * The seam between the dialogs and the bot core's `adaptiveCard/action` invoke handler. When a card button
 * (Action.Execute) is what moved a dialog on, the dialog does not post a new message: it leaves the card to show
 * here, and the core answers the invoke with it so Teams replaces the clicked card in place. Nothing left here
 * means the dialog had no card to show for this invoke.
 */
export const INVOKE_RESPONSE_CARD = Symbol('invokeResponseCard');

export function setInvokeResponseCard(context: TurnContext, card: Attachment): void {
  context.turnState.set(INVOKE_RESPONSE_CARD, card);
}

/** Returns the card left for this turn's invoke response (once) and clears it. */
export function takeInvokeResponseCard(context: TurnContext): Attachment | undefined {
  const card = context.turnState.get<Attachment | undefined>(INVOKE_RESPONSE_CARD);
  context.turnState.delete(INVOKE_RESPONSE_CARD);
  return card;
}

/** Shows a card as the answer to this turn: in place of the clicked card for an invoke, as a new message otherwise. */
export async function showCard(context: TurnContext, card: Attachment): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) {
    setInvokeResponseCard(context, card);
    return;
  }
  await context.sendActivity({ attachments: [card] });
}
