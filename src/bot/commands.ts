/**
 * The chat commands: one table from command words to a small handler. A message is matched on its normalized text
 * (see `commandText.ts`); anything that matches nothing gets the help card, never silence.
 *
 * While a dialog waits for an answer, the text goes to the dialog, because "list" or "edit my bike" can be an
 * answer. Only commands marked `interruptsDialog` run instead: `cancel` and `sign out` end the dialog, `help`
 * answers and asks the dialog's question again.
 *
 * Each command is declared once with what it needs (`defineCommand`): a command that needs Graph gets the user's
 * interests client, signed in, or sign-in starts and the command runs again afterwards (`graphAccess.ts`).
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { renderDeleteConfirmCard } from '../cards/deleteConfirmCard';
import { renderEditCard } from '../cards/editCard';
import { renderHelpCard } from '../cards/helpCard';
import { renderListCard } from '../cards/listCard';
import { isSharedView } from '../cards/sharedView';
import { findInterestByName } from '../domain/interestDraft';
import { interestsForSharedConversation } from '../domain/sharedConversation';
import { quoteUserText } from '../domain/text';
import type { StoredInterest } from '../graph/interestsClient';
import type { UserInterests } from '../graph/userInterests';
import { actorIdOf } from './actor';
import type { BotServices } from './botServices';
import type { CommandText } from './commandText';
import { HELPER_PHRASES } from './helpers/whoCanHelp';
import { startAdd } from './bulkAdd/bulkAddFlow';
import { TAG_INTEREST_DIALOG, type InterestDialogOptions } from './dialogs/dialogIds';
import { keepUndoSnapshot, undoPlaceOf } from './undoSnapshots';
import { cardViewersFor, sendCard, startTyping } from './replies';

export interface CommandTurn {
  readonly context: TurnContext;
  /** Whether a dialog in this conversation is waiting for an answer (known from state, without the dialogs). */
  readonly inDialog: boolean;
  /** The turn's dialog context, made on first call; the first may load the dialogs (see `dialogs/index.ts`). */
  dialogContext(): Promise<DialogContext>;
  readonly services: BotServices;
  /** The text after the command words, in its original case; '' when there is none. */
  readonly argument: string;
  /** `argument` with the message's line breaks kept (see `CommandText.lines`). */
  readonly argumentLines: string;
}

/** A command that needs Graph: the user's interests, already signed in. */
export interface GraphCommandTurn extends CommandTurn {
  readonly profile: UserInterests;
}

interface CommandBase {
  /** Lower-case phrases that start the command, e.g. `['sign out', 'logout']`. */
  readonly phrases: readonly string[];
  /** Whether text may follow the phrase ("edit Chess"); if not, "list foo" is not this command. */
  readonly takesArgument: boolean;
  /** The handler calls Graph at once, so a typing indicator goes out alongside it (`startTyping`). */
  readonly typing: boolean;
  /** Runs even while a dialog waits for an answer. */
  readonly interruptsDialog: boolean;
}

/**
 * One command. `needsGraph` routes are run signed in; the add and tag dialogs need Graph too, so they are started
 * only once the user is signed in and nobody answers questions that cannot be saved.
 */
export type CommandRoute =
  | (CommandBase & { readonly needsGraph: true; readonly handle: (turn: GraphCommandTurn) => Promise<void> })
  | (CommandBase & { readonly needsGraph: false; readonly handle: (turn: CommandTurn) => Promise<void> });

export function defineCommand(route: CommandRoute): CommandRoute {
  return Object.freeze(route);
}

export const CANCELLED_TEXT = 'Cancelled. Nothing was changed.';
export const NOTHING_TO_CANCEL_TEXT = 'Nothing to cancel.';
export const NOT_UNDERSTOOD_TEXT = "Sorry, I didn't understand that. Here's what I can do:";
export const SIGNED_OUT_TEXT = "You're signed out. I'll ask you to sign in again next time I need your profile.";
export const LOCAL_SIGN_OUT_TEXT = 'Local mode has no sign-in, so there is nothing to sign out of.';

async function showHelp({ context, inDialog, dialogContext }: CommandTurn): Promise<void> {
  await sendCard(context, renderHelpCard({ ownerId: actorIdOf(context.activity) }));
  if (inDialog) await (await dialogContext()).repromptDialog();
}

async function showList({ context, profile }: GraphCommandTurn): Promise<void> {
  const interests = await profile.list();
  await sendCard(context, renderListCard({ interests, page: 0, ownerId: actorIdOf(context.activity), viewers: cardViewersFor(context.activity) }));
}

function beginDialog(dialogId: string) {
  return async ({ dialogContext, argument }: CommandTurn): Promise<void> => {
    const options: InterestDialogOptions = argument ? { name: argument } : {};
    await (await dialogContext()).beginDialog(dialogId, options);
  };
}

/** Finds the interest named in the command, or answers with the list (one Graph request either way). */
function withNamedInterest(verb: string, show: (turn: GraphCommandTurn, interest: StoredInterest) => Promise<void>) {
  return async (turn: GraphCommandTurn): Promise<void> => {
    const { context, profile, argument } = turn;
    const ownerId = actorIdOf(context.activity);
    const viewers = cardViewersFor(context.activity);
    const interests = await profile.list();
    // Where everyone reads the answer, a private interest is looked for as if it were not there: the answer to its
    // name must be the answer to a name the owner never added, or the room would learn that it exists.
    const findable = isSharedView(viewers) ? interestsForSharedConversation(interests).shown : interests;
    const interest = argument ? findInterestByName(findable, argument) : undefined;
    if (interest) {
      await show(turn, interest);
      return;
    }
    const notice = argument
      ? `I couldn't find "${quoteUserText(argument)}" in your interests. Pick one below.`
      : `Which interest? Say "${verb}" and its name, or pick one below.`;
    await sendCard(context, renderListCard({ interests, page: 0, ownerId, notice, viewers }));
  };
}

const showEditCard = withNamedInterest('edit', async ({ context }, interest) => {
  await sendCard(context, renderEditCard({ interest, ownerId: actorIdOf(context.activity), viewers: cardViewersFor(context.activity) }));
});

const showDeleteConfirmation = withNamedInterest('delete', async ({ context, services }, interest) => {
  const ownerId = actorIdOf(context.activity);
  // The interest as listed is what Undo re-creates: kept server-side, the card carries only its token.
  const { conversationId } = undoPlaceOf(context.activity, ownerId);
  const undoToken = await keepUndoSnapshot(services.state.storage, { ownerId, conversationId, interest }, services.clock());
  await sendCard(context, renderDeleteConfirmCard({ interest, ownerId, undoToken, viewers: cardViewersFor(context.activity) }));
});

async function cancel({ context, inDialog, dialogContext }: CommandTurn): Promise<void> {
  if (!inDialog) {
    await context.sendActivity(NOTHING_TO_CANCEL_TEXT);
    return;
  }
  await (await dialogContext()).cancelAllDialogs();
  await context.sendActivity(CANCELLED_TEXT);
}

async function signOut({ context, inDialog, dialogContext, services }: CommandTurn): Promise<void> {
  if (inDialog) await (await dialogContext()).cancelAllDialogs();
  await services.state.pendingSignIn.delete(context);
  await services.tokens.signOut(context);
  await context.sendActivity(services.mode === 'local' ? LOCAL_SIGN_OUT_TEXT : SIGNED_OUT_TEXT);
}

async function showNotUnderstood({ context }: CommandTurn): Promise<void> {
  await context.sendActivity(NOT_UNDERSTOOD_TEXT);
  await sendCard(context, renderHelpCard({ ownerId: actorIdOf(context.activity) }));
}

export const COMMAND_ROUTES: readonly CommandRoute[] = [
  defineCommand({ phrases: ['help', '?'], takesArgument: false, needsGraph: false, typing: false, interruptsDialog: true, handle: showHelp }),
  defineCommand({ phrases: ['list', 'my interests'], takesArgument: false, needsGraph: true, typing: true, interruptsDialog: false, handle: showList }),
  defineCommand({ phrases: ['add'], takesArgument: true, needsGraph: true, typing: false, interruptsDialog: false, handle: startAdd }),
  defineCommand({ phrases: ['tag'], takesArgument: true, needsGraph: true, typing: false, interruptsDialog: false, handle: beginDialog(TAG_INTEREST_DIALOG) }),
  defineCommand({ phrases: ['edit'], takesArgument: true, needsGraph: true, typing: true, interruptsDialog: false, handle: showEditCard }),
  defineCommand({ phrases: ['delete'], takesArgument: true, needsGraph: true, typing: true, interruptsDialog: false, handle: showDeleteConfirmation }),
  // Needs Graph with scopes of its own, so it gets its token itself (helpers/whoCanHelp.ts), not through `needsGraph`.
  defineCommand({ phrases: HELPER_PHRASES, takesArgument: true, needsGraph: false, typing: false, interruptsDialog: false, handle: ({ context, services, argument }) => services.helpers.ask(context, argument) }),
  defineCommand({ phrases: ['cancel'], takesArgument: false, needsGraph: false, typing: false, interruptsDialog: true, handle: cancel }),
  defineCommand({
    phrases: ['sign out', 'signout', 'logout', 'log out'],
    takesArgument: false,
    needsGraph: false,
    typing: false,
    interruptsDialog: true,
    handle: signOut,
  }),
];

/** What any text that matches no route gets. */
export const UNKNOWN_COMMAND: CommandRoute = defineCommand({
  phrases: [],
  takesArgument: true,
  needsGraph: false,
  typing: false,
  interruptsDialog: false,
  handle: showNotUnderstood,
});

export interface CommandMatch {
  readonly route: CommandRoute;
  readonly argument: string;
  readonly argumentLines: string;
}

// Longest phrase first, so a phrase that starts with another ("log out" / "log") can never be shadowed.
const PHRASES_LONGEST_FIRST = COMMAND_ROUTES.flatMap((route) => route.phrases.map((phrase) => ({ phrase, route }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

/** The route for a normalized message, with the text after the phrase; undefined when nothing matches. */
export function matchCommand(command: CommandText): CommandMatch | undefined {
  for (const { phrase, route } of PHRASES_LONGEST_FIRST) {
    if (command.key === phrase) return { route, argument: '', argumentLines: '' };
    if (route.takesArgument && command.key.startsWith(`${phrase} `)) {
      return { route, argument: command.text.slice(phrase.length + 1).trim(), argumentLines: command.lines.slice(phrase.length + 1).trim() };
    }
  }
  return undefined;
}

/**
 * Handles a message turn: an active dialog gets the text first, unless the text is a command that interrupts.
 * Errors propagate to `onTurnError`, the one place that words them for the user and logs them.
 */
export async function runCommand(context: TurnContext, command: CommandText, services: BotServices): Promise<void> {
  // The same read `DialogSet.createContext` makes (the default included), but the DialogContext itself, costly to
  // build, is made only when something uses it: a list or an edit never does.
  const dialogState = await services.state.dialogState.get(context, { dialogStack: [] });
  let dialogContext: Promise<DialogContext> | undefined;
  const dialogContextOf = (): Promise<DialogContext> => (dialogContext ??= services.dialogs.createContext(context, dialogState));
  const inDialog = dialogState.dialogStack.length > 0;
  const match = matchCommand(command);
  if (inDialog && !match?.route.interruptsDialog) {
    await (await dialogContextOf()).continueDialog();
    return;
  }
  const { route, argument, argumentLines } = match ?? { route: UNKNOWN_COMMAND, argument: '', argumentLines: '' };
  const turnOf = <TExtra extends object>(extra: TExtra): CommandTurn & TExtra => ({
    context,
    services,
    argument,
    argumentLines,
    inDialog,
    dialogContext: dialogContextOf,
    ...extra,
  });
  if (!route.needsGraph) {
    await route.handle(turnOf({}));
    return;
  }
  await services.graph.run(context, async (profile) => {
    const typing = route.typing ? startTyping(context, services.logger) : undefined;
    try {
      await route.handle(turnOf({ profile }));
    } finally {
      await typing;
    }
  });
}
