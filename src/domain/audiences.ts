import type { AllowedAudiences } from '@microsoft/microsoft-graph-types-beta';
import type { Message, MessageKey } from '../i18n/catalog';

/** Graph's `allowedAudiences` flags enum, written by name. */
export type Audience = AllowedAudiences;

/** Numeric flag values from Graph's beta metadata (`allowedAudiences`, IsFlags="true"); the wire has carried them as strings. */
export const AUDIENCE_FLAGS: Readonly<Record<Audience, number>> = Object.freeze({
  me: 0,
  family: 1,
  contacts: 2,
  groupMembers: 4,
  organization: 8,
  federatedOrganizations: 16,
  everyone: 32,
  unknownFutureValue: 64,
});

/** The audiences a user may choose, in the order offered. `unknownFutureValue` is never offered. */
export const SELECTABLE_AUDIENCES = ['me', 'contacts', 'groupMembers', 'organization', 'federatedOrganizations', 'everyone'] as const satisfies readonly Audience[];

/** Each audience's name as people read it, by its message in the catalogs. */
export const AUDIENCE_LABEL_KEYS: Readonly<Record<Audience, MessageKey>> = Object.freeze({
  me: 'audience.me',
  family: 'audience.family',
  contacts: 'audience.contacts',
  groupMembers: 'audience.groupMembers',
  organization: 'audience.organization',
  federatedOrganizations: 'audience.federatedOrganizations',
  everyone: 'audience.everyone',
  unknownFutureValue: 'audience.unknownFutureValue',
});

export const DEFAULT_AUDIENCE: Audience = 'organization';

const AUDIENCES_BY_FLAG: readonly Audience[] = (Object.keys(AUDIENCE_FLAGS) as Audience[]).sort(
  (a, b) => AUDIENCE_FLAGS[a] - AUDIENCE_FLAGS[b],
);

const AUDIENCES_BY_LOWERCASE_NAME: ReadonlyMap<string, Audience> = new Map(AUDIENCES_BY_FLAG.map((name) => [name.toLowerCase(), name]));

/** Every flag bit Graph defines; bits outside it are ignored when reading numbers. */
const KNOWN_FLAG_BITS = AUDIENCES_BY_FLAG.reduce((bits, name) => bits | AUDIENCE_FLAGS[name], 0);

/**
 * Reads `allowedAudiences` in every form Graph has sent: one name (`"organization"`), a comma list
 * (`"contacts, organization"`, the OData form of a flags value), the numeric flags value as a string (`"8"`, `"10"`)
 * or a number, any letter case, and (defensively) an array of any of these. Unknown parts are ignored.
 *
 * Returns distinct audiences in flag order. `me` is the flags value 0 ("nobody else"), so it is dropped when any
 * other audience is present: `"me, organization"` reads as `["organization"]`. null/undefined/empty read as `[]`.
 */
export function parseAllowedAudiences(wire: unknown): Audience[] {
  const found = new Set<Audience>();
  collectAudiences(wire, found);
  if (found.size > 1) found.delete('me');
  return AUDIENCES_BY_FLAG.filter((name) => found.has(name));
}

function collectAudiences(wire: unknown, found: Set<Audience>): void {
  if (typeof wire === 'number') {
    collectFlags(wire, found);
  } else if (typeof wire === 'string') {
    for (const part of wire.split(',')) collectAudiencePart(part.trim(), found);
  } else if (Array.isArray(wire)) {
    for (const item of wire) collectAudiences(item, found);
  }
}

function collectAudiencePart(part: string, found: Set<Audience>): void {
  if (/^\d+$/.test(part)) {
    collectFlags(Number(part), found);
    return;
  }
  const name = AUDIENCES_BY_LOWERCASE_NAME.get(part.toLowerCase());
  if (name) found.add(name);
}

function collectFlags(value: number, found: Set<Audience>): void {
  if (!Number.isSafeInteger(value) || value < 0) return;
  if (value === 0) {
    found.add('me');
    return;
  }
  for (const name of AUDIENCES_BY_FLAG) {
    const flag = AUDIENCE_FLAGS[name];
    if (flag !== 0 && (value & KNOWN_FLAG_BITS & flag) === flag) found.add(name);
  }
}

/**
 * The one audience the bot shows in a picker and writes back: the widest known audience in the value (flag values
 * grow with the audience's reach), or DEFAULT_AUDIENCE when the value names none. Never `unknownFutureValue`.
 */
export function primaryAudience(wire: unknown): Audience {
  const known = parseAllowedAudiences(wire).filter((name) => name !== 'unknownFutureValue');
  return known.at(-1) ?? DEFAULT_AUDIENCE;
}

/** What re-creating an interest writes as its audience, and whether that is the value exactly as read. */
export interface AudienceToWrite {
  /** Names in flag order, comma-separated (`"contacts,groupMembers"`): the form Graph accepts on write. */
  readonly value: string;
  /** False when the value read could not be written back, and `me` stands in for it. */
  readonly exact: boolean;
}

/** Flags a write may carry: every audience Graph defines except `unknownFutureValue`, which is no audience at all. */
const WRITABLE_FLAG_BITS = KNOWN_FLAG_BITS & ~AUDIENCE_FLAGS.unknownFutureValue;

/**
 * The audience to write so a copy is seen by exactly the people who saw the original: the same flags, by name.
 * A value that names no audience (null, absent, blank) or holds anything a write cannot carry (an unknown name,
 * `unknownFutureValue`, flag bits Graph does not define) becomes `me`, the most private one, rather than being left
 * out, which would let Graph apply its default (`organization`) and widen it.
 */
export function audienceToWrite(wire: unknown): AudienceToWrite {
  const flags = exactFlags(wire);
  if (flags === undefined) return { value: 'me', exact: false };
  const names = AUDIENCES_BY_FLAG.filter((name) => AUDIENCE_FLAGS[name] !== 0 && (flags & AUDIENCE_FLAGS[name]) === AUDIENCE_FLAGS[name]);
  return { value: names.length > 0 ? names.join(',') : 'me', exact: true };
}

/** The flags value of `wire` when every part of it is a writable audience (name or number); otherwise undefined. */
function exactFlags(wire: unknown): number | undefined {
  const parts = typeof wire === 'number' ? [String(wire)] : typeof wire === 'string' ? wire.split(',') : [];
  if (parts.length === 0) return undefined;
  let flags = 0;
  for (const raw of parts) {
    const part = raw.trim();
    const name = AUDIENCES_BY_LOWERCASE_NAME.get(part.toLowerCase());
    const bits = /^\d+$/.test(part) ? Number(part) : name !== undefined ? AUDIENCE_FLAGS[name] : undefined;
    // The size check first: bitwise operators see only the low 32 bits of a larger number.
    if (bits === undefined || bits > WRITABLE_FLAG_BITS || (bits & ~WRITABLE_FLAG_BITS) !== 0) return undefined;
    flags |= bits;
  }
  return flags;
}

const NOT_SET: readonly Message[] = Object.freeze([Object.freeze({ key: 'audience.notSet' } as const)]);

/**
 * The names of the audiences in the value as read, in flag order ("My contacts", "My organization"), for the reader
 * to put in a list; "Not set" alone when the value names no audience.
 */
export function describeAudience(wire: unknown): readonly Message[] {
  const audiences = parseAllowedAudiences(wire);
  return audiences.length === 0 ? NOT_SET : audiences.map((name) => ({ key: AUDIENCE_LABEL_KEYS[name] }));
}
