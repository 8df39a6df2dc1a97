/**
 * The welcome card on install. Teams announces an install twice — `conversationUpdate` with the bot in
 * `membersAdded`, and `installationUpdate` with `add` — in either order, so a flag in conversation state makes
 * the first one welcome and the second one quiet (best effort: two activities processed at the very same moment
 * can both see the flag unset). Uninstalling clears the flag, so a reinstall is welcomed again.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { renderWelcomeCard } from '../cards/helpCard';
import { actorIdOf } from './actor';
import type { BotState } from './botState';
import { sendCard } from './replies';

export function botWasAdded(activity: Pick<Activity, 'membersAdded' | 'recipient'>): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
}

export async function welcomeOnce(context: TurnContext, state: BotState): Promise<void> {
  if (await state.welcomed.get(context, false)) return;
  await state.welcomed.set(context, true);
  const { activity } = context;
  // In a group chat or channel the card is for everyone: no greeting by name, no button bound to the installer.
  const personal = activity.conversation.conversationType === 'personal';
  await sendCard(context, renderWelcomeCard(personal ? { userName: activity.from.name, ownerId: actorIdOf(activity) } : {}));
}

export async function forgetWelcome(context: TurnContext, state: BotState): Promise<void> {
  await state.welcomed.delete(context);
}
