/**
 * The welcome card on install. Teams announces an install twice, at the same moment and in either order —
 * `conversationUpdate` with the bot in `membersAdded`, and `installationUpdate` with `add` — so the welcome is
 * claimed with a create-only write: whichever activity claims first welcomes, the other stays quiet, on any
 * instance. Uninstalling releases the claim, so a reinstall is welcomed again.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { renderWelcomeCard } from '../../cards/helpCard';
import { once, releaseOnce } from '../../storage/once';
import { RECORD_KINDS } from '../../storage/onceKinds';
import { actorIdOf } from '../../conversation/actor';
import type { BotState } from '../../conversation/botState';
import { sendCard } from '../../conversation/replies';

export function botWasAdded(activity: Pick<Activity, 'membersAdded' | 'recipient'>): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
}

function welcomeKey(activity: Activity): string {
  return `${RECORD_KINDS.welcome.prefix}${activity.channelId}/${activity.conversation.id}`;
}

const parseWelcomed = (stored: unknown): true | undefined => (stored === true ? true : undefined);

export async function welcomeOnce(context: TurnContext, state: BotState): Promise<void> {
  const { activity } = context;
  // Kept until uninstall; a welcome that could not be sent releases the claim, so the other activity may try.
  await once(state.storage, welcomeKey(activity), { lifetimeMs: RECORD_KINDS.welcome.lifetimeMs, parse: parseWelcomed }, async () => {
    // In a group chat or channel the card is for everyone: no greeting by name, no button bound to the installer,
    // and how to address the bot there (an @mention).
    const personal = activity.conversation.conversationType === 'personal';
    await sendCard(
      context,
      renderWelcomeCard(personal ? { userName: activity.from.name, ownerId: actorIdOf(activity) } : { mentionName: activity.recipient.name ?? '' }),
    );
    return true as const;
  });
}

export async function forgetWelcome(context: TurnContext, state: BotState): Promise<void> {
  await releaseOnce(state.storage, welcomeKey(context.activity));
}
