import { DEFAULT_AUDIENCE, type Audience } from '../../../domain/audiences';
import { ok } from '../../../domain/result';
import { validateAudience, validateCategories, validateDescription, validateWebUrl, type FieldResult } from '../../../domain/validateInterest';
import { isSkipAnswer } from '../../../conversation/dialogs/answerWords';

/** Chat answers for the optional fields: "skip" (or "none") leaves the field empty; anything else the domain checks. */

export function parseDescriptionAnswer(text: string): FieldResult<string | null> {
  return isSkipAnswer(text) ? ok(null) : validateDescription(text);
}

export function parseCategoriesAnswer(text: string): FieldResult<string[]> {
  return isSkipAnswer(text) ? ok([]) : validateCategories(text);
}

export function parseAudienceAnswer(text: string): FieldResult<Audience> {
  return isSkipAnswer(text) ? ok(DEFAULT_AUDIENCE) : validateAudience(text);
}

export function parseLinkAnswer(text: string): FieldResult<string | null> {
  return isSkipAnswer(text) ? ok(null) : validateWebUrl(text);
}
