/**
 * Reads the claims of a Teams SSO token and checks that it was issued for this bot and belongs to the person
 * who sent the activity. The signature is verified by Entra when the token is redeemed on-behalf-of; these
 * checks stop a token from another user, tenant or app being redeemed in this user's conversation at all.
 */
import { fail, ok, type Result } from '../domain/result';

export interface SsoTokenClaims {
  readonly oid: string;
  readonly tid: string;
  readonly aud: string;
  readonly exp: number | undefined;
}

export type SsoTokenRejection = 'unreadable' | 'wrongUser' | 'wrongTenant' | 'wrongAudience' | 'expired';

export function readSsoTokenClaims(token: string): SsoTokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return null;
    const { oid, tid, aud, exp } = claims as Record<string, unknown>;
    if (typeof oid !== 'string' || typeof tid !== 'string' || typeof aud !== 'string') return null;
    return { oid, tid, aud, exp: typeof exp === 'number' ? exp : undefined };
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

export interface SsoTokenExpectations {
  /** `activity.from.aadObjectId`. */
  readonly userObjectId: string | undefined;
  /** The conversation's tenant (`conversation.tenantId` or `channelData.tenant.id`). */
  readonly tenantId: string | undefined;
  /** Audiences the token may carry: the Application ID URI (v1 tokens) and the app id (v2 tokens). */
  readonly audiences: readonly string[];
  readonly nowSeconds: number;
}

export function checkSsoToken(token: string, expected: SsoTokenExpectations): Result<SsoTokenClaims, SsoTokenRejection> {
  const claims = readSsoTokenClaims(token);
  if (!claims) return fail('unreadable');
  if (!expected.userObjectId || claims.oid !== expected.userObjectId) return fail('wrongUser');
  if (!expected.tenantId || claims.tid !== expected.tenantId) return fail('wrongTenant');
  if (!expected.audiences.includes(claims.aud)) return fail('wrongAudience');
  if (claims.exp !== undefined && claims.exp <= expected.nowSeconds) return fail('expired');
  return ok(claims);
}
