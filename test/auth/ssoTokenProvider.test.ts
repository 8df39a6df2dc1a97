import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import type { GraphTokenService, SignedInUser } from '../../src/auth/graphTokenService';
import { createSsoTokenProvider } from '../../src/auth/ssoTokenProvider';

/** A token service of our own interface that counts lookups; msal itself is exercised in graphTokenService.test.ts. */
function countingTokenService(tokens: Map<string, string>) {
  const lookups: SignedInUser[] = [];
  const service: GraphTokenService = {
    exchange: async () => ({ ok: false, reason: 'failed' }),
    exchangeForScopes: async () => ({ ok: false, reason: 'failed' }),
    acquireSilent: async (user) => {
      lookups.push(user);
      return tokens.get(user.objectId) ?? null;
    },
    signOut: async (user) => {
      tokens.delete(user.objectId);
    },
  };
  return { service, lookups };
}

function turnFrom(objectId: string): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'msteams',
    from: { id: '29:x', name: 'X', aadObjectId: objectId },
    conversation: { id: 'c', tenantId: 'tenant-1', isGroup: false, conversationType: 'personal', name: '' },
    recipient: { id: 'bot', name: 'Bot' },
  };
  return new TurnContext(new TestAdapter(), activity);
}

describe('SSO token provider', () => {
  it('looks the token up once per turn, however often the turn asks', async () => {
    const { service, lookups } = countingTokenService(new Map([['oid-1', 'graph-token']]));
    const provider = createSsoTokenProvider(service);
    const turn = turnFrom('oid-1');
    expect(await provider.getToken(turn)).toEqual({ ok: true, token: 'graph-token' });
    expect(await provider.getToken(turn)).toEqual({ ok: true, token: 'graph-token' });
    expect(lookups).toEqual([{ objectId: 'oid-1', tenantId: 'tenant-1' }]);

    await provider.getToken(turnFrom('oid-1'));
    expect(lookups).toHaveLength(2);
  });

  it('does not remember a failed lookup, and forgets the token on sign-out', async () => {
    const tokens = new Map<string, string>();
    const { service, lookups } = countingTokenService(tokens);
    const provider = createSsoTokenProvider(service);
    const turn = turnFrom('oid-1');
    expect(await provider.getToken(turn)).toEqual({ ok: false, reason: 'signInRequired' });
    tokens.set('oid-1', 'graph-token');
    expect(await provider.getToken(turn)).toEqual({ ok: true, token: 'graph-token' });
    await provider.signOut(turn);
    expect(await provider.getToken(turn)).toEqual({ ok: false, reason: 'signInRequired' });
    expect(lookups).toHaveLength(3);
  });
});
