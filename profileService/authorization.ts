import { readBearerClaims } from '../src/auth/devToken';
import { fail, ok, type Result } from '../src/domain/result';
import type { Caller } from './interestEntity';
import type { ProfileOwner } from './routes';
import { serviceErrors } from './serviceErrors';
import type { ServiceResponse } from './wire';

// Delegated permissions from the personInterest pages: least privileged first, then the higher ones.
const READ_SCOPES = ['user.read', 'user.readwrite', 'user.read.all', 'user.readwrite.all'];
const WRITE_SCOPES = ['user.readwrite', 'user.readwrite.all'];
const READ_METHODS = new Set(['GET', 'HEAD']);

const TOKEN_FAILURES = {
  missing: serviceErrors.tokenMissing,
  malformed: serviceErrors.tokenUnreadable,
  noUser: serviceErrors.tokenWithoutUser,
  expired: serviceErrors.tokenExpired,
} as const;

/** Who is calling and whether the token's scopes allow this method. */
export function authorizeCaller(authorizationHeader: string | undefined, method: string, now: Date): Result<Caller, ServiceResponse> {
  const claims = readBearerClaims(authorizationHeader, now);
  if (!claims.ok) return fail(TOKEN_FAILURES[claims.reason]());
  const granted = new Set(claims.scp.map((scope) => scope.toLowerCase()));
  const needed = READ_METHODS.has(method) ? READ_SCOPES : WRITE_SCOPES;
  if (!needed.some((scope) => granted.has(scope))) return fail(serviceErrors.insufficientScope());
  return ok({ oid: claims.oid, name: claims.name, upn: claims.upn });
}

/** `/users/{id|upn}` addresses the caller's own profile only; the caller's oid or user principal name. */
export function ownerIsCaller(owner: ProfileOwner, caller: Caller): boolean {
  if (owner.kind === 'me') return true;
  const requested = owner.idOrUpn.toLowerCase();
  return requested === caller.oid.toLowerCase() || (caller.upn !== undefined && requested === caller.upn.toLowerCase());
}
