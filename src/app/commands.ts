/**
 * The chat commands: one table from command words to a small handler. A message is matched on its normalized text
 * (see `commandText.ts`); anything that matches nothing gets the help card, never silence. Each command names its
 * words by catalog key (`words.command.*`): a turn understands the English words always, and its language's own.
 *
 * While a dialog waits for an answer, the text goes to the dialog, because "list" or "edit my bike" can be an
 * answer. Only commands marked `interruptsDialog` run instead: `cancel` and `sign out` end the dialog, `help`
 * answers and asks the dialog's question again.
 *
 * Each command is declared once with what it needs (`defineCommand`, `needs`): the dispatcher here gets that with
 * the one token entry point (`graph.tokenFor`) and hands it to the handler, signed in; without a token, sign-in
 * starts and the command runs again afterwards (`graphAccess.ts`). No handler ever starts sign-in itself.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { renderHelpCard } from '../features/interests/cards/helpCard';
import { actorIdOf } from '../conversation/actor';
import type { BotServices } from '../conversation/botServices';
import type { CommandText } from '../conversation/commandText';
import { sendCard, startTyping } from '../conversation/replies';
import { defineCommand, type CommandRoute, type CommandTurn } from '../conversation/routeTypes';
import { textOf } from '../conversation/turnText';
import type { Catalog, MessageKey } from '../i18n/catalog';
import type { Language } from '../i18n/languages';
import type { Text } from '../i18n/text';
import { typedWordsFrom, typingCatalogsOf } from '../i18n/typedWords';
import { BULK_ADD_COMMANDS } from '../features/bulkAdd/bulkAddFlow';
import { HELPER_COMMANDS } from '../features/helpers/helperCommands';
import { INTEREST_COMMANDS } from '../features/interests/interestCommands';

export const CANCELLED_KEY: MessageKey = 'session.cancelled';
export const NOTHING_TO_CANCEL_KEY: MessageKey = 'session.nothingToCancel';
export const NOT_UNDERSTOOD_KEY: MessageKey = 'session.notUnderstood';
export const SIGNED_OUT_KEY: MessageKey = 'session.signedOut';
export const LOCAL_SIGN_OUT_KEY: MessageKey = 'session.localSignOut';

async function showHelp({ context, inDialog, dialogContext }: CommandTurn): Promise<void> {
  const text = textOf(context);
  await sendCard(context, renderHelpCard(text, { ownerId: actorIdOf(context.activity) }));
  if (inDialog) await (await dialogContext()).repromptDialog();
}

async function cancel({ context, inDialog, dialogContext }: CommandTurn): Promise<void> {
  if (!inDialog) {
    await context.sendActivity(textOf(context).t(NOTHING_TO_CANCEL_KEY));
    return;
  }
  await (await dialogContext()).cancelAllDialogs();
  await context.sendActivity(textOf(context).t(CANCELLED_KEY));
}

async function signOut({ context, inDialog, dialogContext, services }: CommandTurn): Promise<void> {
  if (inDialog) await (await dialogContext()).cancelAllDialogs();
  await services.state.pendingSignIn.delete(context);
  await services.tokens.signOut(context);
  await context.sendActivity(textOf(context).t(services.mode === 'local' ? LOCAL_SIGN_OUT_KEY : SIGNED_OUT_KEY));
}

async function showNotUnderstood({ context }: CommandTurn): Promise<void> {
  const text = textOf(context);
  await context.sendActivity(text.t(NOT_UNDERSTOOD_KEY));
  await sendCard(context, renderHelpCard(text, { ownerId: actorIdOf(context.activity) }));
}

/** Commands about the conversation itself, whatever the feature: help, cancel, sign out. */
const SESSION_COMMANDS: readonly CommandRoute[] = [
  defineCommand({ words: 'words.command.help', takesArgument: false, needs: 'none', typing: false, interruptsDialog: true, handle: showHelp }),
  defineCommand({ words: 'words.command.cancel', takesArgument: false, needs: 'none', typing: false, interruptsDialog: true, handle: cancel }),
  defineCommand({
    words: 'words.command.signOut',
    takesArgument: false,
    needs: 'none',
    typing: false,
    interruptsDialog: true,
    handle: signOut,
  }),
];

/** Every command, gathered from the features that declare them. */
export const COMMAND_ROUTES: readonly CommandRoute[] = [...SESSION_COMMANDS, ...INTEREST_COMMANDS, ...BULK_ADD_COMMANDS, ...HELPER_COMMANDS];

/** What any text that matches no route gets. */
export const UNKNOWN_COMMAND: CommandRoute = defineCommand({
  takesArgument: true,
  needs: 'none',
  typing: false,
  interruptsDialog: false,
  handle: showNotUnderstood,
});

export interface CommandMatch {
  readonly route: CommandRoute;
  readonly argument: string;
  readonly argumentLines: string;
}

/** Phrases and their routes, longest phrase first. */
export type CommandTable = readonly { readonly phrase: string; readonly route: CommandRoute }[];

/**
 * The phrase table for these catalogs (English first, then a language's own; `typingCatalogsOf`): each route's
 * words from each catalog, compared as `typedKey` reads a message. Longest phrase first, so a phrase that starts
 * with another ("log out" / "log") can never be shadowed; among equally long ones the earlier catalog's first, so
 * a language's word never takes an English word from its command.
 */
export function commandTable(routes: readonly CommandRoute[], catalogs: readonly Catalog[]): CommandTable {
  const byPhrase = new Map<string, CommandRoute>();
  for (const catalog of catalogs) {
    for (const route of routes) {
      if (route.words === undefined) continue;
      for (const phrase of typedWordsFrom([catalog], route.words)) if (!byPhrase.has(phrase)) byPhrase.set(phrase, route);
    }
  }
  // A stable sort: equally long phrases keep the catalogs' order.
  return [...byPhrase].map(([phrase, route]) => ({ phrase, route })).sort((a, b) => b.phrase.length - a.phrase.length);
}

const tables = new Map<Language, CommandTable>();

/** A language's table, made the first time a turn in it needs one. */
function commandTableOf(language: Language): CommandTable {
  let table = tables.get(language);
  if (table === undefined) {
    table = commandTable(COMMAND_ROUTES, typingCatalogsOf(language));
    tables.set(language, table);
  }
  return table;
}

/** The route for a normalized message in a turn's language, with the text after the phrase; undefined when nothing matches. */
export function matchCommand(command: CommandText, text: Pick<Text, 'language'>): CommandMatch | undefined {
  return matchCommandIn(commandTableOf(text.language), command);
}

/** The route for a normalized message in `table`. */
export function matchCommandIn(table: CommandTable, command: CommandText): CommandMatch | undefined {
  for (const { phrase, route } of table) {
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
  // The DialogContext, costly to build, is made only when something uses it: a list or an edit never does. Nor is
  // the empty dialog stack `DialogSet.createContext` defaults to put in state until then, so a first turn that
  // starts no dialog leaves no state to save.
  const dialogState = await services.state.dialogState.get(context);
  let dialogContext: Promise<DialogContext> | undefined;
  const dialogContextOf = (): Promise<DialogContext> => (dialogContext ??= services.dialogs.createContext(context, dialogState));
  const inDialog = (dialogState?.dialogStack.length ?? 0) > 0;
  const match = matchCommand(command, textOf(context));
  if (inDialog && !match?.route.interruptsDialog) {
    await (await dialogContextOf()).continueDialog();
    return;
  }
  const { route, argument, argumentLines } = match ?? { route: UNKNOWN_COMMAND, argument: '', argumentLines: '' };
  // The dispatcher, not the route, gets what the route needs: without a token the message is answered with sign-in
  // and runs again once the user is signed in (`graphAccess.ts`).
  const token = await services.graph.tokenFor(context, route.needs);
  if (!token.ok) {
    await services.graph.answerMessage(context, token);
    return;
  }
  const typing = route.typing ? startTyping(context, services.logger) : undefined;
  try {
    // The route's handler type follows its `needs`, and `token.provided` is what that need provides.
    await (route.handle as (turn: CommandTurn) => Promise<void>)({
      context,
      services,
      argument,
      argumentLines,
      inDialog,
      dialogContext: dialogContextOf,
      ...token.provided,
    });
  } finally {
    await typing;
  }
}
