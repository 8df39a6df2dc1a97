import type { TurnContext } from 'botbuilder';
import type { UserTokenProvider } from '../auth/userTokenProvider';
import type { AccessTokenProvider } from '../graph/interestsClient';
import { SignInRequiredError } from './signInRequiredError';
import { noteSignInNeeded } from './signInNeeded';

/**
 * The Graph token source for the user who sent this turn's activity. It asks the provider on every request (so a
 * renewed token is picked up) and throws `SignInRequiredError` when no token can be had silently.
 */
export function graphTokenFor(context: TurnContext, tokens: UserTokenProvider): AccessTokenProvider {
  return async () => {
    const outcome = await tokens.getToken(context);
    if (outcome.ok) return outcome.token;
    noteSignInNeeded(context);
    throw new SignInRequiredError(outcome.reason);
  };
}
