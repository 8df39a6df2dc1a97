import type { TurnContext } from 'botbuilder';
import type { TokenFailureReason, UserTokenProvider } from '../../auth/userTokenProvider';
import type { AccessTokenProvider } from '../../graph/interestsClient';

export const SIGN_IN_FIRST_MESSAGE = 'Please sign in first.';

/** The user's token could not be had silently in the middle of a Graph call. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  readonly code = 'notSignedIn';
  constructor(readonly reason: TokenFailureReason) {
    super(`No Graph token for the user (${reason}).`);
  }
}

export function isSignInRequiredError(error: unknown): error is SignInRequiredError {
  return error instanceof SignInRequiredError;
}

/** Whether a Graph token can be had for the turn's user without asking them anything. */
export async function canCallGraph(tokens: UserTokenProvider, context: TurnContext): Promise<boolean> {
  return (await tokens.getToken(context)).ok;
}

/** The token source the interests client calls once per request, so a renewed token is picked up. */
export function graphTokenSource(tokens: UserTokenProvider, context: TurnContext): AccessTokenProvider {
  return async () => {
    const outcome = await tokens.getToken(context);
    if (!outcome.ok) throw new SignInRequiredError(outcome.reason);
    return outcome.token;
  };
}
