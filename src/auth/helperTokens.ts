/**
 * Tokens for "who can help with …": the scopes that read colleagues' interests and the people the user works
 * with (`config.helpers`), asked for only when someone uses the feature, in an on-behalf-of request of their own,
 * so signing in for everything else never depends on them being granted.
 *
 * Production: msal's cache for those scopes (per user, silently); without one, the bot signs the user in again
 * (Teams does it silently) and the resumed question redeems that turn's SSO token for those scopes only. Local
 * mode mints a development token carrying them.
 */
import type { TurnContext } from 'botbuilder';
import { mintDevToken, DEFAULT_DEV_SCOPES } from './devToken';
import type { GraphTokenService } from './graphTokenService';
import { ssoAssertionOf } from './ssoAssertion';
import { signedInUserOf } from './ssoTokenProvider';

export type HelperTokenOutcome =
  | { readonly ok: true; readonly token: string }
  /** No token for these scopes yet: sign in (silently in Teams) and ask again. */
  | { readonly ok: false; readonly reason: 'signInRequired' }
  /** The identity provider refused these scopes: they are not consented for this app. */
  | { readonly ok: false; readonly reason: 'notGranted' }
  /** The identity provider could not be reached or failed. */
  | { readonly ok: false; readonly reason: 'failed' };

export interface HelperTokenProvider {
  /** The scopes asked for, as configured; the bot names them when they are not granted. */
  readonly scopes: readonly string[];
  getToken(context: TurnContext): Promise<HelperTokenOutcome>;
}

export function createLocalHelperTokens(scopes: readonly string[]): HelperTokenProvider {
  return {
    scopes,
    async getToken(context) {
      const { from } = context.activity;
      const scp = [...new Set([...DEFAULT_DEV_SCOPES.split(' '), ...scopes])].join(' ');
      return { ok: true, token: mintDevToken({ oid: from.aadObjectId ?? from.id, ...(from.name ? { name: from.name } : {}), scp }) };
    },
  };
}

export function createSsoHelperTokens(graphTokens: GraphTokenService, scopes: readonly string[]): HelperTokenProvider {
  return {
    scopes,
    async getToken(context) {
      const user = signedInUserOf(context);
      if (!user) return { ok: false, reason: 'signInRequired' };
      const assertion = ssoAssertionOf(context);
      if (assertion) {
        const exchanged = await graphTokens.exchangeForScopes(assertion, scopes);
        if (exchanged.ok) return exchanged;
        // The same SSO token was just redeemed for the sign-in's scopes, so a refusal here is about these scopes.
        return { ok: false, reason: exchanged.reason === 'failed' ? 'failed' : 'notGranted' };
      }
      const token = await graphTokens.acquireSilent(user, scopes);
      return token ? { ok: true, token } : { ok: false, reason: 'signInRequired' };
    },
  };
}
