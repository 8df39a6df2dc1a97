import type { TurnContext } from 'botbuilder';
import type { GraphTokenService, SignedInUser } from './graphTokenService';
import { ssoAssertionOf } from './ssoAssertion';
import type { TokenOutcome, UserTokenProvider } from './userTokenProvider';

/** The Entra user behind a Teams activity: object id from `from`, tenant from the conversation. */
export function signedInUserOf(context: TurnContext): SignedInUser | null {
  const { from, conversation, channelData } = context.activity;
  const channelTenant = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = conversation?.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
  if (!from?.aadObjectId || !tenantId) return null;
  return { objectId: from.aadObjectId, tenantId };
}

/**
 * A turn may ask for the sign-in's token more than once (the bot's own per-turn memory is per need, see
 * `graphAccess.ts`, and a resumed turn starts afresh); with the token cache shared through storage each silent
 * lookup reads that storage. The first token a turn gets is kept in that turn's state (memory only, gone when the
 * turn ends) and reused.
 */
const TURN_TOKEN = Symbol('graphTokenForThisTurn');

/**
 * Production tokens: the shared msal-node cache, silently; never prompts (the sign-in flow does that).
 *
 * A feature's own scopes (`getToken(context, scopes)`): msal's cache for those scopes (per user, silently); without
 * one, sign-in runs again (Teams does it silently) and the resumed request redeems that turn's SSO token for those
 * scopes only (`ssoAssertion.ts`), so a refusal then is about them, not about signing in.
 */
export function createSsoTokenProvider(graphTokens: GraphTokenService): UserTokenProvider {
  async function tokenForScopes(context: TurnContext, scopes: readonly string[]): Promise<TokenOutcome> {
    const user = signedInUserOf(context);
    if (!user) return { ok: false, reason: 'signInRequired' };
    const assertion = ssoAssertionOf(context);
    if (assertion) {
      const exchanged = await graphTokens.exchangeForScopes(user, assertion, scopes);
      if (exchanged.ok) return exchanged;
      // The same SSO token was just redeemed for the sign-in's scopes, so a refusal here is about these scopes.
      return { ok: false, reason: exchanged.reason === 'failed' ? 'failed' : 'notGranted' };
    }
    const token = await graphTokens.acquireSilent(user, scopes);
    return token ? { ok: true, token } : { ok: false, reason: 'signInRequired' };
  }

  return {
    async getToken(context, scopes) {
      if (scopes) return tokenForScopes(context, scopes);
      const remembered: unknown = context.turnState.get(TURN_TOKEN);
      if (typeof remembered === 'string') return { ok: true, token: remembered };
      const user = signedInUserOf(context);
      const token = user ? await graphTokens.acquireSilent(user) : null;
      if (!token) return { ok: false, reason: 'signInRequired' };
      context.turnState.set(TURN_TOKEN, token);
      return { ok: true, token };
    },
    async signOut(context) {
      context.turnState.delete(TURN_TOKEN);
      const user = signedInUserOf(context);
      if (user) await graphTokens.signOut(user);
    },
  };
}
