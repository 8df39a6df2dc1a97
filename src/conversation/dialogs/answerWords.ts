import { comparisonKey } from '../../domain/text';
import type { Catalog } from '../../i18n/catalog';
import type { Language } from '../../i18n/languages';
import type { Text } from '../../i18n/text';
import { typedWordsFrom, typingCatalogsOf } from '../../i18n/typedWords';

/**
 * The short answers to typed questions, from the catalogs (`words.answer.*`): English always, and the words of the
 * turn's language. "Skip" (or "none") leaves an optional answer empty; yes and no answer a confirmation.
 */
export interface AnswerWords {
  readonly yes: ReadonlySet<string>;
  readonly no: ReadonlySet<string>;
  readonly skip: ReadonlySet<string>;
}

/** An answer as its words are compared: `comparisonKey`, with a straight apostrophe for a typographic one ("don’t"). */
function answerKey(text: string): string {
  return comparisonKey(text).replace(/[\u2018\u2019]/g, "'");
}

/** The answer words these catalogs give (English first, as `typingCatalogsOf` lists them). */
export function answerWordsFrom(catalogs: readonly Catalog[]): AnswerWords {
  const words = (key: 'words.answer.yes' | 'words.answer.no' | 'words.answer.skip'): ReadonlySet<string> => new Set(typedWordsFrom(catalogs, key).map(answerKey));
  return { yes: words('words.answer.yes'), no: words('words.answer.no'), skip: words('words.answer.skip') };
}

const byLanguage = new Map<Language, AnswerWords>();

function answerWordsOf(language: Language): AnswerWords {
  let words = byLanguage.get(language);
  if (words === undefined) {
    words = answerWordsFrom(typingCatalogsOf(language));
    byLanguage.set(language, words);
  }
  return words;
}

export function isSkipAnswer(text: Pick<Text, 'language'>, answer: string): boolean {
  return answerWordsOf(text.language).skip.has(answerKey(answer));
}

/** true for yes, false for no, undefined when the answer is neither. */
export function readYesNo(text: Pick<Text, 'language'>, answer: string): boolean | undefined {
  const key = answerKey(answer).replace(/[.!。！]+$/u, '');
  const words = answerWordsOf(text.language);
  if (words.yes.has(key)) return true;
  if (words.no.has(key)) return false;
  return undefined;
}
