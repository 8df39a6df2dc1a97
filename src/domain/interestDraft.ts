import { primaryAudience } from './audiences';
import { isCollaborationTag } from './collaborationTags';
import type { InterestDraft, PersonInterest } from './personInterest';
import { comparisonKey } from './text';
import { stringsOf, textOrEmpty, textOrNull } from './wireValues';

/**
 * The writable fields of a Graph item, as the edit form starts from and Undo re-creates. Values are read
 * defensively (Graph items are only typed, not checked): missing text becomes '' or null, the audience becomes its
 * primary audience, and tags outside the known four are dropped. Everything else is kept exactly as stored, so
 * `diffInterest(item, draftFromInterest(item))` is always empty.
 */
export function draftFromInterest(interest: PersonInterest): InterestDraft {
  return {
    displayName: textOrEmpty(interest.displayName),
    description: textOrNull(interest.description),
    categories: stringsOf(interest.categories),
    collaborationTags: collaborationTagsOf(interest),
    allowedAudiences: primaryAudience(interest.allowedAudiences),
    webUrl: textOrNull(interest.webUrl),
  };
}

/** A stored item's known tags, as its draft holds them: for a view that needs only those, and for a diff against a draft. */
export function collaborationTagsOf(interest: PersonInterest): InterestDraft['collaborationTags'] {
  return stringsOf(interest.collaborationTags).filter(isCollaborationTag);
}

/**
 * The interest whose name matches `name` ignoring case, surrounding and repeated whitespace, and Unicode form
 * ("edit chess" finds "Chess"; adding " CHESS " finds the existing one). The first match wins.
 */
export function findInterestByName<T extends PersonInterest>(interests: readonly T[], name: string): T | undefined {
  const key = comparisonKey(name);
  if (key === '') return undefined;
  return interests.find((interest) => typeof interest.displayName === 'string' && comparisonKey(interest.displayName) === key);
}
