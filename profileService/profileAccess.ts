import { DEV_TENANT } from '../src/auth/devToken';
import { fail, ok, type Result } from '../src/domain/result';
import { visibleToColleagues } from './audienceVisibility';
import { missingScope, namesCaller, type AuthenticatedCaller } from './authorization';
import type { StoredInterest } from './interestEntity';
import type { ProfileOwner } from './routes';
import { serviceErrors } from './serviceErrors';
import type { UserDirectory } from './userDirectory';
import type { ServiceResponse } from './wire';

/** The profile a request reads or changes, and which of its interests the caller may see. */
export interface ProfileTarget {
  readonly oid: string;
  readonly isOwn: boolean;
  readonly visible: (interest: StoredInterest) => boolean;
}

export interface ProfileLookup {
  readonly directory: UserDirectory;
  readonly hasProfile: (oid: string) => boolean;
  /** True while the fault switch makes colleagues read every item (`FaultController.ignoreAudiences`). */
  readonly audiencesIgnored: () => boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
const everything = (): boolean => true;
const byAudience = (interest: StoredInterest): boolean => visibleToColleagues(interest.allowedAudiences);

function tenantOf(idOrUpn: string, lookup: ProfileLookup): { oid: string; tid: string } | undefined {
  const known = lookup.directory.find(idOrUpn);
  if (known) return known;
  // A stored profile whose owner has not called since start-up: every token without `tid` is of DEV_TENANT.
  return lookup.hasProfile(idOrUpn) ? { oid: idOrUpn, tid: DEV_TENANT } : undefined;
}

/**
 * Who may do what with a profile:
 * - the caller's own (`me`, or their oid/UPN): reads with a read scope, writes with a write scope;
 * - a colleague's (same tenant): reads only, with `User.Read.All`, and only items whose audience reaches the
 *   organization (see audienceVisibility.ts); an item the caller may not see does not exist for them (404);
 * - writes to anyone else's profile: 404 `UnknownError`, as the real profile service answered;
 * - a user of another tenant, or nobody known: 404 `Request_ResourceNotFound`, because Graph resolves
 *   `/users/{id}` in the caller's tenant and such a user is not there (Graph does not say 403 for it).
 */
export function resolveProfileAccess(owner: ProfileOwner, method: string, caller: AuthenticatedCaller, lookup: ProfileLookup): Result<ProfileTarget, ServiceResponse> {
  const reading = READ_METHODS.has(method);
  const own = owner.kind === 'me' || namesCaller(owner.idOrUpn, caller);
  const ownScopeProblem = missingScope(caller, reading ? 'ownRead' : 'ownWrite');
  if (own) return ownScopeProblem ? fail(ownScopeProblem) : ok({ oid: caller.oid, isOwn: true, visible: everything });
  if (!reading) return fail(ownScopeProblem ?? serviceErrors.otherUsersProfile());
  const colleagueScopeProblem = missingScope(caller, 'colleagueRead');
  if (colleagueScopeProblem) return fail(colleagueScopeProblem);
  const target = tenantOf(owner.idOrUpn, lookup);
  if (!target || target.tid !== caller.tid) return fail(serviceErrors.userNotFound(owner.idOrUpn));
  return ok({ oid: target.oid, isOwn: false, visible: lookup.audiencesIgnored() ? everything : byAudience });
}
