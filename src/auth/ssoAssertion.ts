import type { TurnContext } from 'botbuilder';

/**
 * The Teams SSO token of the exchange that finished sign-in, kept in that turn's memory only (never in state,
 * storage or logs) so the request it resumes can ask for extra scopes with an on-behalf-of request of its own
 * (`ssoTokenProvider.ts`). It is gone when the turn ends.
 */
const SSO_ASSERTION = Symbol('ssoTokenOfThisTurn');

export function rememberSsoAssertion(context: TurnContext, ssoToken: string): void {
  context.turnState.set(SSO_ASSERTION, ssoToken);
}

export function ssoAssertionOf(context: TurnContext): string | undefined {
  const value: unknown = context.turnState.get(SSO_ASSERTION);
  return typeof value === 'string' ? value : undefined;
}
