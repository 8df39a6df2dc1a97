import { randomUUID } from 'node:crypto';
import type { IdentitySet, PersonInterest } from '@microsoft/microsoft-graph-types-beta';
import { DEFAULT_AUDIENCE } from '../src/domain/audiences';
import type { InterestCreate, InterestWrite } from './interestBody';

/** Whoever the bearer token names; recorded in `createdBy` / `lastModifiedBy`. */
export interface Caller {
  readonly oid: string;
  readonly name: string | undefined;
  readonly upn: string | undefined;
}

/** A stored interest always has its server-set id. */
export type StoredInterest = PersonInterest & { id: string };

/** Graph writes seven fractional digits (`2020-07-06T06:34:12.2294868Z`); clients must read them. */
export function graphTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export function identitySetFor(caller: Caller): IdentitySet {
  return { application: null, device: null, user: { displayName: caller.name ?? null, id: caller.oid } };
}

/** Every property of the current beta model, in Graph's order, so responses carry all of them as Graph does. */
export function completeInterest(interest: StoredInterest): StoredInterest {
  return {
    id: interest.id,
    allowedAudiences: interest.allowedAudiences ?? null,
    inference: interest.inference ?? null,
    createdDateTime: interest.createdDateTime ?? null,
    createdBy: interest.createdBy ?? null,
    lastModifiedDateTime: interest.lastModifiedDateTime ?? null,
    lastModifiedBy: interest.lastModifiedBy ?? null,
    source: interest.source ?? null,
    sources: interest.sources ?? null,
    isSearchable: interest.isSearchable ?? null,
    categories: interest.categories ?? null,
    collaborationTags: interest.collaborationTags ?? null,
    description: interest.description ?? null,
    displayName: interest.displayName ?? null,
    thumbnailUrl: interest.thumbnailUrl ?? null,
    webUrl: interest.webUrl ?? null,
  };
}

export function newInterest(fields: InterestCreate, caller: Caller, now: Date): StoredInterest {
  const stamp = graphTimestamp(now);
  return completeInterest({
    allowedAudiences: DEFAULT_AUDIENCE,
    categories: [],
    collaborationTags: [],
    ...fields,
    id: randomUUID(),
    createdDateTime: stamp,
    createdBy: identitySetFor(caller),
    lastModifiedDateTime: stamp,
    lastModifiedBy: identitySetFor(caller),
  });
}

/** PATCH semantics: given scalars replace, given collections replace whole, left-out properties keep their values. */
export function updatedInterest(existing: StoredInterest, fields: InterestWrite, caller: Caller, now: Date): StoredInterest {
  return completeInterest({
    ...existing,
    ...fields,
    id: existing.id,
    lastModifiedDateTime: graphTimestamp(now),
    lastModifiedBy: identitySetFor(caller),
  });
}
