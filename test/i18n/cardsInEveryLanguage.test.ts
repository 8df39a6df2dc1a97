/**
 * Every card the bot can send, in every shipped language and the pseudo-locale: built with realistic data and with
 * the longest data the domain allows, each stays under the card ceiling, leaves no catalog reference or template
 * field unfilled, and, in the pseudo-locale, shows no word that did not come through a catalog (user data aside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/cardTemplate';
import { PSEUDO_LANGUAGE, SHIPPED_LANGUAGES } from '../../src/i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';
import { textFor } from '../../src/i18n/text';
import { inferred, syncedFromUpa, userCreated } from '../cards/fixtures';
import { CARD_PARTS, LONGEST_CASES, REALISTIC_CASES } from '../support/cardCases';
import { visibleTexts } from '../support/visibleTexts';

const LANGUAGES = [...SHIPPED_LANGUAGES, PSEUDO_LANGUAGE] as const;
/** A locale of each language, as Teams sends it. */
const LOCALE_OF: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  ja: 'ja-JP',
  'pt-BR': 'pt-BR',
  'zh-CN': 'zh-CN',
  [PSEUDO_LANGUAGE]: PSEUDO_LANGUAGE,
};

describe('cards in every language', () => {
  it('cover every card template', () => {
    const templates = fs.readdirSync(path.join(__dirname, '..', '..', 'cards')).map((file) => file.replace(/\.json$/, ''));
    const expanded = REALISTIC_CASES.flatMap((card) => [card.template, ...(CARD_PARTS[card.template] ?? [])]).filter((template) => template !== 'code');
    expect(new Set(expanded)).toEqual(new Set(templates));
  });

  describe.each(LANGUAGES.map((language) => [language, textFor(LOCALE_OF[language], 'Europe/Berlin')] as const))('%s', (language, text) => {
    it('answers in that language', () => {
      expect(text.language).toBe(language);
    });

    it.each([...REALISTIC_CASES, ...LONGEST_CASES].map((card) => [card.name, card] as const))('%s stays under the ceiling, fully filled in', (_name, card) => {
      const rendered = card.render(text);
      expect(cardSize(rendered)).toBeLessThan(MAX_CARD_BYTES);
      const json = JSON.stringify(rendered);
      expect(json).not.toContain('@TEXT.');
      expect(json).not.toContain('${');
    });

    if (language === PSEUDO_LANGUAGE) {
      it.each(REALISTIC_CASES.map((card) => [card.name, card] as const))('%s shows only catalog words and user data', (_name, card) => {
        const userData = ['Alex Wilber', 'Engineer', 'https://lichess.org/@/example', 'https://…'];
        const interestWords = [userCreated, syncedFromUpa, inferred].flatMap((interest) => [interest.displayName ?? '', interest.description ?? '', ...(interest.categories ?? [])]);
        const unmarked = visibleTexts(card.render(text)).filter((shown) => {
          if (shown.includes(PSEUDO_OPEN) && shown.includes(PSEUDO_CLOSE)) return false;
          // A date is data, written by Intl in the locale's own way.
          if ([userCreated, inferred].some((interest) => [interest.createdDateTime, interest.lastModifiedDateTime].some((date) => date && shown === text.date(new Date(date))))) return false;
          // What is left once user data is taken out must have no letters: numbers, bullets and arrows are fine.
          const rest = [...userData, ...interestWords]
            .filter((word) => word !== '')
            .sort((a, b) => b.length - a.length)
            .reduce((left, word) => left.split(word).join(' '), shown.replace(/\\/g, ''));
          return /\p{L}{2,}/u.test(rest.replace(/\b\d+\b/g, ''));
        });
        expect(unmarked).toEqual([]);
      });
    }
  });
});
