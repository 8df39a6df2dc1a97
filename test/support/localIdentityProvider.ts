/**
 * A local stand-in for Microsoft Entra ID on 127.0.0.1: instance discovery, OpenID metadata, JWKS and a token
 * endpoint for the on-behalf-of grant and the client-credentials grant (checking the app's registered secret or
 * certificate). It issues Teams-style SSO tokens for tests, redeems them (checking its own
 * signature, like Entra), and can answer consent-required (AADSTS65001) or invalid_grant. Also publishes Bot
 * Framework channel OpenID metadata so inbound JWT validation runs against it.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigningKey, nowSeconds, signJwt, verifyJwt } from './jwt';

export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export type OboMode = 'ok' | 'consentRequired' | 'invalidGrant';

export interface IssuedUser {
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
}

export interface LocalIdentityProvider {
  /** http://127.0.0.1:PORT — what PUBLIC_AUTHORITY_HOST is routed to. */
  readonly url: string;
  readonly calls: { total: number; token: number; metadata: number };
  /** What the next token requests answer. */
  setOboMode(mode: OboMode): void;
  /** On-behalf-of requests asking for any of these scopes get AADSTS65001 (not consented); others are served. */
  setRefusedScopes(scopes: readonly string[]): void;
  /** The scopes of every on-behalf-of request, in order (without openid, profile, offline_access). */
  readonly requestedScopes: string[][];
  /** Lifetime of issued Graph access tokens. */
  setAccessTokenLifetimeSeconds(seconds: number): void;
  issueSsoToken(user: IssuedUser, options?: { audience?: string; expiresInSeconds?: number }): string;
  /** A Bot Framework channel token (what Teams' connector sends to the bot). */
  issueChannelToken(claims: Record<string, unknown>, options?: { signWithUnknownKey?: boolean }): string;
  readonly channelIssuer: string;
  readonly channelOpenIdMetadataUrl: string;
  close(): Promise<void>;
}

/** The app's registered credentials, for client-credentials requests; without them every such request is refused. */
export interface RegisteredAppCredentials {
  readonly secret?: string;
  /** The certificate uploaded to the app registration (PEM); assertions must name its thumbprint and be signed by its key. */
  readonly certificatePem?: string;
}

export async function startLocalIdentityProvider(options: {
  clientId: string;
  applicationIdUri: string;
  appCredentials?: RegisteredAppCredentials;
}): Promise<LocalIdentityProvider> {
  const ssoKey = createSigningKey('sso-key');
  const graphKey = createSigningKey('graph-key');
  const channelKey = createSigningKey('channel-key');
  const strangerKey = createSigningKey('channel-key');
  const calls = { total: 0, token: 0, metadata: 0 };
  let oboMode: OboMode = 'ok';
  let refusedScopes: readonly string[] = [];
  const requestedScopes: string[][] = [];
  let accessTokenLifetime = 3600;
  let baseUrl = '';
  const channelIssuer = 'https://api.botframework.com';

  const json = (res: http.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: http.IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const oauthError = (res: http.ServerResponse, error: string, description: string, extra: Record<string, unknown> = {}): void =>
    json(res, 400, { error, error_description: description, error_codes: [Number(description.slice(7, 12))], timestamp: new Date().toISOString(), trace_id: 'trace', correlation_id: 'corr', ...extra });

  function tenantMetadata(tenant: string) {
    const base = `${PUBLIC_AUTHORITY_HOST}/${tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    };
  }

  /** Entra checks a certificate assertion against the registered certificate: its thumbprint in `x5t` and its signature. */
  function acceptsAssertion(assertion: string, certificatePem: string): boolean {
    const [head = '', body = '', signature = ''] = assertion.split('.');
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string; x5t?: string };
    const certificate = new crypto.X509Certificate(certificatePem);
    const thumbprint = Buffer.from(certificate.fingerprint.replace(/:/g, ''), 'hex').toString('base64url');
    if (header.alg !== 'RS256' || header.x5t !== thumbprint) return false;
    return crypto.verify('RSA-SHA256', Buffer.from(`${head}.${body}`), certificate.publicKey, Buffer.from(signature, 'base64url'));
  }

  function issueAppToken(form: URLSearchParams, res: http.ServerResponse, tenant: string): void {
    // Entra's codes are longer than five digits here, so they are given whole.
    if (form.get('client_id') !== options.clientId) {
      return oauthError(res, 'unauthorized_client', 'AADSTS700016: Application not found in the directory.', { error_codes: [700016] });
    }
    const registered = options.appCredentials ?? {};
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null && secret !== registered.secret) {
      return oauthError(res, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.', { error_codes: [7000215] });
    }
    if (secret === null && (assertion === null || !registered.certificatePem || !acceptsAssertion(assertion, registered.certificatePem))) {
      return oauthError(res, 'invalid_client', 'AADSTS700027: Client assertion failed signature validation.', { error_codes: [700027] });
    }
    const iat = nowSeconds();
    const accessToken = signJwt({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tenant}/`, tid: tenant, appid: options.clientId, idtyp: 'app', iat, nbf: iat, exp: iat + 3599 }, graphKey);
    json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  }

  async function redeem(req: http.IncomingMessage, res: http.ServerResponse, tenant: string): Promise<void> {
    calls.token += 1;
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') === 'refresh_token') {
      return oauthError(res, 'invalid_grant', 'AADSTS70000: refresh of on-behalf-of tokens is not offered by this provider.');
    }
    if (form.get('grant_type') === 'client_credentials') return issueAppToken(form, res, tenant);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || form.get('requested_token_use') !== 'on_behalf_of') {
      return oauthError(res, 'unsupported_grant_type', 'AADSTS70003: only on-behalf-of and client credentials are supported here.');
    }
    if (form.get('client_id') !== options.clientId) return oauthError(res, 'unauthorized_client', 'AADSTS70001: unknown client.');
    const claims = verifyJwt(form.get('assertion') ?? '', ssoKey);
    if (!claims || claims.aud !== options.applicationIdUri || (typeof claims.exp === 'number' && claims.exp <= nowSeconds())) {
      return oauthError(res, 'invalid_grant', 'AADSTS50013: Assertion failed signature validation or is expired.');
    }
    const scope = (form.get('scope') ?? '').split(' ').filter((s) => s !== '' && !['openid', 'profile', 'offline_access'].includes(s));
    requestedScopes.push(scope);
    if (oboMode === 'consentRequired' || scope.some((s) => refusedScopes.includes(s))) {
      return oauthError(res, 'invalid_grant', "AADSTS65001: The user or administrator has not consented to use the application.", { suberror: 'consent_required' });
    }
    if (oboMode === 'invalidGrant') return oauthError(res, 'invalid_grant', 'AADSTS50173: The provided grant has expired due to it being revoked.');
    const oid = String(claims.oid);
    const tid = String(claims.tid);
    const iat = nowSeconds();
    // The sign-in's scopes, plus whatever else was asked for and granted.
    const scp = [...new Set(['User.Read', 'User.ReadWrite', ...scope])].join(' ');
    const accessToken = signJwt({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tid}/`, oid, tid, scp, name: claims.name ?? 'Test User', iat, nbf: iat, exp: iat + accessTokenLifetime }, graphKey);
    const idToken = signJwt({ aud: options.clientId, iss: `https://login.microsoftonline.com/${tid}/v2.0`, oid, tid, sub: `sub-${oid}`, name: claims.name ?? 'Test User', preferred_username: `${oid}@example.test`, iat, nbf: iat, exp: iat + 3600, ver: '2.0' }, ssoKey);
    json(res, 200, {
      token_type: 'Bearer',
      scope: scope.join(' '),
      expires_in: accessTokenLifetime,
      ext_expires_in: accessTokenLifetime,
      access_token: accessToken,
      id_token: idToken,
      client_info: Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url'),
    });
    void tenant;
  }

  const server = http.createServer((req, res) => {
    calls.total += 1;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    void (async () => {
      if (url.pathname === '/common/discovery/instance') {
        calls.metadata += 1;
        const host = new URL(PUBLIC_AUTHORITY_HOST).host;
        return json(res, 200, {
          tenant_discovery_endpoint: `${PUBLIC_AUTHORITY_HOST}/{tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        });
      }
      if (parts[1] === 'v2.0' && parts[2] === '.well-known') {
        calls.metadata += 1;
        return json(res, 200, tenantMetadata(parts[0] ?? 'common'));
      }
      if (parts[1] === 'discovery' && parts.at(-1) === 'keys') return json(res, 200, { keys: [ssoKey.jwk] });
      if (parts[1] === 'oauth2' && parts.at(-1) === 'token' && req.method === 'POST') return redeem(req, res, parts[0] ?? '');
      if (url.pathname === '/botframework/.well-known/openidconfiguration') {
        return json(res, 200, { issuer: channelIssuer, jwks_uri: `${baseUrl}/botframework/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
      }
      if (url.pathname === '/botframework/keys') return json(res, 200, { keys: [{ ...channelKey.jwk, endorsements: ['msteams', 'test'] }] });
      json(res, 404, { error: 'not_found' });
    })().catch(() => json(res, 500, { error: 'server_error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    calls,
    channelIssuer,
    channelOpenIdMetadataUrl: `${baseUrl}/botframework/.well-known/openidconfiguration`,
    setOboMode: (mode) => {
      oboMode = mode;
    },
    setRefusedScopes: (scopes) => {
      refusedScopes = [...scopes];
    },
    requestedScopes,
    setAccessTokenLifetimeSeconds: (seconds) => {
      accessTokenLifetime = seconds;
    },
    issueSsoToken: (user, tokenOptions = {}) => {
      const iat = nowSeconds();
      return signJwt({ aud: tokenOptions.audience ?? options.applicationIdUri, iss: `https://sts.windows.net/${user.tid}/`, oid: user.oid, tid: user.tid, name: user.name ?? 'Test User', scp: 'access_as_user', iat, nbf: iat, exp: iat + (tokenOptions.expiresInSeconds ?? 3600) }, ssoKey);
    },
    issueChannelToken: (claims, tokenOptions = {}) => signJwt(claims, tokenOptions.signWithUnknownKey ? strangerKey : channelKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
