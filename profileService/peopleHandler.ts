import { colleagueProfile } from './seedColleagues';
import { serviceErrors } from './serviceErrors';
import type { DirectoryUser, UserDirectory } from './userDirectory';
import { jsonResponse, type ServiceResponse } from './wire';

/**
 * `GET /beta/me/people`: the people the caller works with most, as Graph's `person` resources. Locally that is
 * the caller's tenant in the user directory (seeded colleagues first, then users seen), never the caller.
 * Graph ranks by communication and collaboration signals, which a stand-in does not have.
 */
export const DEFAULT_PEOPLE_PAGE = 25;
const MAX_PEOPLE_PAGE = 1000;
const SUPPORTED_OPTIONS = new Set(['$top', '$skip', '$select']);

function nonNegativeInteger(text: string | null): number | undefined {
  return text !== null && /^\d+$/.test(text) ? Number(text) : undefined;
}

function personOf(user: DirectoryUser, rank: number): Record<string, unknown> {
  const profile = colleagueProfile(user.oid);
  const [givenName, ...rest] = (user.displayName ?? '').split(' ');
  return {
    id: user.oid,
    displayName: user.displayName ?? null,
    givenName: givenName || null,
    surname: rest.join(' ') || null,
    jobTitle: profile?.jobTitle ?? null,
    department: profile?.department ?? null,
    userPrincipalName: user.upn ?? null,
    scoredEmailAddresses: user.upn ? [{ address: user.upn, relevanceScore: Math.max(1, 30 - rank), selectionLikelihood: 'notSpecified' }] : [],
    personType: { class: 'Person', subclass: 'OrganizationUser' },
  };
}

/** `$select=id,jobTitle`: only those properties (and always `id`, as Graph does); undefined when absent or empty. */
function selectedProperties(params: URLSearchParams): Set<string> | undefined {
  const selected = (params.get('$select') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return selected.length === 0 ? undefined : new Set(['id', ...selected]);
}

function withOnly(person: Record<string, unknown>, selected: Set<string> | undefined): Record<string, unknown> {
  return selected === undefined ? person : Object.fromEntries(Object.entries(person).filter(([name]) => selected.has(name)));
}

export function listPeople(directory: UserDirectory, caller: { oid: string; tid: string }, params: URLSearchParams, origin: string): ServiceResponse {
  for (const name of params.keys()) {
    if (name.startsWith('$') && !SUPPORTED_OPTIONS.has(name)) return serviceErrors.badQuery(`The query option '${name}' is not supported by this service.`);
  }
  const top = params.has('$top') ? nonNegativeInteger(params.get('$top')) : DEFAULT_PEOPLE_PAGE;
  if (top === undefined || top < 1 || top > MAX_PEOPLE_PAGE) return serviceErrors.badQuery(`Invalid value for $top: it must be an integer from 1 to ${MAX_PEOPLE_PAGE}.`);
  const skip = params.has('$skip') ? nonNegativeInteger(params.get('$skip')) : 0;
  if (skip === undefined) return serviceErrors.badQuery('Invalid value for $skip: it must be a non-negative integer.');
  const people = directory.colleaguesOf(caller.oid, caller.tid).slice(skip, skip + top);
  const selected = selectedProperties(params);
  return jsonResponse(200, {
    '@odata.context': `${origin}/beta/$metadata#users('${caller.oid}')/people`,
    value: people.map((user, index) => withOnly(personOf(user, skip + index), selected)),
  });
}
