import { AUDIENCE_LABEL_KEYS, DEFAULT_AUDIENCE, type Audience } from '../../../domain/audiences';
import { COLLABORATION_TAGS, COLLABORATION_TAG_LABEL_KEYS, type CollaborationTag } from '../../../domain/collaborationTags';
import { ok } from '../../../domain/result';
import {
  audienceNames,
  collaborationTagNames,
  validateAudience,
  validateCategories,
  validateDescription,
  validateWebUrl,
  type FieldResult,
  type TypedNames,
} from '../../../domain/validateInterest';
import { isSkipAnswer } from '../../../conversation/dialogs/answerWords';
import { PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language } from '../../../i18n/languages';
import type { Text } from '../../../i18n/text';

/**
 * Chat answers for the optional fields: "skip" (or "none", in English or the turn's language) leaves the field
 * empty; anything else the domain checks.
 */

export function parseDescriptionAnswer(answer: string, text: Text): FieldResult<string | null> {
  return isSkipAnswer(text, answer) ? ok(null) : validateDescription(answer);
}

export function parseCategoriesAnswer(answer: string, text: Text): FieldResult<string[]> {
  return isSkipAnswer(text, answer) ? ok([]) : validateCategories(answer);
}

export function parseAudienceAnswer(answer: string, text: Text): FieldResult<Audience> {
  return isSkipAnswer(text, answer) ? ok(DEFAULT_AUDIENCE) : validateAudience(answer, answerNamesOf(text).audiences);
}

export function parseLinkAnswer(answer: string, text: Text): FieldResult<string | null> {
  return isSkipAnswer(text, answer) ? ok(null) : validateWebUrl(answer);
}

/** The tag and audience names a typed answer may use in a turn's language. */
export interface AnswerNames {
  readonly tags: TypedNames<CollaborationTag>;
  readonly audiences: TypedNames<Audience>;
}

const namesByLanguage = new Map<Language, AnswerNames>();

/**
 * English names always, and the names the turn's language shows (its `collaborationTag.*` and `audience.*`
 * labels), which a refusal also offers. The pseudo-locale's accented labels are for reading: it types English.
 * Made once per language.
 */
export function answerNamesOf(text: Text): AnswerNames {
  let names = namesByLanguage.get(text.language);
  if (names === undefined) {
    const english = text.language === SOURCE_LANGUAGE || text.language === PSEUDO_LANGUAGE;
    const label = (key: Parameters<Text['t']>[0]): string => text.t(key);
    names = english
      ? { tags: collaborationTagNames(), audiences: audienceNames() }
      : {
          tags: collaborationTagNames(
            Object.fromEntries(COLLABORATION_TAGS.map((tag) => [tag, label(COLLABORATION_TAG_LABEL_KEYS[tag])])) as Record<CollaborationTag, string>,
            text.orList,
          ),
          audiences: audienceNames(Object.fromEntries((Object.keys(AUDIENCE_LABEL_KEYS) as Audience[]).map((audience) => [audience, label(AUDIENCE_LABEL_KEYS[audience])])), text.orList),
        };
    namesByLanguage.set(text.language, names);
  }
  return names;
}
