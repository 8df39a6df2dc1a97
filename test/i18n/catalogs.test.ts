/**
 * The catalogs are whole and honest: every language has exactly English's keys, each message parses as ICU
 * MessageFormat with the same placeholders as English's, and no language passes by copying English (a reviewed
 * list of messages may stay the same: brand names, "OK", symbols).
 */
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Catalog, MessageKey } from '../../src/i18n/catalog';
import { CATALOGS } from '../../src/i18n/catalogs';
import { en, EN_AREAS } from '../../src/i18n/catalogs/en';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages';
import { placeholdersOf } from '../support/icuPlaceholders';

/** Messages a language may write as English does, with the reason. */
const SAME_AS_ENGLISH: Readonly<Partial<Record<MessageKey, string>>> = {};

const translations = SHIPPED_LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE).map((language) => [language, CATALOGS[language]] as const);

describe('the English catalog', () => {
  it('has each key in one area only', () => {
    const keys = Object.values(EN_AREAS).flatMap((area) => Object.keys(area));
    expect(keys.length).toBe(new Set(keys).size);
    expect(Object.keys(en).length).toBe(keys.length);
  });

  it.each(Object.entries(en))('%s parses as ICU MessageFormat', (_key, message) => {
    expect(() => parse(message, { ignoreTag: true })).not.toThrow();
    expect(message).not.toMatch(/[<>]/);
  });
});

const describeTranslations = translations.length > 0 ? describe.each(translations) : describe.skip.each([['none', en as Catalog]]);

describeTranslations('the %s catalog', (_language, catalog) => {
  it('has exactly the English keys', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as MessageKey[])('%s uses the placeholders of English', (key) => {
    expect(placeholdersOf(catalog[key])).toEqual(placeholdersOf(en[key]));
  });

  it('is translated, not copied: every message differs from English unless reviewed as the same', () => {
    const copied = (Object.keys(en) as MessageKey[]).filter((key) => catalog[key].trim() === en[key].trim() && SAME_AS_ENGLISH[key] === undefined);
    expect(copied).toEqual([]);
  });
});
