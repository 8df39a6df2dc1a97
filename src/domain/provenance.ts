import type { Message, MessageKey } from '../i18n/catalog';
import { knownDate } from './knownDate';
import type { PersonInterest } from './personInterest';
import { asRecord, textOrNull } from './wireValues';

export type InterestOrigin = 'you' | 'synced' | 'inferred';

/** Where an interest came from, worded for a card. Dates are null when unknown (missing or placeholder). */
export interface Provenance {
  origin: InterestOrigin;
  /** "Added by you", "Synced from Workday": the source's name, when it has one, is Graph's text, not yet escaped. */
  source: Message;
  created: Date | null;
  lastModified: Date | null;
}

/**
 * Friendly words for the applications that sync profile items. "UPA" is SharePoint's User Profile Application:
 * items synced from it arrive with `createdBy.application.displayName "UPA"`, `id: null` and no user.
 */
const KNOWN_SOURCES: Readonly<Record<string, MessageKey>> = Object.freeze({
  upa: 'provenance.syncedFromSharePoint',
});

/**
 * Classifies an item, most specific first: `inference` present means Microsoft 365 suggested it; a user in
 * `createdBy` means a person added it; otherwise an application in `createdBy`, or a non-user `source.type`
 * (either shape: `{type: string[]}` now, `{type: string}` in older responses), means it was synced in.
 * An item with none of these reads as added by the person.
 */
export function describeProvenance(interest: PersonInterest): Provenance {
  return {
    ...describeOrigin(interest),
    created: knownDate(interest.createdDateTime),
    lastModified: knownDate(interest.lastModifiedDateTime),
  };
}

const ADDED_BY_YOU = Object.freeze({ origin: 'you', source: Object.freeze({ key: 'provenance.addedByYou' }) } as const);

function describeOrigin(interest: PersonInterest): Pick<Provenance, 'origin' | 'source'> {
  const inference = asRecord(interest.inference);
  if (inference) {
    return { origin: 'inferred', source: { key: inference.userHasVerifiedAccuracy === true ? 'provenance.suggestedConfirmed' : 'provenance.suggested' } };
  }
  const createdBy = asRecord(interest.createdBy);
  if (identityName(createdBy?.user) !== null || textOrNull(asRecord(createdBy?.user)?.id) !== null) return ADDED_BY_YOU;
  const syncedFrom = identityName(createdBy?.application) ?? sourceTypes(interest.source).join(', ');
  if (syncedFrom !== '') return { origin: 'synced', source: syncedSource(syncedFrom) };
  return ADDED_BY_YOU;
}

function syncedSource(name: string): Message {
  const lowercase = name.toLowerCase();
  return Object.hasOwn(KNOWN_SOURCES, lowercase) ? { key: KNOWN_SOURCES[lowercase] as MessageKey } : { key: 'provenance.syncedFrom', values: { source: name } };
}

function identityName(identity: unknown): string | null {
  const name = textOrNull(asRecord(identity)?.displayName);
  return name === null || name.trim() === '' ? null : name.trim();
}

/** `source.type` in either shape, without "user" (which means the person entered it, not a sync). */
function sourceTypes(source: unknown): string[] {
  const type = asRecord(source)?.type;
  const types = Array.isArray(type) ? type : [type];
  return types
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim())
    .filter((item) => item !== '' && item.toLowerCase() !== 'user');
}
