import { DEV_TENANT, readBearerClaims } from '../src/auth/devToken';
import { fail, ok, type Result } from '../src/domain/result';
import type { Caller } from './interestEntity';
import { serviceErrors } from './serviceErrors';
import type { ServiceResponse } from './wire';

/** The caller as the bearer token names them, with what the token allows. */
export interface AuthenticatedCaller extends Caller {
  /** Tenant (`tid`); a token without one is taken to be of the development tenant. */
  readonly tid: string;
  /** Delegated scopes (`scp`), lower-cased. */
  readonly scopes: ReadonlySet<string>;
}

/**
 * Delegated permissions per kind of access, least privileged first (lower-cased, as compared).
 * Own profile: the personInterest pages name `User.Read` for reads and `User.ReadWrite` for writes.
 * A colleague's interests: `User.Read` covers only the signed-in user, and `User.ReadBasic.All` only a user's
 * basic properties (name, mail, photo), not profile facets; `User.Read.All` is the least privileged delegated
 * permission that reads other users' full profiles, so it is what this service asks for (a documented assumption:
 * no public page states the permission for another user's interests).
 * `/me/people`: `People.Read` (least privileged, per the people API page), `People.Read.All` above it.
 */
export const REQUIRED_SCOPES = Object.freeze({
  ownRead: ['user.read', 'user.readwrite', 'user.read.all', 'user.readwrite.all'],
  ownWrite: ['user.readwrite', 'user.readwrite.all'],
  colleagueRead: ['user.read.all', 'user.readwrite.all'],
  people: ['people.read', 'people.read.all'],
} satisfies Record<string, readonly string[]>);

export type AccessKind = keyof typeof REQUIRED_SCOPES;

const TOKEN_FAILURES = {
  missing: serviceErrors.tokenMissing,
  malformed: serviceErrors.tokenUnreadable,
  noUser: serviceErrors.tokenWithoutUser,
  expired: serviceErrors.tokenExpired,
} as const;

/** Who is calling, from the `Authorization` header; the 401 that refuses the request otherwise. */
export function authenticateCaller(authorizationHeader: string | undefined, now: Date): Result<AuthenticatedCaller, ServiceResponse> {
  const claims = readBearerClaims(authorizationHeader, now);
  if (!claims.ok) return fail(TOKEN_FAILURES[claims.reason]());
  return ok({
    oid: claims.oid,
    name: claims.name,
    upn: claims.upn,
    tid: claims.tid ?? DEV_TENANT,
    scopes: new Set(claims.scp.map((scope) => scope.toLowerCase())),
  });
}

/** undefined when the caller's token carries one of the scopes `access` needs; else Graph's 403. */
export function missingScope(caller: AuthenticatedCaller, access: AccessKind): ServiceResponse | undefined {
  return REQUIRED_SCOPES[access].some((scope) => caller.scopes.has(scope)) ? undefined : serviceErrors.insufficientScope();
}

/** True when `idOrUpn` names the caller: their oid or user principal name, in any letter case. */
export function namesCaller(idOrUpn: string, caller: Caller): boolean {
  const requested = idOrUpn.toLowerCase();
  return requested === caller.oid.toLowerCase() || (caller.upn !== undefined && requested === caller.upn.toLowerCase());
}
