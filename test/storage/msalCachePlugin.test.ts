import crypto from 'node:crypto';
import { ConfidentialClientApplication, type ICachePlugin } from '@azure/msal-node';
import type { Storage } from 'botbuilder';
import { createLogger, silentLogger } from '../../src/logger';
import { createStorageCachePlugin } from '../../src/storage/msalCachePlugin';
import { useAzurite } from '../support/azuriteForTests';
import { PUBLIC_AUTHORITY_HOST, startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import { createLoopbackNetworkClient } from '../support/loopbackNetworkClient';

const appId = '11111111-2222-3333-4444-555555555555';
const tenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const scopes = ['User.ReadWrite'];
const alex = { oid: 'oid-alex', tid: tenantId };
const encryptionKey = crypto.randomBytes(32);

const azurite = useAzurite();
let idp: LocalIdentityProvider;
let storage: Storage;

beforeEach(async () => {
  idp = await startLocalIdentityProvider({ clientId: appId, applicationIdUri: `api://botid-${appId}` });
  storage = await azurite.freshStorage('tokens');
});
afterEach(() => idp.close());

/** One bot instance's msal client, as `createGraphTokenService` builds it, with or without the shared cache. */
function instance(cachePlugin?: ICachePlugin): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId: appId, authority: `${PUBLIC_AUTHORITY_HOST}/${tenantId}`, clientSecret: 'test-secret' },
    system: { networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url) },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
  });
}

const sharedCache = (key = encryptionKey): ICachePlugin => createStorageCachePlugin({ storage, encryptionKey: key, logger: silentLogger });

async function silentTokenOn(app: ConfidentialClientApplication): Promise<string | null> {
  const account = (await app.getTokenCache().getAllAccounts()).find((candidate) => candidate.localAccountId === alex.oid);
  if (!account) return null;
  return (await app.acquireTokenSilent({ account, scopes }))?.accessToken ?? null;
}

describe('msal token cache shared through storage', () => {
  it('serves a token obtained on one instance from another with no identity-provider call', async () => {
    const first = instance(sharedCache());
    const second = instance(sharedCache());
    const exchanged = await first.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    const callsAfterSignIn = idp.calls.total;

    expect(await silentTokenOn(second)).toBe(exchanged?.accessToken);
    expect(idp.calls.total).toBe(callsAfterSignIn);
  });

  // The measurement behind the choice in docs/storage.md: with a cache per instance, the other instance has no
  // account to renew from, so the user would be sent through sign-in again there.
  it('without it, the other instance has nothing for the user', async () => {
    const first = instance();
    const second = instance();
    await first.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    expect(await silentTokenOn(first)).not.toBeNull();
    expect(await silentTokenOn(second)).toBeNull();
  });

  it('keeps tokens encrypted at rest', async () => {
    const exchanged = await instance(sharedCache()).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    const stored = JSON.stringify(await storage.read(['msal/tokenCache']));
    expect(stored).toContain('cipher');
    expect(stored).not.toContain(exchanged?.accessToken ?? 'unreachable');
    expect(stored).not.toMatch(/RefreshToken|AccessToken|oid-alex/);
  });

  it('keeps the tokens of two instances that save at the same time', async () => {
    const first = instance(sharedCache());
    const second = instance(sharedCache());
    const megan = { oid: 'oid-megan', tid: tenantId };
    await Promise.all([
      first.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes }),
      second.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(megan), scopes }),
    ]);
    const accounts = await instance(sharedCache()).getTokenCache().getAllAccounts();
    expect(accounts.map((account) => account.localAccountId).sort()).toEqual(['oid-alex', 'oid-megan']);
  });

  it('starts empty, and says so, when the stored cache cannot be decrypted with its key', async () => {
    await instance(sharedCache()).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    const lines: string[] = [];
    const rotated = createStorageCachePlugin({ storage, encryptionKey: crypto.randomBytes(32), logger: createLogger({ sink: (_level, line) => lines.push(line) }) });
    expect(await silentTokenOn(instance(rotated))).toBeNull();
    expect(lines.some((line) => line.includes('could not be decrypted'))).toBe(true);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createStorageCachePlugin({ storage, encryptionKey: crypto.randomBytes(16), logger: silentLogger })).toThrow(/32 bytes/);
  });
});
