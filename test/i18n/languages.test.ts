import { canonicalTag, languageFor, PSEUDO_LANGUAGE } from '../../src/i18n/languages';
import { textFor } from '../../src/i18n/text';
import { textOfActivity } from '../../src/conversation/turnText';

describe('the language a user gets', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['nl-NL', 'en'],
    ['', 'en'],
    ['not a tag!', 'en'],
    ['qps-ploc', PSEUDO_LANGUAGE],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['fr-CA', 'fr'],
    ['es-MX', 'es'],
    ['ja-JP', 'ja'],
    ['pt-PT', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-TW', 'en'],
    ['zh-HK', 'en'],
    ['zh-MO', 'en'],
    ['zh-Hant', 'en'],
    ['zh-Hant-CN', 'en'],
  ])('%s → %s', (requested, expected) => {
    expect(languageFor(requested)).toBe(expected);
  });

  it('takes no language from a missing or absurd tag', () => {
    expect(languageFor(undefined)).toBe('en');
    expect(canonicalTag('x'.repeat(65))).toBeUndefined();
    expect(canonicalTag('de-at')).toBe('de-AT');
  });
});

describe('a turn’s text', () => {
  it('formats with the user’s locale and time zone, UTC when the zone is missing or unknown', () => {
    const newYorkEve = new Date('2024-03-13T02:30:00Z');
    expect(textFor('en-US', 'America/New_York').date(newYorkEve)).toBe('Mar 12, 2024');
    expect(textFor('en-US').date(newYorkEve)).toBe('Mar 13, 2024');
    expect(textFor('en-US', 'Mars/Olympus_Mons').timeZone).toBe('UTC');
    expect(textFor('en-GB').date(newYorkEve)).toBe('13 Mar 2024');
  });

  it('reads the activity’s locale first, then clientInfo’s, and clientInfo’s time zone', () => {
    const clientInfo = { type: 'clientInfo', locale: 'en-GB', timezone: 'Asia/Tokyo' };
    expect(textOfActivity({ locale: 'en-US', entities: [clientInfo] })).toMatchObject({ locale: 'en-US', timeZone: 'Asia/Tokyo' });
    expect(textOfActivity({ entities: [clientInfo] })).toMatchObject({ locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    expect(textOfActivity({ entities: [{ type: 'clientInfo', locale: 42, timezone: null }] })).toMatchObject({ language: 'en', timeZone: 'UTC' });
    expect(textOfActivity({})).toMatchObject({ language: 'en', locale: 'en', timeZone: 'UTC' });
  });

  it('treats a locale or zone longer than any real one as absent, and keeps no entry for it', () => {
    const flood = 'de-DE'.padEnd(10_000, 'x');
    expect(textFor(flood, flood)).toBe(textFor(undefined, undefined));
  });

  it('is made once per locale and time zone', () => {
    expect(textFor('en-US', 'Europe/Paris')).toBe(textFor('en-US', 'Europe/Paris'));
    expect(textFor('en-US', 'Europe/Paris')).not.toBe(textFor('en-US', 'Europe/Berlin'));
  });

  it('sorts and joins as the language does', () => {
    const text = textFor('en-US');
    expect(['item 10', 'Item 9', 'apple'].sort(text.compare)).toEqual(['apple', 'Item 9', 'item 10']);
    expect(text.list(['Chess', 'Go', 'Hiking'])).toBe('Chess, Go, and Hiking');
    expect(text.number(12345.5)).toBe('12,345.5');
  });
});
