import { AUDIENCE_FLAGS, parseAllowedAudiences, type Audience } from '../domain/audiences';

/**
 * Reads Graph's `allowedAudiences` (names, comma lists or numeric flag strings: the domain's
 * `parseAllowedAudiences`) as one audience for a `PersonInterest`. A combination is shown as its widest member, so
 * the user is never told an item is more private than it is. A value the bot cannot read becomes
 * `unknownFutureValue` rather than failing the whole item; an absent one stays null.
 */
export function readAllowedAudiences(value: unknown): Audience | null {
  // The form Graph sends today, one audience by name, read without the general parser (every listed item has one).
  if (typeof value === 'string' && Object.hasOwn(AUDIENCE_FLAGS, value)) return value as Audience;
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const known = parseAllowedAudiences(value).filter((audience) => audience !== 'unknownFutureValue');
  // parseAllowedAudiences lists audiences in flag order, narrowest first.
  return known.at(-1) ?? 'unknownFutureValue';
}
