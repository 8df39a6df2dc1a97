import type { TurnContext } from 'botbuilder';
import type { GraphTokenService, SignedInUser } from './graphTokenService';
import type { UserTokenProvider } from './userTokenProvider';

/** The Entra user behind a Teams activity: object id from `from`, tenant from the conversation. */
export function signedInUserOf(context: TurnContext): SignedInUser | null {
  const { from, conversation, channelData } = context.activity;
  const channelTenant = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = conversation?.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
  if (!from?.aadObjectId || !tenantId) return null;
  return { objectId: from.aadObjectId, tenantId };
}

/**
 * A turn asks for the token several times (a dialog checks before its first question, then every Graph request
 * asks again); with the token cache shared through storage each silent lookup reads that storage. The first
 * token a turn gets is kept in that turn's state (memory only, gone when the turn ends) and reused.
 */
const TURN_TOKEN = Symbol('graphTokenForThisTurn');

/** Production tokens: the shared msal-node cache, silently; never prompts (the sign-in flow does that). */
export function createSsoTokenProvider(graphTokens: GraphTokenService): UserTokenProvider {
  return {
    async getToken(context) {
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
