import { primaryAudience } from './audiences';
import { collaborationTagsOf } from './interestDraft';
import type { InterestDraft, InterestPatch, PersonInterest } from './personInterest';
import { stringsOf, textOrEmpty, textOrNull } from './wireValues';

/**
 * The minimal PATCH body that turns `before` into `after`: only writable properties whose value changed (the
 * update docs ask callers not to send unchanged values). How each property counts as unchanged:
 * - text: '' / null / missing are all "no value", so a null description stays unchanged against null or ''.
 * - categories: same strings in the same order. Graph replaces the collection whole and shows it in stored
 *   order, so a reorder is a change and is written.
 * - collaborationTags: same set of known tags, in any order (they are flags with no order; the bot always
 *   writes them in offered order). Unknown tags on `before` are ignored: they are not written back unless the
 *   tags are changed, when the whole collection is replaced by `after`'s.
 * - allowedAudiences: the same primary audience (see `primaryAudience`), so "8" vs "organization" is unchanged,
 *   an unset value matches DEFAULT_AUDIENCE, and a multi-audience value like "contacts,organization" is not
 *   narrowed by saving an edit that kept its primary audience.
 */
export function diffInterest(before: PersonInterest | InterestDraft, after: InterestDraft): InterestPatch {
  const patch: InterestPatch = {};
  if (textOrEmpty(before.displayName) !== after.displayName) patch.displayName = after.displayName;
  if (textOrNull(before.description) !== textOrNull(after.description)) patch.description = textOrNull(after.description);
  if (textOrNull(before.webUrl) !== textOrNull(after.webUrl)) patch.webUrl = textOrNull(after.webUrl);
  if (!sameSequence(stringsOf(before.categories), after.categories)) patch.categories = [...after.categories];
  if (!sameSet(collaborationTagsOf(before), after.collaborationTags)) {
    patch.collaborationTags = [...after.collaborationTags];
  }
  const afterAudience = primaryAudience(after.allowedAudiences);
  if (primaryAudience(before.allowedAudiences) !== afterAudience) patch.allowedAudiences = afterAudience;
  return patch;
}

/** True when the patch would change nothing (so no request needs to be made). */
export function isEmptyPatch(patch: InterestPatch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
