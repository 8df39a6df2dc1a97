/**
 * Delegated Graph tokens through msal-node: on-behalf-of for a Teams SSO token, then silent reuse from the one
 * shared ConfidentialClientApplication's cache (accounts found by the user's AAD object id), and sign-out.
 */
import fs from 'node:fs';
import {
  AuthError,
  ConfidentialClientApplication,
  type AccountInfo,
  type Configuration,
  type ICachePlugin,
  type INetworkModule,
} from '@azure/msal-node';
import type { AuthConfig } from '../config';
import type { Logger } from '../logger';

export interface SignedInUser {
  readonly objectId: string;
  readonly tenantId: string;
}

export type ExchangeFailure = 'consentRequired' | 'invalidGrant' | 'failed';

export type ExchangeOutcome = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: ExchangeFailure };

export interface GraphTokenService {
  /** Redeems a Teams SSO token on-behalf-of the user for the Graph scopes. */
  exchange(ssoToken: string): Promise<ExchangeOutcome>;
  /**
   * Redeems a Teams SSO token on-behalf-of the user for other scopes than the sign-in's (a feature's own, asked for
   * only when it is used). Not de-duplicated: one feature turn asks once.
   */
  exchangeForScopes(ssoToken: string, scopes: readonly string[]): Promise<ExchangeOutcome>;
  /** A cached (or silently renewed) Graph token (for the sign-in's scopes unless `scopes` is given), or null when the user must sign in again. */
  acquireSilent(user: SignedInUser, scopes?: readonly string[]): Promise<string | null>;
  signOut(user: SignedInUser): Promise<void>;
}

export interface GraphTokenServiceOptions {
  readonly auth: AuthConfig;
  readonly logger: Logger;
  /** msal-node's HTTP seam; tests route it to a local identity provider. */
  readonly networkClient?: INetworkModule;
  /** Shares the token cache between instances (see `src/storage/msalCachePlugin.ts`); in-process when absent. */
  readonly cachePlugin?: ICachePlugin;
}

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

export function createGraphTokenService(options: GraphTokenServiceOptions): GraphTokenService {
  const { auth, logger } = options;
  const msal = new ConfidentialClientApplication({
    auth: msalCredentials(auth),
    ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    system: {
      ...(options.networkClient ? { networkClient: options.networkClient } : {}),
      loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
  const scopes = [...auth.graphScopes];

  async function findAccount(user: SignedInUser): Promise<AccountInfo | undefined> {
    const accounts = await msal.getTokenCache().getAllAccounts();
    return accounts.find((account) => account.localAccountId === user.objectId && account.tenantId === user.tenantId);
  }

  // Every Teams client the user is signed into sends the same SSO token at once: one on-behalf-of call serves
  // them all (later ones are answered from msal's cache, keyed by the token's hash).
  const exchangesInFlight = new Map<string, Promise<ExchangeOutcome>>();

  async function exchangeOnBehalfOf(ssoToken: string, requested: readonly string[] = scopes): Promise<ExchangeOutcome> {
    try {
      // msal's on-behalf-of cache lookup reads only the in-memory cache; with a shared cache, load what other
      // instances stored first, so a copy of an exchange another instance already redeemed is a cache hit.
      if (options.cachePlugin) await msal.getTokenCache().getAllAccounts();
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: [...requested] });
      if (!result?.accessToken) return { ok: false, reason: 'failed' };
      return { ok: true, token: result.accessToken };
    } catch (error) {
      const reason = classifyExchangeError(error);
      // Consent and an unusable SSO token are the normal path to the sign-in button: not worth a warning.
      const level = reason === 'failed' ? 'warn' : 'info';
      logger[level]('On-behalf-of exchange did not return a token', { reason, scopes: requested.join(' '), ...describeAuthError(error) });
      return { ok: false, reason };
    }
  }

  return {
    exchange(ssoToken) {
      const inFlight = exchangesInFlight.get(ssoToken);
      if (inFlight) return inFlight;
      const exchange = exchangeOnBehalfOf(ssoToken).finally(() => exchangesInFlight.delete(ssoToken));
      exchangesInFlight.set(ssoToken, exchange);
      return exchange;
    },

    exchangeForScopes: (ssoToken, requested) => exchangeOnBehalfOf(ssoToken, requested),

    async acquireSilent(user, requested = scopes) {
      const account = await findAccount(user);
      if (!account) return null;
      try {
        const result = await msal.acquireTokenSilent({ account, scopes: [...requested] });
        return result?.accessToken ?? null;
      } catch (error) {
        logger.info('Silent Graph token renewal failed; the user will be asked to sign in', describeAuthError(error));
        return null;
      }
    },

    async signOut(user) {
      const cache = msal.getTokenCache();
      const accounts = await cache.getAllAccounts();
      await Promise.all(accounts.filter((account) => account.localAccountId === user.objectId).map((account) => cache.removeAccount(account)));
    },
  };
}
