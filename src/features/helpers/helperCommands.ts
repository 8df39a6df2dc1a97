/**
 * "Who can help with …": its words (`words.command.whoCanHelp`), answered by the helper search the bot was built
 * with. It needs the `colleagues` scopes (its own, apart from the sign-in's), so its dispatcher gets that token, or
 * answers with sign-in, before the search runs, like every other route.
 */
import { defineCommand, type CommandRoute } from '../../conversation/routeTypes';

export const HELPER_COMMANDS: readonly CommandRoute[] = [
  defineCommand({
    words: 'words.command.whoCanHelp',
    takesArgument: true,
    needs: 'colleagues',
    typing: false,
    interruptsDialog: false,
    handle: ({ context, services, argument, colleagues }) => services.helpers.ask(context, argument, colleagues),
  }),
];
