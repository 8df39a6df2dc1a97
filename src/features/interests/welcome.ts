/**
 * The welcome card on install. Teams announces an install twice, at the same moment and in either order —
 * `conversationUpdate` with the bot in `membersAdded`, and `installationUpdate` with `add` — so the welcome is
 * claimed with a create-only write: whichever activity claims first welcomes, the other stays quiet, on any
 * instance. Uninstalling releases the claim, so a reinstall is welcomed again. A personal chat opened again long after
 * its welcome gets a one-line hint instead (`SAME_INSTALL_MS`).
 */
import type { Activity, TurnContext } from 'botbuilder';
import { renderWelcomeCard } from './cards/helpCard';
import { once, releaseOnce } from '../../storage/once';
import { RECORD_KINDS } from '../../storage/onceKinds';
import { actorIdOf } from '../../conversation/actor';
import type { BotState } from '../../conversation/botState';
import { sendCard } from '../../conversation/replies';
import { textOf } from '../../conversation/turnText';

export function botWasAdded(activity: Pick<Activity, 'membersAdded' | 'recipient'>): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
}

function welcomeKey(activity: Activity): string {
  return `${RECORD_KINDS.welcome.prefix}${activity.channelId}/${activity.conversation.id}`;
}

/** A claim kept before the welcome's time was stored (`true`) counts as long ago. */
const LONG_AGO = new Date(0).toISOString();

/** When the conversation was welcomed. */
const parseWelcomed = (stored: unknown): string | undefined => {
  if (stored === true) return LONG_AGO;
  return typeof stored === 'string' && !Number.isNaN(Date.parse(stored)) ? stored : undefined;
};

/**
 * An install's two activities arrive within moments of each other. An `installationUpdate` add for a personal chat
 * welcomed longer ago than this is the chat opened again rather than the same install: the Agents Playground sends
 * one on every page load (its chat history lives in the page, so a reload shows an empty chat), and Teams sends one
 * when an uninstall never reached the bot. It gets a one-line hint, so the chat is not left empty.
 */
const SAME_INSTALL_MS = 60_000;

export async function welcomeOnce(context: TurnContext, state: BotState): Promise<void> {
  const { activity } = context;
  // Kept until uninstall; a welcome that could not be sent releases the claim, so the other activity may try.
  const outcome = await once(state.storage, welcomeKey(activity), { lifetimeMs: RECORD_KINDS.welcome.lifetimeMs, parse: parseWelcomed }, async () => {
    // In a group chat or channel the card is for everyone: no greeting by name, no button bound to the installer,
    // and how to address the bot there (an @mention).
    const personal = activity.conversation.conversationType === 'personal';
    await sendCard(
      context,
      renderWelcomeCard(textOf(context), personal ? { userName: activity.from.name, ownerId: actorIdOf(activity) } : { mentionName: activity.recipient.name ?? '' }),
    );
    return new Date().toISOString();
  });
  if (outcome.kind === 'done' && isOpenedAgain(activity, outcome.value)) await context.sendActivity(textOf(context).t('welcome.again'));
}

function isOpenedAgain(activity: Activity, welcomedAt: string): boolean {
  return (
    activity.type === 'installationUpdate' &&
    activity.action === 'add' &&
    activity.conversation.conversationType === 'personal' &&
    Date.now() - Date.parse(welcomedAt) > SAME_INSTALL_MS
  );
}

export async function forgetWelcome(context: TurnContext, state: BotState): Promise<void> {
  await releaseOnce(state.storage, welcomeKey(context.activity));
}
