import type { Catalog, MessageKey } from './catalog';
import { CATALOGS } from './catalogs';
import { PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language } from './languages';

/** The catalog messages that hold words people type (`words.*`): alternatives separated by `|`, the first shown. */
export type TypedWordsKey = Extract<MessageKey, `words.${string}`>;

/** The words of one command (`words.command.list`). */
export type CommandWordsKey = Extract<MessageKey, `words.command.${string}`>;

/**
 * How typed words are compared: whitespace runs collapsed to one space, trimmed, lower case. The command table
 * reads a message the same way (`conversation/commandText.ts` uses this), so a word in a catalog matches what a
 * person types however they spaced or capitalized it.
 */
export function typedKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A message's alternatives as written, in order, blanks dropped: the first is the one a card shows. */
export function alternativesIn(catalog: Catalog, key: TypedWordsKey): string[] {
  return catalog[key]
    .split('|')
    .map((word) => word.replace(/\s+/g, ' ').trim())
    .filter((word) => word !== '');
}

/**
 * The words understood for `key` with these catalogs, compared as `typedKey` compares them, without repeats: the
 * first catalog's alternatives first (English, which is always understood), then each next one's.
 */
export function typedWordsFrom(catalogs: readonly Catalog[], key: TypedWordsKey): string[] {
  return [...new Set(catalogs.flatMap((catalog) => alternativesIn(catalog, key).map(typedKey)))];
}

/**
 * The catalogs whose words a turn in `language` understands: English always, and the language's own. The
 * pseudo-locale types English: its accented words are for reading, nobody types them.
 */
export function typingCatalogsOf(language: Language): readonly Catalog[] {
  if (language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE) return [CATALOGS[SOURCE_LANGUAGE]];
  return [CATALOGS[SOURCE_LANGUAGE], CATALOGS[language]];
}

/** The catalog whose words a card shows a turn in `language` (English for the pseudo-locale: those are what work). */
export function shownCatalogOf(language: Language): Catalog {
  return CATALOGS[language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : language];
}

const understood = new Map<Language, Map<TypedWordsKey, ReadonlySet<string>>>();

/** The words understood for `key` in a turn in `language` (English and the language's own), made once per language. */
export function typedWordsOf(language: Language, key: TypedWordsKey): ReadonlySet<string> {
  let table = understood.get(language);
  if (table === undefined) {
    table = new Map();
    understood.set(language, table);
  }
  let words = table.get(key);
  if (words === undefined) {
    words = new Set(typedWordsFrom(typingCatalogsOf(language), key));
    table.set(key, words);
  }
  return words;
}
