import crypto from 'node:crypto';
import { ConfidentialClientApplication, type ICachePlugin } from '@azure/msal-node';
import { MemoryStorage, type Storage } from 'botbuilder';
import { createLogger, silentLogger } from '../../src/logger';
import { readsIfChanged, UNCHANGED, type ReadsIfChanged } from '../../src/storage/conditionalReads';
import { createSharedTokenCache, tokenCacheKeyFor, type TokenCacheOwner } from '../../src/storage/msalCachePlugin';
import { useAzurite } from '../support/azuriteForTests';
import { PUBLIC_AUTHORITY_HOST, startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import { createLoopbackNetworkClient } from '../support/loopbackNetworkClient';

const appId = '11111111-2222-3333-4444-555555555555';
const tenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const scopes = ['User.ReadWrite'];
const alex = { oid: 'oid-alex', tid: tenantId };
const megan = { oid: 'oid-megan', tid: tenantId };
const ownerOf = (user: { oid: string; tid: string }): TokenCacheOwner => ({ objectId: user.oid, tenantId: user.tid });
const encryptionKey = crypto.randomBytes(32);

const azurite = useAzurite();
let idp: LocalIdentityProvider;
let storage: Storage;

beforeEach(async () => {
  idp = await startLocalIdentityProvider({ clientId: appId, applicationIdUri: `api://botid-${appId}` });
  storage = await azurite.freshStorage('tokens');
});
afterEach(() => idp.close());

/** One bot instance's msal client for one user, as `createGraphTokenService` builds it, with or without the shared cache. */
function instance(cachePlugin?: ICachePlugin): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId: appId, authority: `${PUBLIC_AUTHORITY_HOST}/${tenantId}`, clientSecret: 'test-secret' },
    system: { networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url) },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
  });
}

/** The plugin of `user`'s item (Alex's unless named). */
const sharedCache = (key = encryptionKey, user = alex): ICachePlugin => createSharedTokenCache({ storage, encryptionKey: key, logger: silentLogger }).forUser(ownerOf(user));

async function silentTokenOn(app: ConfidentialClientApplication, user = alex): Promise<string | null> {
  const account = (await app.getTokenCache().getAllAccounts()).find((candidate) => candidate.localAccountId === user.oid);
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

  it('keeps tokens encrypted at rest, one item per user, under a key that does not name them', async () => {
    const exchanged = await instance(sharedCache()).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    const key = tokenCacheKeyFor(ownerOf(alex));
    expect(key).toMatch(/^msal\/tokenCache\/[0-9a-f]{64}$/);
    expect(key).not.toBe(tokenCacheKeyFor(ownerOf(megan)));
    expect(key).not.toBe(tokenCacheKeyFor({ objectId: alex.oid, tenantId: 'another-tenant' }));
    const stored = JSON.stringify(await storage.read([key]));
    expect(stored).toContain('cipher');
    expect(stored).not.toContain(exchanged?.accessToken ?? 'unreachable');
    expect(stored).not.toMatch(/RefreshToken|AccessToken|oid-alex/);
  });

  it("keeps each user's tokens in their own item", async () => {
    await instance(sharedCache()).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    await instance(sharedCache(encryptionKey, megan)).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(megan), scopes });
    const accountsIn = async (user: typeof alex): Promise<string[]> => (await instance(sharedCache(encryptionKey, user)).getTokenCache().getAllAccounts()).map((account) => account.localAccountId);
    expect(await accountsIn(alex)).toEqual(['oid-alex']);
    expect(await accountsIn(megan)).toEqual(['oid-megan']);
  });

  it("cannot be read under another user's key: an item moved there reads as empty, with a warning", async () => {
    await instance(sharedCache()).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    const alexItem = (await storage.read([tokenCacheKeyFor(ownerOf(alex))]))[tokenCacheKeyFor(ownerOf(alex))] as Record<string, unknown>;
    await storage.write({ [tokenCacheKeyFor(ownerOf(megan))]: { ...alexItem, eTag: '*' } });
    const lines: string[] = [];
    const meganCache = createSharedTokenCache({ storage, encryptionKey, logger: createLogger({ sink: (_level, line) => lines.push(line) }) }).forUser(ownerOf(megan));
    expect(await instance(meganCache).getTokenCache().getAllAccounts()).toEqual([]);
    expect(await silentTokenOn(instance(meganCache), alex)).toBeNull();
    expect(lines.some((line) => line.includes('could not be decrypted'))).toBe(true);
  });

  it('keeps the tokens of two instances that save for one user at the same time', async () => {
    const first = instance(sharedCache());
    const second = instance(sharedCache());
    await Promise.all([
      first.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes }),
      second.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes: ['People.Read'] }),
    ]);
    const third = instance(sharedCache());
    await third.getTokenCache().getAllAccounts();
    const saved = JSON.parse(third.getTokenCache().serialize()) as { AccessToken: Record<string, { target: string }> };
    expect(Object.values(saved.AccessToken).map((token) => token.target.split(' ').filter((scope) => !['openid', 'profile', 'offline_access'].includes(scope)).join(' ')).sort()).toEqual(['People.Read', 'User.ReadWrite']);
  });

  it('starts empty, and says so, when the stored cache cannot be decrypted with its key', async () => {
    await instance(sharedCache()).acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    const lines: string[] = [];
    const rotated = createSharedTokenCache({ storage, encryptionKey: crypto.randomBytes(32), logger: createLogger({ sink: (_level, line) => lines.push(line) }) }).forUser(ownerOf(alex));
    expect(await silentTokenOn(instance(rotated))).toBeNull();
    expect(lines.some((line) => line.includes('could not be decrypted'))).toBe(true);
  });

  // What the per-user cache is built on (docs/fidelity.md E6): which msal-node calls go to the plugin, and how.
  it('msal-node calls the plugin once per getAllAccounts, acquireTokenSilent (which reloads the cache) and token save, and not for an on-behalf-of cache hit', async () => {
    let stored = '';
    const calls: string[] = [];
    const recording: ICachePlugin = {
      beforeCacheAccess: async (context) => {
        calls.push('before');
        if (stored) context.tokenCache.deserialize(stored);
      },
      afterCacheAccess: async (context) => {
        calls.push(context.cacheHasChanged ? 'after:changed' : 'after');
        if (context.cacheHasChanged) stored = context.tokenCache.serialize();
      },
    };
    const app = instance(recording);
    const assertion = idp.issueSsoToken(alex);
    await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes });
    expect(calls.splice(0)).toEqual(['before', 'after:changed']);
    await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes });
    expect(calls.splice(0)).toEqual([]);
    const [account] = await app.getTokenCache().getAllAccounts();
    expect(calls.splice(0)).toEqual(['before', 'after']);
    expect((await app.acquireTokenSilent({ account: account!, scopes }))?.accessToken).toBeTruthy();
    expect(calls.splice(0)).toEqual(['before', 'after']);
    await app.getTokenCache().removeAccount(account!);
    expect(calls.splice(0)).toEqual(['before', 'after:changed']);
    expect(idp.calls.token).toBe(1);
  });

  it("downloads and decrypts a user's item again only when it changed, whoever changed it", async () => {
    if (!readsIfChanged(storage)) throw new Error('Blob storage reads conditionally');
    const blobs = storage;
    const reads: string[] = [];
    const counted: Storage & ReadsIfChanged = {
      read: (keys) => {
        reads.push('whole');
        return blobs.read(keys);
      },
      write: (changes) => blobs.write(changes),
      delete: (keys) => blobs.delete(keys),
      readIfChanged: async (key, eTag) => {
        const answer = await blobs.readIfChanged(key, eTag);
        reads.push(answer === UNCHANGED ? 'unchanged' : answer === undefined ? 'absent' : 'changed');
        return answer;
      },
    };
    const decrypting = jest.spyOn(crypto, 'createDecipheriv');
    try {
      const cache = createSharedTokenCache({ storage: counted, encryptionKey, logger: silentLogger });
      const here = instance(cache.forUser(ownerOf(alex)));
      const exchanged = await here.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
      expect(reads.splice(0)).toEqual(['whole']);
      // getAllAccounts and acquireTokenSilent each load the cache: the second is answered by the eTag alone.
      decrypting.mockClear();
      expect(await silentTokenOn(here)).toBe(exchanged?.accessToken);
      expect(reads.splice(0)).toEqual(['whole', 'unchanged']);
      expect(decrypting).toHaveBeenCalledTimes(1);

      // Another instance saves new tokens for Alex: the next load reads them.
      const elsewhere = instance(sharedCache());
      await elsewhere.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes: ['People.Read'] });
      const [account] = await here.getTokenCache().getAllAccounts();
      expect(reads.splice(0)).toEqual(['changed']);
      expect((await here.acquireTokenSilent({ account: account!, scopes: ['People.Read'] }))?.accessToken).toBeTruthy();
      expect(reads.splice(0)).toEqual(['unchanged']);
      const tokenCalls = idp.calls.token;

      // Signed out elsewhere: the item is gone, and no token is served from the version read before.
      await createSharedTokenCache({ storage, encryptionKey, logger: silentLogger }).forUser(ownerOf(alex)).remove();
      await expect(here.acquireTokenSilent({ account: account!, scopes })).rejects.toThrow(/no_tokens_found/);
      expect(reads.splice(0)).toEqual(['absent']);
      expect(idp.calls.token).toBe(tokenCalls);
    } finally {
      decrypting.mockRestore();
    }
  });

  it('never asks whether an item changed since a version the store did not name', async () => {
    const memory = new MemoryStorage();
    const conditional = jest.fn<ReturnType<ReadsIfChanged['readIfChanged']>, Parameters<ReadsIfChanged['readIfChanged']>>(async () => UNCHANGED);
    const withoutETags: Storage & ReadsIfChanged = {
      read: async (keys) => Object.fromEntries(Object.entries(await memory.read(keys)).map(([key, item]) => [key, { ...item, eTag: undefined }])),
      write: (changes) => memory.write(changes),
      delete: (keys) => memory.delete(keys),
      readIfChanged: conditional,
    };
    const here = instance(createSharedTokenCache({ storage: withoutETags, encryptionKey, logger: silentLogger }).forUser(ownerOf(alex)));
    const exchanged = await here.acquireTokenOnBehalfOf({ oboAssertion: idp.issueSsoToken(alex), scopes });
    expect(await silentTokenOn(here)).toBe(exchanged?.accessToken);
    expect(conditional).not.toHaveBeenCalled();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSharedTokenCache({ storage, encryptionKey: crypto.randomBytes(16), logger: silentLogger })).toThrow(/32 bytes/);
  });
});
