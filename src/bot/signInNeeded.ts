import type { TurnContext } from 'botbuilder';

/**
 * Marks a turn in which a Graph call found no token. Dialogs handle that failure themselves (they keep the
 * user's answers and stay on their step), so the turn ends normally; the mark is how the message handler still
 * learns that it should start sign-in and carry on afterwards.
 */
const SIGN_IN_NEEDED = Symbol('signInNeeded');

export function noteSignInNeeded(context: TurnContext): void {
  context.turnState.set(SIGN_IN_NEEDED, true);
}

export function wasSignInNeeded(context: TurnContext): boolean {
  return context.turnState.get(SIGN_IN_NEEDED) === true;
}
