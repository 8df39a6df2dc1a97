import type { TurnContext } from 'botbuilder';
import type { UserTokenProvider } from '../../auth/userTokenProvider';
import { noteSignInNeeded } from '../signInNeeded';
import { SIGN_IN_TEXT } from '../userMessages';

/**
 * Whether Graph can be called for the turn's user without asking them anything; if not, they are told to sign
 * in. Checked before a dialog asks its first question, so nobody answers questions that cannot be saved.
 */
export async function ensureSignedIn(context: TurnContext, tokens: UserTokenProvider): Promise<boolean> {
  const outcome = await tokens.getToken(context);
  if (outcome.ok) return true;
  noteSignInNeeded(context);
  await context.sendActivity(SIGN_IN_TEXT[outcome.reason]);
  return false;
}
