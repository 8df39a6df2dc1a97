/**
 * The chat commands: one table from command words to a small handler. A message is matched on its normalized text
 * (see `commandText.ts`); anything that matches nothing gets the help card, never silence.
 *
 * While a dialog waits for an answer, the text goes to the dialog, because "list" or "edit my bike" can be an
 * answer. Only commands marked `interruptsDialog` run instead: `cancel` and `sign out` end the dialog, `help`
 * answers and asks the dialog's question again.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { renderDeleteConfirmCard } from '../cards/deleteConfirmCard';
import { renderEditCard } from '../cards/editCard';
import { renderHelpCard } from '../cards/helpCard';
import { renderListCard } from '../cards/listCard';
import { findInterestByName } from '../domain/interestDraft';
import type { StoredInterest } from '../graph/interestsClient';
import { actorIdOf } from './actor';
import type { BotServices } from './botServices';
import type { CommandText } from './commandText';
import { ADD_INTEREST_DIALOG, TAG_INTEREST_DIALOG, type InterestDialogOptions } from './dialogs/dialogIds';
import { keepUndoSnapshot } from './undoSnapshots';
import { graphTokenFor } from './userGraphAccess';
import { sendCard, sendTyping } from './replies';

export interface CommandTurn {
  readonly context: TurnContext;
  readonly dialogContext: DialogContext;
  readonly services: BotServices;
  /** The text after the command words, in its original case; '' when there is none. */
  readonly argument: string;
}

export interface CommandRoute {
  /** Lower-case phrases that start the command, e.g. `['sign out', 'logout']`. */
  readonly phrases: readonly string[];
  /** Whether text may follow the phrase ("edit Chess"); if not, "list foo" is not this command. */
  readonly takesArgument: boolean;
  /** The handler calls Graph, so a typing indicator goes out first. */
  readonly callsGraph: boolean;
  /** Runs even while a dialog waits for an answer. */
  readonly interruptsDialog: boolean;
  readonly handle: (turn: CommandTurn) => Promise<void>;
}

export const CANCELLED_TEXT = 'Cancelled. Nothing was changed.';
export const NOTHING_TO_CANCEL_TEXT = 'Nothing to cancel.';
export const NOT_UNDERSTOOD_TEXT = "Sorry, I didn't understand that. Here's what I can do:";
export const SIGNED_OUT_TEXT = "You're signed out. I'll ask you to sign in again next time I need your profile.";
export const LOCAL_SIGN_OUT_TEXT = 'Local mode has no sign-in, so there is nothing to sign out of.';

async function showHelp({ context, dialogContext }: CommandTurn): Promise<void> {
  await sendCard(context, renderHelpCard({ ownerId: actorIdOf(context.activity) }));
  if (dialogContext.activeDialog) await dialogContext.repromptDialog();
}

async function showList({ context, services }: CommandTurn): Promise<void> {
  const interests = await services.interests.list(graphTokenFor(context, services.tokens));
  await sendCard(context, renderListCard({ interests, page: 0, ownerId: actorIdOf(context.activity) }));
}

function beginDialog(dialogId: string) {
  return async ({ dialogContext, argument }: CommandTurn): Promise<void> => {
    const options: InterestDialogOptions = argument ? { name: argument } : {};
    await dialogContext.beginDialog(dialogId, options);
  };
}

/** Finds the interest named in the command, or answers with the list (one Graph request either way). */
function withNamedInterest(verb: string, show: (turn: CommandTurn, interest: StoredInterest) => Promise<void>) {
  return async (turn: CommandTurn): Promise<void> => {
    const { context, services, argument } = turn;
    const ownerId = actorIdOf(context.activity);
    const interests = await services.interests.list(graphTokenFor(context, services.tokens));
    const interest = argument ? findInterestByName(interests, argument) : undefined;
    if (interest) {
      await show(turn, interest);
      return;
    }
    const notice = argument
      ? `I couldn't find "${argument}" in your interests. Pick one below.`
      : `Which interest? Say "${verb}" and its name, or pick one below.`;
    await sendCard(context, renderListCard({ interests, page: 0, ownerId, notice }));
  };
}

const showEditCard = withNamedInterest('edit', async ({ context }, interest) => {
  await sendCard(context, renderEditCard({ interest, ownerId: actorIdOf(context.activity) }));
});

const showDeleteConfirmation = withNamedInterest('delete', async ({ context, services }, interest) => {
  const ownerId = actorIdOf(context.activity);
  // The interest as listed is what Undo re-creates: kept server-side, the card carries only its token.
  const undoToken = await keepUndoSnapshot(services.state.storage, { ownerId, interest }, services.clock());
  await sendCard(context, renderDeleteConfirmCard({ interest, ownerId, undoToken }));
});

async function cancel({ context, dialogContext }: CommandTurn): Promise<void> {
  if (!dialogContext.activeDialog) {
    await context.sendActivity(NOTHING_TO_CANCEL_TEXT);
    return;
  }
  await dialogContext.cancelAllDialogs();
  await context.sendActivity(CANCELLED_TEXT);
}

async function signOut({ context, dialogContext, services }: CommandTurn): Promise<void> {
  await dialogContext.cancelAllDialogs();
  await services.state.pendingSignIn.delete(context);
  await services.tokens.signOut(context);
  await context.sendActivity(services.mode === 'local' ? LOCAL_SIGN_OUT_TEXT : SIGNED_OUT_TEXT);
}

async function showNotUnderstood({ context }: CommandTurn): Promise<void> {
  await context.sendActivity(NOT_UNDERSTOOD_TEXT);
  await sendCard(context, renderHelpCard({ ownerId: actorIdOf(context.activity) }));
}

export const COMMAND_ROUTES: readonly CommandRoute[] = [
  { phrases: ['help', '?'], takesArgument: false, callsGraph: false, interruptsDialog: true, handle: showHelp },
  { phrases: ['list', 'my interests'], takesArgument: false, callsGraph: true, interruptsDialog: false, handle: showList },
  { phrases: ['add'], takesArgument: true, callsGraph: false, interruptsDialog: false, handle: beginDialog(ADD_INTEREST_DIALOG) },
  { phrases: ['tag'], takesArgument: true, callsGraph: false, interruptsDialog: false, handle: beginDialog(TAG_INTEREST_DIALOG) },
  { phrases: ['edit'], takesArgument: true, callsGraph: true, interruptsDialog: false, handle: showEditCard },
  { phrases: ['delete'], takesArgument: true, callsGraph: true, interruptsDialog: false, handle: showDeleteConfirmation },
  { phrases: ['cancel'], takesArgument: false, callsGraph: false, interruptsDialog: true, handle: cancel },
  { phrases: ['sign out', 'signout', 'logout', 'log out'], takesArgument: false, callsGraph: false, interruptsDialog: true, handle: signOut },
];

/** What any text that matches no route gets. */
export const UNKNOWN_COMMAND: CommandRoute = {
  phrases: [],
  takesArgument: true,
  callsGraph: false,
  interruptsDialog: false,
  handle: showNotUnderstood,
};

export interface CommandMatch {
  readonly route: CommandRoute;
  readonly argument: string;
}

// Longest phrase first, so a phrase that starts with another ("log out" / "log") can never be shadowed.
const PHRASES_LONGEST_FIRST = COMMAND_ROUTES.flatMap((route) => route.phrases.map((phrase) => ({ phrase, route }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

/** The route for a normalized message, with the text after the phrase; undefined when nothing matches. */
export function matchCommand(command: CommandText): CommandMatch | undefined {
  for (const { phrase, route } of PHRASES_LONGEST_FIRST) {
    if (command.key === phrase) return { route, argument: '' };
    if (route.takesArgument && command.key.startsWith(`${phrase} `)) {
      return { route, argument: command.text.slice(phrase.length + 1).trim() };
    }
  }
  return undefined;
}

/**
 * Handles a message turn: an active dialog gets the text first, unless the text is a command that interrupts.
 * Errors propagate to `onTurnError`, the one place that words them for the user.
 */
export async function runCommand(context: TurnContext, command: CommandText, services: BotServices): Promise<void> {
  const dialogContext = await services.dialogs.createContext(context);
  const match = matchCommand(command);
  if (dialogContext.activeDialog && !match?.route.interruptsDialog) {
    await dialogContext.continueDialog();
    return;
  }
  const { route, argument } = match ?? { route: UNKNOWN_COMMAND, argument: '' };
  if (route.callsGraph) await sendTyping(context);
  await route.handle({ context, dialogContext, services, argument });
}
