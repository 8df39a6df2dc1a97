import type { AllowedAudiences } from '@microsoft/microsoft-graph-types-beta';
import { AUDIENCE_FLAGS, type Audience } from '../src/domain/audiences';

const ALL_FLAGS = Object.values(AUDIENCE_FLAGS).reduce((sum, flag) => sum | flag, 0);
const NAMES_BY_LOWERCASE = new Map(Object.keys(AUDIENCE_FLAGS).map((name) => [name.toLowerCase(), name as Audience]));

/**
 * Graph's beta types model `allowedAudiences` as one name, but the wire carries flag combinations
 * ("contacts,organization") and numeric strings ("8"). This is the one place such values are typed.
 */
export function asWireAudience(value: string): AllowedAudiences {
  return value as AllowedAudiences;
}

function namesForFlags(flags: number): Audience[] {
  const names = (Object.entries(AUDIENCE_FLAGS) as [Audience, number][]).filter(([, flag]) => flag !== 0 && (flags & flag) === flag).map(([name]) => name);
  return names.length > 0 ? names : ['me'];
}

/**
 * Reads an `allowedAudiences` literal as Graph accepts it (a name, a comma list of names, or a numeric flags string)
 * and returns it written by name, flags in ascending order. `undefined` when it is not a valid literal.
 */
export function normalizeAudienceLiteral(raw: string): AllowedAudiences | undefined {
  const text = raw.trim();
  if (/^\d+$/.test(text)) {
    const flags = Number(text);
    return flags <= ALL_FLAGS ? asWireAudience(namesForFlags(flags).join(',')) : undefined;
  }
  const names = text.split(',').map((part) => NAMES_BY_LOWERCASE.get(part.trim().toLowerCase()));
  if (names.length === 0 || names.some((name) => name === undefined)) return undefined;
  const flags = names.reduce((sum, name) => sum | (name ? AUDIENCE_FLAGS[name] : 0), 0);
  return asWireAudience(namesForFlags(flags).join(','));
}
