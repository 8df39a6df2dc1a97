/**
 * "Who can help with …": its phrases, answered by the helper search the bot was built with. It needs the
 * `colleagues` scopes (its own, apart from the sign-in's), so its dispatcher gets that token, or answers with
 * sign-in, before the search runs, like every other route.
 */
import { defineCommand, type CommandRoute } from '../../conversation/routeTypes';
import { HELPER_PHRASES } from './whoCanHelp';

export const HELPER_COMMANDS: readonly CommandRoute[] = [
  defineCommand({
    phrases: HELPER_PHRASES,
    takesArgument: true,
    needs: 'colleagues',
    typing: false,
    interruptsDialog: false,
    handle: ({ context, services, argument, colleagues }) => services.helpers.ask(context, argument, colleagues),
  }),
];
