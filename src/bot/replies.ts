import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { toAttachment, type AdaptiveCard } from '../cards/cardTemplate';
import { OWNER_ONLY, personalChatUrl, type Viewers } from '../cards/sharedView';

/** Posts a card as a new message. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, attachments: [toAttachment(card)] });
}

/**
 * Shows "typing…" while a Graph call runs (Teams shows it for about three seconds or until the next message).
 * Not in a channel: Teams shows no bot typing in channel threads, and a typing activity sent into a thread breaks
 * the Agents Playground's channel view (its later replies there are not drawn).
 */
export async function sendTyping(context: TurnContext): Promise<void> {
  if (context.activity.conversation?.conversationType === 'channel') return;
  await context.sendActivity({ type: ActivityTypes.Typing });
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
  const everyone = { kind: 'everyone', ownerName: activity.from?.name ?? '', personalChatUrl: personalChatUrl(activity.recipient?.id ?? '') } as const;
  // The owner's client asks for the owner's full view (`ownerView.show`); `refresh.userIds` takes the Teams user id.
  const ownerUserId = activity.from?.id;
  return ownerUserId ? { ...everyone, ownerRefresh: { userId: ownerUserId } } : everyone;
}
