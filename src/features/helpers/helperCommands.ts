/**
 * "Who can help with …": its phrases, answered by the helper search the bot was built with. It needs Graph with
 * scopes of its own, so the search gets its token itself (`whoCanHelp.ts`), not through `needsGraph`.
 */
import { defineCommand, type CommandRoute } from '../../conversation/routeTypes';
import { HELPER_PHRASES } from './whoCanHelp';

export const HELPER_COMMANDS: readonly CommandRoute[] = [
  defineCommand({ phrases: HELPER_PHRASES, takesArgument: true, needsGraph: false, typing: false, interruptsDialog: false, handle: ({ context, services, argument }) => services.helpers.ask(context, argument) }),
];
