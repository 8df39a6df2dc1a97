/**
 * Development access tokens for the local profile service.
 *
 * A dev token is an unsigned JWT (`alg: none`, empty signature) whose claims name the user (`oid`) and the
 * delegated scopes (`scp`). The local service reads any JWT without verifying its signature, so tokens minted
 * here and tokens issued by a test identity provider both work. Never accept these outside local development.
 */

export const DEFAULT_DEV_SCOPES = 'User.Read User.ReadWrite';

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const DEV_ISSUER = 'https://local-profile-service.invalid/';
/** The tenant of dev tokens minted without `tid`. */
export const DEV_TENANT = '00000000-0000-0000-0000-000000000001';

export interface DevTokenClaims {
  oid: string;
  tid?: string;
  name?: string;
  /** Space-separated delegated scopes; defaults to `User.Read User.ReadWrite`. */
  scp?: string;
  /** Lets `/users/{userPrincipalName}/...` address the caller. */
  upn?: string;
}

export interface DevTokenOptions {
  now?: Date;
  /** Adds an `exp` claim; without it the token never expires. */
  expiresInSeconds?: number;
}

export type BearerClaims =
  | { readonly ok: true; readonly oid: string; readonly scp: string[]; readonly name: string | undefined; readonly upn: string | undefined; readonly tid: string | undefined }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'noUser' | 'expired' };

function base64UrlJson(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function mintDevToken(claims: DevTokenClaims, options: DevTokenOptions = {}): string {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const payload = {
    aud: GRAPH_AUDIENCE,
    iss: DEV_ISSUER,
    iat: issuedAt,
    ...(options.expiresInSeconds !== undefined ? { exp: issuedAt + options.expiresInSeconds } : {}),
    oid: claims.oid,
    sub: claims.oid,
    tid: claims.tid ?? DEV_TENANT,
    ...(claims.name !== undefined ? { name: claims.name } : {}),
    ...(claims.upn !== undefined ? { upn: claims.upn } : {}),
    scp: claims.scp ?? DEFAULT_DEV_SCOPES,
  };
  return `${base64UrlJson({ alg: 'none', typ: 'JWT' })}.${base64UrlJson(payload)}.`;
}

function decodePayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

const nonEmptyString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Reads the caller from an `Authorization: Bearer <jwt>` header. The signature is NOT verified: this is the
 * development stand-in's whole trust model. The user is `oid` (fallback `sub`); scopes come from `scp`.
 */
export function readBearerClaims(authorizationHeader: string | undefined, now: Date = new Date()): BearerClaims {
  const match = /^Bearer\s+(\S*)\s*$/i.exec(authorizationHeader?.trim() ?? '');
  if (!match?.[1]) return { ok: false, reason: 'missing' };
  const payload = decodePayload(match[1]);
  if (!payload) return { ok: false, reason: 'malformed' };
  const oid = nonEmptyString(payload.oid) ?? nonEmptyString(payload.sub);
  if (!oid) return { ok: false, reason: 'noUser' };
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  const scp = typeof payload.scp === 'string' ? payload.scp.split(/\s+/).filter(Boolean) : [];
  const upn = nonEmptyString(payload.upn) ?? nonEmptyString(payload.preferred_username) ?? nonEmptyString(payload.unique_name);
  return { ok: true, oid, scp, name: nonEmptyString(payload.name), upn, tid: nonEmptyString(payload.tid) };
}
