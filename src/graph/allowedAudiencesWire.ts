import type { Audience } from '../domain/audiences';

/**
 * Keeps Graph's `allowedAudiences` as it came: one name, a comma list of flags (`"contacts,groupMembers"`) or a
 * numeric flags string (`"10"`). It is not narrowed to one audience, because what is read may be written back
 * (Undo re-creates an interest from it) and a combination collapsed to one member would be written wider or
 * narrower than it was. Everything that interprets it reads any of these forms (`parseAllowedAudiences`,
 * `primaryAudience`, `formatAudience`, `audienceToWrite`). A number is kept as its decimal text, a list of strings
 * as a comma list; a value of another kind becomes `unknownFutureValue` rather than failing the whole item; an
 * absent one is null.
 */
export function readAllowedAudiences(value: unknown): Audience | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return asWireAudience(value);
  if (typeof value === 'number') return asWireAudience(String(value));
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return asWireAudience(value.join(','));
  return 'unknownFutureValue';
}

/**
 * Graph's beta types name one audience, but the wire carries flag combinations and numeric strings: this is the
 * one place the bot gives such a value that type.
 */
function asWireAudience(value: string): Audience {
  return value as Audience;
}
