import { createGraphTokenService, type GraphTokenService } from '../../src/auth/graphTokenService';
import type { AuthConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { PUBLIC_AUTHORITY_HOST, startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import { createLoopbackNetworkClient } from '../support/loopbackNetworkClient';

const appId = '11111111-2222-3333-4444-555555555555';
const tenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const auth: AuthConfig = {
  appId,
  appPassword: 'test-secret',
  certificatePath: undefined,
  certificateThumbprint: undefined,
  tenantId,
  appType: 'SingleTenant',
  applicationIdUri: `api://botid-${appId}`,
  botDomain: 'bot.example.test',
  graphScopes: ['User.ReadWrite'],
  authorityHost: PUBLIC_AUTHORITY_HOST,
  botFrameworkOpenIdMetadataUrl: undefined,
  tokenCacheEncryptionKey: undefined,
};
const alex = { oid: 'oid-alex', tid: tenantId };

describe('Graph token service (msal-node against a local identity provider)', () => {
  let idp: LocalIdentityProvider;
  let service: GraphTokenService;

  beforeEach(async () => {
    idp = await startLocalIdentityProvider({ clientId: appId, applicationIdUri: auth.applicationIdUri });
    service = createGraphTokenService({ auth, logger: silentLogger, networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url) });
  });
  afterEach(() => idp.close());

  it('exchanges an SSO token on-behalf-of, then serves the same user from the cache with no identity-provider call', async () => {
    const exchanged = await service.exchange(idp.issueSsoToken(alex));
    expect(exchanged.ok).toBe(true);
    expect(idp.calls.token).toBe(1);

    const callsBefore = idp.calls.total;
    const silent = await service.acquireSilent({ objectId: alex.oid, tenantId });
    expect(silent).toBe(exchanged.ok ? exchanged.token : 'unreachable');
    expect(idp.calls.total).toBe(callsBefore);
  });

  it('has nothing silent for a user who never signed in', async () => {
    expect(await service.acquireSilent({ objectId: 'someone-else', tenantId })).toBeNull();
  });

  it('reports consent required (AADSTS65001) and invalid_grant as outcomes, not exceptions', async () => {
    idp.setOboMode('consentRequired');
    expect(await service.exchange(idp.issueSsoToken(alex))).toEqual({ ok: false, reason: 'consentRequired' });
    idp.setOboMode('invalidGrant');
    expect(await service.exchange(idp.issueSsoToken(alex))).toEqual({ ok: false, reason: 'invalidGrant' });
  });

  it('refuses an SSO token the identity provider did not sign', async () => {
    const forged = idp.issueSsoToken(alex).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    expect(await service.exchange(forged)).toEqual({ ok: false, reason: 'invalidGrant' });
  });

  it('asks again once the cached Graph token has expired and cannot be renewed', async () => {
    idp.setAccessTokenLifetimeSeconds(60);
    expect((await service.exchange(idp.issueSsoToken(alex))).ok).toBe(true);
    // msal renews tokens that expire within five minutes, so a one-minute token counts as expired.
    expect(await service.acquireSilent({ objectId: alex.oid, tenantId })).toBeNull();
  });

  it('forgets the user on sign-out', async () => {
    expect((await service.exchange(idp.issueSsoToken(alex))).ok).toBe(true);
    await service.signOut({ objectId: alex.oid, tenantId });
    expect(await service.acquireSilent({ objectId: alex.oid, tenantId })).toBeNull();
  });
});
