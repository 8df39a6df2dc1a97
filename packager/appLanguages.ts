/**
 * The languages of the app package: the bot's shipped catalogs, English (the source) in `manifest.json` and each
 * other language in a language file at the zip root that Teams reads through `localizationInfo`.
 */
import { CATALOGS } from '../src/i18n/catalogs';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE } from '../src/i18n/languages';
import type { MessageCatalog } from './catalogReferences';

/** Catalogs by the bot's language tag (`de`, `pt`), the source language's included. */
export type AppCatalogs = Readonly<Record<string, MessageCatalog>>;

/** Every language the bot ships, in `SHIPPED_LANGUAGES` order: a new catalog there is a new language file here. */
export const SHIPPED_CATALOGS: AppCatalogs = Object.freeze(Object.fromEntries(SHIPPED_LANGUAGES.map((language) => [language, CATALOGS[language]])));

/** The language `manifest.json` itself is written in. */
export const MANIFEST_SOURCE_LANGUAGE: string = SOURCE_LANGUAGE;

/**
 * Teams serves a language file to the user whose Teams language matches its tag exactly, else its language alone
 * (`fr` for `fr-CA`), else the manifest's own. A language-only tag therefore reaches every region, which is right
 * where one catalog serves them all (`de`, `fr`, `es`, `ja`), and for Portuguese: the bot answers every `pt-*` user
 * in its Brazilian catalog, so the app's name reaches them all too (`pt`). Simplified Chinese must not reach
 * Traditional readers (`zh-TW`, `zh-HK`), whom the bot answers in English, so it is declared for its region alone.
 */
const CATALOG_TAGS: Readonly<Record<string, string>> = { zh: 'zh-CN', pt: 'pt' };

/** The tag a language is declared with in `localizationInfo` (`de`, `pt`, `zh-CN`). */
export function manifestLanguageTag(language: string): string {
  const locale = new Intl.Locale(language);
  return CATALOG_TAGS[locale.language] ?? (locale.region === undefined ? locale.language : `${locale.language}-${locale.region}`);
}

/** The language file's name at the zip root (`de.json`, `zh-CN.json`). */
export function languageFileName(languageTag: string): string {
  return `${languageTag}.json`;
}
