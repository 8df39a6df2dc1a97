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

/** Production tokens: the shared msal-node cache, silently; never prompts (the sign-in flow does that). */
export function createSsoTokenProvider(graphTokens: GraphTokenService): UserTokenProvider {
  return {
    async getToken(context) {
      const user = signedInUserOf(context);
      const token = user ? await graphTokens.acquireSilent(user) : null;
      return token ? { ok: true, token } : { ok: false, reason: 'signInRequired' };
    },
    async signOut(context) {
      const user = signedInUserOf(context);
      if (user) await graphTokens.signOut(user);
    },
  };
}
