/**
 * Delegated Graph tokens through msal-node: on-behalf-of for a Teams SSO token, then silent reuse from msal's cache
 * (accounts found by the user's AAD object id and tenant), and sign-out.
 *
 * With the token cache shared through storage (`src/storage/msalCachePlugin.ts`) each user has a
 * ConfidentialClientApplication of their own, its cache plugin bound to that user's storage item: msal loads a
 * client's whole cache on every access, so one client for everyone would read every user's tokens per lookup.
 * Without a shared cache, one in-process client serves everyone.
 */
import fs from 'node:fs';
import {
  AuthError,
  ConfidentialClientApplication,
  type AccountInfo,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import type { AuthConfig } from '../config';
import type { Logger } from '../logger';
import type { SharedTokenCache, UserTokenCache } from '../storage/msalCachePlugin';
import { readSsoTokenClaims } from './ssoToken';

export interface SignedInUser {
  readonly objectId: string;
  readonly tenantId: string;
}

export type ExchangeFailure = 'consentRequired' | 'invalidGrant' | 'failed';

export type ExchangeOutcome = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: ExchangeFailure };

export interface GraphTokenService {
  /**
   * Redeems a Teams SSO token on-behalf-of `user` (the turn's signed-in user) for the Graph scopes. A token whose
   * own `oid`/`tid` are not that user's is refused without a call: its tokens would land in another user's cache.
   */
  exchange(user: SignedInUser, ssoToken: string): Promise<ExchangeOutcome>;
  /**
   * Redeems a Teams SSO token on-behalf-of the user for other scopes than the sign-in's (a feature's own, asked for
   * only when it is used). Not de-duplicated: one feature turn asks once.
   */
  exchangeForScopes(user: SignedInUser, ssoToken: string, scopes: readonly string[]): Promise<ExchangeOutcome>;
  /** A cached (or silently renewed) Graph token (for the sign-in's scopes unless `scopes` is given), or null when the user must sign in again. */
  acquireSilent(user: SignedInUser, scopes?: readonly string[]): Promise<string | null>;
  signOut(user: SignedInUser): Promise<void>;
}

export interface GraphTokenServiceOptions {
  readonly auth: AuthConfig;
  readonly logger: Logger;
  /** msal-node's HTTP seam; tests route it to a local identity provider. */
  readonly networkClient?: INetworkModule;
  /** Shares the token cache between instances, one item per user (see `src/storage/msalCachePlugin.ts`); in-process when absent. */
  readonly sharedCache?: SharedTokenCache;
}

/**
 * Users whose msal client is kept, the least recently used dropped first. A client costs about 20 µs to make and
 * 2 KB to keep (measured), and holds nothing that storage does not: every access reloads the user's item. So the
 * bound only caps memory (about a thousand users busy at once on one instance, a few MB with their caches) and a
 * dropped client costs one rebuild.
 */
export const MAX_KEPT_USER_CLIENTS = 1_000;

/** The app's own credentials for msal-node, as the bot uses them: the client secret if set, else the certificate. */
export function msalCredentials(auth: AuthConfig): Configuration['auth'] {
  const authority = `${auth.authorityHost}/${auth.tenantId}`;
  if (auth.appPassword) return { clientId: auth.appId, authority, clientSecret: auth.appPassword };
  if (!auth.certificatePath || !auth.certificateThumbprint) throw new Error('A client secret or certificate is required.');
  return {
    clientId: auth.appId,
    authority,
    clientCertificate: { thumbprint: auth.certificateThumbprint, privateKey: fs.readFileSync(auth.certificatePath, 'utf8') },
  };
}

/** AADSTS65001: the user or an admin has not consented to the app using the requested scopes. */
const CONSENT_REQUIRED_ERROR_NO = '65001';

function classifyExchangeError(error: unknown): ExchangeFailure {
  if (!(error instanceof AuthError)) return 'failed';
  const details = error as AuthError & { errorNo?: string };
  if (details.subError === 'consent_required' || details.errorNo === CONSENT_REQUIRED_ERROR_NO || error.errorCode === 'consent_required') {
    return 'consentRequired';
  }
  if (error.errorCode === 'invalid_grant' || error.errorCode === 'interaction_required') return 'invalidGrant';
  return 'failed';
}

function describeAuthError(error: unknown): Record<string, unknown> {
  if (error instanceof AuthError) {
    return { errorCode: error.errorCode, subError: error.subError, correlationId: error.correlationId };
  }
  return { error: error instanceof Error ? error.name : typeof error };
}

/** One user's msal client and how a lookup runs on it. */
interface UserClient {
  readonly msal: ConfidentialClientApplication;
  /** Runs one lookup: with a shared cache, reading the user's item once (see `UserTokenCache.readingOnce`). */
  lookup<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The user's account as the last silent lookup that got a token found it. Later lookups go straight to its
   * tokens: listing the cache's accounts is a whole cache load of its own (msal reloads it for every access).
   */
  account?: AccountInfo;
}

interface UserClients {
  clientFor(user: SignedInUser): UserClient;
  signOut(user: SignedInUser): Promise<void>;
}

async function findAccount(msal: ConfidentialClientApplication, user: SignedInUser): Promise<AccountInfo | undefined> {
  const accounts = await msal.getTokenCache().getAllAccounts();
  return accounts.find((account) => account.localAccountId === user.objectId && account.tenantId === user.tenantId);
}

/** Without a shared cache: one in-process client for everyone; sign-out removes the user's accounts from it. */
function oneClient(msal: ConfidentialClientApplication): UserClients {
  return {
    // A fresh record each time: the one client serves everyone, so no user's account is kept on it.
    clientFor: () => ({ msal, lookup: (work) => work() }),
    async signOut(user) {
      const cache = msal.getTokenCache();
      const accounts = await cache.getAllAccounts();
      await Promise.all(accounts.filter((account) => account.localAccountId === user.objectId).map((account) => cache.removeAccount(account)));
    },
  };
}

/** With a shared cache: a client per user on that user's item, up to `MAX_KEPT_USER_CLIENTS` kept. */
function clientPerUser(sharedCache: SharedTokenCache, newClient: (cache: UserTokenCache) => ConfidentialClientApplication): UserClients {
  const kept = new Map<string, UserClient & { readonly cache: UserTokenCache }>();
  const keyOf = (user: SignedInUser): string => `${user.tenantId}.${user.objectId}`;
  return {
    clientFor(user) {
      const key = keyOf(user);
      let client = kept.get(key);
      if (client) {
        kept.delete(key);
      } else {
        const cache = sharedCache.forUser(user);
        client = { msal: newClient(cache), cache, lookup: (work) => cache.readingOnce(work) };
        if (kept.size >= MAX_KEPT_USER_CLIENTS) kept.delete(kept.keys().next().value as string);
      }
      kept.set(key, client);
      return client;
    },
    async signOut(user) {
      // The user's item goes, so every instance's next lookup for them finds nothing; this instance's client goes too.
      const key = keyOf(user);
      const client = kept.get(key);
      kept.delete(key);
      await (client?.cache ?? sharedCache.forUser(user)).remove();
    },
  };
}

export function createGraphTokenService(options: GraphTokenServiceOptions): GraphTokenService {
  const { auth, logger, sharedCache } = options;
  const credentials = msalCredentials(auth);
  const newClient = (cache?: UserTokenCache): ConfidentialClientApplication =>
    new ConfidentialClientApplication({
      auth: credentials,
      ...(cache ? { cache: { cachePlugin: cache } } : {}),
      system: {
        ...(options.networkClient ? { networkClient: options.networkClient } : {}),
        loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
      },
    });
  const scopes = [...auth.graphScopes];
  const clients = sharedCache ? clientPerUser(sharedCache, newClient) : oneClient(newClient());

  // Every Teams client the user is signed into sends the same SSO token at once: one on-behalf-of call serves
  // them all (later ones are answered from msal's cache, keyed by the token's hash).
  const exchangesInFlight = new Map<string, Promise<ExchangeOutcome>>();

  async function exchangeOnBehalfOf(user: SignedInUser, ssoToken: string, requested: readonly string[] = scopes): Promise<ExchangeOutcome> {
    const claims = readSsoTokenClaims(ssoToken);
    if (!claims || claims.oid !== user.objectId || claims.tid !== user.tenantId) {
      logger.warn("Refused to redeem an SSO token that is not the signed-in user's", { scopes: requested.join(' ') });
      return { ok: false, reason: 'invalidGrant' };
    }
    const { msal, lookup } = clients.clientFor(user);
    try {
      return await lookup(async () => {
        // msal's on-behalf-of cache lookup reads only the in-memory cache; with a shared cache, load what other
        // instances stored first, so a copy of an exchange another instance already redeemed is a cache hit.
        if (sharedCache) await msal.getTokenCache().getAllAccounts();
        const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: [...requested] });
        return result?.accessToken ? { ok: true, token: result.accessToken } : { ok: false, reason: 'failed' };
      });
    } catch (error) {
      const reason = classifyExchangeError(error);
      // Consent and an unusable SSO token are the normal path to the sign-in button: not worth a warning.
      const level = reason === 'failed' ? 'warn' : 'info';
      logger[level]('On-behalf-of exchange did not return a token', { reason, scopes: requested.join(' '), ...describeAuthError(error) });
      return { ok: false, reason };
    }
  }

  return {
    exchange(user, ssoToken) {
      const key = `${user.tenantId}.${user.objectId}\n${ssoToken}`;
      const inFlight = exchangesInFlight.get(key);
      if (inFlight) return inFlight;
      const exchange = exchangeOnBehalfOf(user, ssoToken).finally(() => exchangesInFlight.delete(key));
      exchangesInFlight.set(key, exchange);
      return exchange;
    },

    exchangeForScopes: (user, ssoToken, requested) => exchangeOnBehalfOf(user, ssoToken, requested),

    acquireSilent(user, requested = scopes) {
      const client = clients.clientFor(user);
      return client.lookup(async () => {
        const account = client.account ?? (await findAccount(client.msal, user));
        if (!account) return null;
        try {
          const result = await client.msal.acquireTokenSilent({ account, scopes: [...requested] });
          client.account = result?.accessToken ? account : undefined;
          return result?.accessToken ?? null;
        } catch (error) {
          // Signed out on another instance, or tokens that can no longer be renewed: the account is found afresh next time.
          client.account = undefined;
          logger.info('Silent Graph token renewal failed; the user will be asked to sign in', describeAuthError(error));
          return null;
        }
      });
    },

    signOut: (user) => clients.signOut(user),
  };
}
