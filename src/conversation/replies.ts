import { ActivityTypes, DeliveryModes, type Activity, type TurnContext } from 'botbuilder';
import { toAttachment, type AdaptiveCard } from '../cards/cardTemplate';
import { OWNER_ONLY, personalChatUrl, type Viewers } from '../cards/sharedView';
import type { Logger } from '../logger';

/** Posts a card as a new message. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, attachments: [toAttachment(card)] });
}

/**
 * Shows "typing…" while a Graph call runs (Teams shows it for about three seconds or until the next message).
 * Not in a channel: Teams shows no bot typing in channel threads, and a typing activity sent into a thread breaks
 * the Agents Playground's channel view (its later replies there are not drawn). Not to a client that asked for the
 * replies in the HTTP response (`expectReplies`): it gets them all at once when the turn ends, so the indicator
 * would arrive together with the answer it announces.
 */
export async function sendTyping(context: TurnContext): Promise<void> {
  if (context.activity.conversation?.conversationType === 'channel' || context.activity.deliveryMode === DeliveryModes.ExpectReplies) return;
  await context.sendActivity({ type: ActivityTypes.Typing });
}

/**
 * `sendTyping` for a turn about to call Graph, started rather than awaited, so the indicator's Bot Connector round
 * trip and the Graph call overlap instead of adding up. Await the result before the turn ends: replies are held
 * until then (`heldReplies.ts`), so the indicator still arrives first. It never rejects: the indicator is only a
 * courtesy, so one the connector refuses is logged at debug and the turn answers as usual.
 */
export function startTyping(context: TurnContext, logger: Logger): Promise<void> {
  return sendTyping(context).catch((error: unknown) => logger.debug('Typing indicator not sent', { error }));
}

/**
 * Who will read the cards this turn sends: everyone in a group conversation (Teams' `groupChat` and `channel`,
 * any other type but `personal`, or `isGroup`), so those cards show only what everyone may see; the owner alone
 * otherwise. A personal chat may leave the type out: the Agents Playground sends none there. Cards are rendered
 * with it wherever they are posted.
 */
export function cardViewersFor(activity: Pick<Activity, 'conversation' | 'from' | 'recipient'>): Viewers {
  const conversation = activity.conversation as Partial<Activity['conversation']> | undefined;
  const type = conversation?.conversationType;
  const shared = conversation?.isGroup === true || (type !== undefined && type !== 'personal');
  if (!shared) return OWNER_ONLY;
  // In Teams the bot's own id is `28:` and its app id, which is what the chat deep link takes.
  const everyone = {
    kind: 'everyone',
    ownerName: activity.from?.name ?? '',
    personalChatUrl: personalChatUrl(activity.recipient?.id ?? ''),
    botName: activity.recipient?.name ?? '',
  } as const;
  // The owner's client asks for the owner's full view (`CARD_VERBS.ownerView`); `refresh.userIds` takes the Teams user id.
  const ownerUserId = activity.from?.id;
  return ownerUserId ? { ...everyone, ownerRefresh: { userId: ownerUserId } } : everyone;
}
