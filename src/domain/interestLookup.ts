import { findInterestByName } from './interestDraft';
import type { PersonInterest } from './personInterest';
import { findingKey } from './text';

/**
 * The interest a person names to open it (`edit <name>`, `delete <name>`, `tag <name>`): the one with the same name
 * (`findInterestByName`), else the first whose name reads the same in the reader's locale (`findingKey`: "resume"
 * finds "Résumé", "ｃｈｅｓｓ" finds "Chess"; が never finds か). For finding only: whether a new name is taken is
 * decided by `findInterestByName`, the same for every reader.
 */
export function findNamedInterest<T extends PersonInterest>(interests: readonly T[], name: string, locale: string): T | undefined {
  const same = findInterestByName(interests, name);
  if (same !== undefined) return same;
  const key = findingKey(name, locale);
  if (key === '') return undefined;
  return interests.find((interest) => typeof interest.displayName === 'string' && findingKey(interest.displayName, locale) === key);
}
