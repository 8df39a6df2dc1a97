/**
 * A dialog moved on by a card button (`Action.Execute`, an `adaptiveCard/action` invoke), through botbuilder's
 * public API only, with nothing left in turn state for someone else to read back:
 *
 * - **In**, the card action is the activity's value, which the waiting prompt reads the way every prompt reads its
 *   activity (`cardActionOf`), with the same parser as the invoke boundary (which has already refused a malformed
 *   action and anyone but the card's owner).
 * - **Out**, the dialog answers the invoke the way any invoke handler may: it sends an `invokeResponse` activity
 *   (`answerInvoke`, `showCard`). The card-action route runs the dialog through `dialogAnswerTo`, which gives the
 *   dialog a turn context of its own over the same activity and state, takes that activity from what the dialog
 *   sends and returns its answer, so the route answers the invoke with it (or with its own when the dialog gave
 *   none). Everything else the dialog sends goes out through the route's turn, as if sent there.
 *
 * Why a turn context of its own: a turn's replies are held until its state is saved (`heldReplies.ts`), so a send
 * handler added to the route's turn would see nothing before the turn ends. The dialog's turn context is built the
 * way a resumed message's is (`resumedTurn.ts`): `new TurnContext(adapter, activity)` sharing the turn's state.
 */
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { byVerb, parseCardActionAmong, type AnyCardActionDefinition, type CardActionOf } from '../cardActionDefinition';
import type { AdaptiveCard } from '../../cards/cardTemplate';
import type { BotServices } from '../botServices';
import { cardResponse, type CardActionResponse } from '../invokeResponses';
import { sendCard } from '../replies';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * The card action this turn's activity carries when it is one of `actions` (the buttons the waiting prompt asked
 * with), or undefined when it is another or not a card action at all (a typed answer, say).
 */
export function cardActionOf<Ds extends readonly AnyCardActionDefinition[]>(context: TurnContext, ...actions: Ds): CardActionOf<Ds[number]> | undefined {
  const { type, name, value } = context.activity;
  if (type !== ActivityTypes.Invoke || name !== ADAPTIVE_CARD_ACTION) return undefined;
  const parsed = parseCardActionAmong<Ds[number]>(value, byVerb(actions));
  return parsed.ok ? parsed.value : undefined;
}

/** Answers this turn's card action (the last answer a dialog gives in a turn is the one Teams gets). */
export async function answerInvoke(context: TurnContext, response: CardActionResponse): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: response } });
}

/** Shows a card as this turn's answer: in place of the clicked card for a card action, as a new message otherwise. */
export async function showCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) {
    await answerInvoke(context, cardResponse(card));
    return;
  }
  await sendCard(context, card);
}

/**
 * Moves the turn's dialogs on with `moveOn` (`continueDialog()`, or `beginDialog()`) and returns the answer the
 * dialog gave the card action, the last if it gave several (an accepted answer, then the next question's card);
 * undefined when it gave none (it answered in the chat, or the card was not for the question it waits on).
 */
export async function dialogAnswerTo(
  context: TurnContext,
  services: Pick<BotServices, 'dialogs' | 'state'>,
  moveOn: (dialogContext: DialogContext) => Promise<unknown>,
): Promise<CardActionResponse | undefined> {
  // Read on the route's turn, so the route's turn saves what the dialog changes in it.
  const dialogState = await services.state.dialogState.get(context, { dialogStack: [] });
  const dialogTurn = new TurnContext(context.adapter, context.activity);
  context.turnState.forEach((value, key) => dialogTurn.turnState.set(key, value));
  let answer: CardActionResponse | undefined;
  dialogTurn.onSendActivities(async (_dialogTurn, activities: Partial<Activity>[]) => {
    // Only `answerInvoke` sends one in a dialog, so its body is a card-action response.
    for (const sent of activities) if (sent.type === ActivityTypes.InvokeResponse) answer = (sent.value as { body: CardActionResponse }).body;
    const others = activities.filter((activity) => activity.type !== ActivityTypes.InvokeResponse);
    return others.length > 0 ? context.sendActivities(others) : [];
  });
  await moveOn(await services.dialogs.createContext(dialogTurn, dialogState));
  return answer;
}
