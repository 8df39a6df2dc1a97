import { TokenCache } from '@azure/msal-node';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { createGraphTokenService, type GraphTokenService, type SignedInUser } from '../../src/auth/graphTokenService';
import type { AuthConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { createSharedTokenCache, tokenCacheKeyFor } from '../../src/storage/msalCachePlugin';
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
const megan = { oid: 'oid-megan', tid: tenantId };
const userOf = (issued: { oid: string; tid: string }): SignedInUser => ({ objectId: issued.oid, tenantId: issued.tid });

describe('Graph token service (msal-node against a local identity provider)', () => {
  let idp: LocalIdentityProvider;
  let service: GraphTokenService;

  beforeEach(async () => {
    idp = await startLocalIdentityProvider({ clientId: appId, applicationIdUri: auth.applicationIdUri });
    service = createGraphTokenService({ auth, logger: silentLogger, networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url) });
  });
  afterEach(() => idp.close());

  it('exchanges an SSO token on-behalf-of, then serves the same user from the cache with no identity-provider call', async () => {
    const exchanged = await service.exchange(userOf(alex), idp.issueSsoToken(alex));
    expect(exchanged.ok).toBe(true);
    expect(idp.calls.token).toBe(1);

    const callsBefore = idp.calls.total;
    const silent = await service.acquireSilent({ objectId: alex.oid, tenantId });
    expect(silent).toBe(exchanged.ok ? exchanged.token : 'unreachable');
    expect(idp.calls.total).toBe(callsBefore);
  });

  it('has nothing silent for a user who never signed in, even right after a signed-in user was served', async () => {
    expect(await service.acquireSilent({ objectId: 'someone-else', tenantId })).toBeNull();
    expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    expect(await service.acquireSilent(userOf(alex))).not.toBeNull();
    expect(await service.acquireSilent({ objectId: 'someone-else', tenantId })).toBeNull();
  });

  it('reports consent required (AADSTS65001) and invalid_grant as outcomes, not exceptions', async () => {
    idp.setOboMode('consentRequired');
    expect(await service.exchange(userOf(alex), idp.issueSsoToken(alex))).toEqual({ ok: false, reason: 'consentRequired' });
    idp.setOboMode('invalidGrant');
    expect(await service.exchange(userOf(alex), idp.issueSsoToken(alex))).toEqual({ ok: false, reason: 'invalidGrant' });
  });

  it('refuses an SSO token the identity provider did not sign', async () => {
    const forged = idp.issueSsoToken(alex).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    expect(await service.exchange(userOf(alex), forged)).toEqual({ ok: false, reason: 'invalidGrant' });
  });

  it('asks again once the cached Graph token has expired and cannot be renewed', async () => {
    idp.setAccessTokenLifetimeSeconds(60);
    expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    // msal renews tokens that expire within five minutes, so a one-minute token counts as expired.
    expect(await service.acquireSilent({ objectId: alex.oid, tenantId })).toBeNull();
  });

  it("refuses an SSO token whose own user is not the one it is redeemed for, with no identity-provider call", async () => {
    expect(await service.exchange(userOf(megan), idp.issueSsoToken(alex))).toEqual({ ok: false, reason: 'invalidGrant' });
    expect(await service.exchange({ objectId: alex.oid, tenantId: 'another-tenant' }, idp.issueSsoToken(alex))).toEqual({ ok: false, reason: 'invalidGrant' });
    expect(await service.exchangeForScopes(userOf(megan), idp.issueSsoToken(alex), ['People.Read'])).toEqual({ ok: false, reason: 'invalidGrant' });
    expect(idp.calls.total).toBe(0);
    expect(await service.acquireSilent(userOf(megan))).toBeNull();
  });

  it('forgets the user on sign-out', async () => {
    expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    await service.signOut({ objectId: alex.oid, tenantId });
    expect(await service.acquireSilent({ objectId: alex.oid, tenantId })).toBeNull();
  });
});

/** A `Storage` that records the keys of every read, write and delete. */
function countingStorage(inner: Storage = new MemoryStorage()) {
  const reads: string[][] = [];
  const writes: string[][] = [];
  const deletes: string[][] = [];
  const storage: Storage = {
    read: (keys: string[]) => {
      reads.push([...keys]);
      return inner.read(keys);
    },
    write: (changes: StoreItems) => {
      writes.push(Object.keys(changes));
      return inner.write(changes);
    },
    delete: (keys: string[]) => {
      deletes.push([...keys]);
      return inner.delete(keys);
    },
  };
  const forget = (): void => {
    reads.length = 0;
    writes.length = 0;
    deletes.length = 0;
  };
  return { storage, reads, writes, deletes, forget };
}

describe('Graph token service with the token cache shared through storage, one item per user', () => {
  let idp: LocalIdentityProvider;
  const encryptionKey = Buffer.alloc(32, 3);

  beforeEach(async () => {
    idp = await startLocalIdentityProvider({ clientId: appId, applicationIdUri: auth.applicationIdUri });
  });
  afterEach(() => idp.close());

  /** One bot instance's token service on `storage`. */
  const instanceOn = (storage: Storage): GraphTokenService =>
    createGraphTokenService({
      auth,
      logger: silentLogger,
      networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url),
      sharedCache: createSharedTokenCache({ storage, encryptionKey, logger: silentLogger }),
    });

  it("reads only the user's own item, once per silent lookup", async () => {
    const counted = countingStorage();
    const service = instanceOn(counted.storage);
    expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    expect((await service.exchange(userOf(megan), idp.issueSsoToken(megan))).ok).toBe(true);
    const alexKey = tokenCacheKeyFor(userOf(alex));
    const meganKey = tokenCacheKeyFor(userOf(megan));
    expect(alexKey).not.toBe(meganKey);
    expect(counted.writes).toEqual([[alexKey], [meganKey]]);

    for (const user of [alex, megan, alex]) {
      counted.forget();
      expect(await service.acquireSilent(userOf(user))).not.toBeNull();
      expect(counted.reads).toEqual([[tokenCacheKeyFor(userOf(user))]]);
      expect(counted.writes).toEqual([]);
    }
  });

  it("lists the cache's accounts for a user's first silent lookup only, and again after one fails", async () => {
    const storage = new MemoryStorage();
    const [service, other] = [instanceOn(storage), instanceOn(storage)];
    expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    const listings = jest.spyOn(TokenCache.prototype, 'getAllAccounts');
    try {
      const first = await service.acquireSilent(userOf(alex));
      expect(first).not.toBeNull();
      expect(listings).toHaveBeenCalledTimes(1);
      expect(await service.acquireSilent(userOf(alex))).toBe(first);
      expect(listings).toHaveBeenCalledTimes(1);
      // Signed out on the other instance: the account kept here has no tokens any more.
      await other.signOut(userOf(alex));
      expect(await service.acquireSilent(userOf(alex))).toBeNull();
      expect(listings).toHaveBeenCalledTimes(1);
      expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
      listings.mockClear();
      expect(await service.acquireSilent(userOf(alex))).not.toBeNull();
      expect(listings).toHaveBeenCalledTimes(1);
    } finally {
      listings.mockRestore();
    }
  });

  it('reads and writes the user\'s item once each for an exchange', async () => {
    const counted = countingStorage();
    const service = instanceOn(counted.storage);
    expect((await service.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    expect(counted.reads).toEqual([[tokenCacheKeyFor(userOf(alex))]]);
    expect(counted.writes).toEqual([[tokenCacheKeyFor(userOf(alex))]]);
  });

  it('signs a user out on every instance: after sign-out on one, the other finds nothing', async () => {
    const storage = new MemoryStorage();
    const [first, second] = [instanceOn(storage), instanceOn(storage)];
    expect((await first.exchange(userOf(alex), idp.issueSsoToken(alex))).ok).toBe(true);
    expect((await second.exchange(userOf(megan), idp.issueSsoToken(megan))).ok).toBe(true);
    // The second instance has looked Alex up already, so its client for Alex holds his tokens in memory.
    expect(await second.acquireSilent(userOf(alex))).not.toBeNull();

    await first.signOut(userOf(alex));
    expect(await second.acquireSilent(userOf(alex))).toBeNull();
    expect(await first.acquireSilent(userOf(alex))).toBeNull();
    expect(await second.acquireSilent(userOf(megan))).not.toBeNull();
  });

  it("makes no identity-provider call for a new user's client beyond that user's own exchange", async () => {
    const service = instanceOn(new MemoryStorage());
    const other = instanceOn(new MemoryStorage());
    for (const user of [alex, megan]) {
      expect((await service.exchange(userOf(user), idp.issueSsoToken(user))).ok).toBe(true);
      expect(await service.acquireSilent(userOf(user))).not.toBeNull();
    }
    expect(await other.acquireSilent(userOf(alex))).toBeNull();
    expect(idp.calls).toEqual({ total: 2, token: 2, metadata: 0 });
  });
});
