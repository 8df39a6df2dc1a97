import { IntlMessageFormat } from 'intl-messageformat';
import { en } from '../../src/i18n/catalogs/en';
import { pseudoLocalize, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';
import { textFor } from '../../src/i18n/text';
import { placeholdersOf } from '../support/icuPlaceholders';

const pseudo = (message: string, values?: Record<string, string | number>): string =>
  new IntlMessageFormat(pseudoLocalize(message), 'en', undefined, { ignoreTag: true }).format(values) as string;

describe('the pseudo-locale', () => {
  it('accents every letter, brackets the message and makes it about 40 % longer', () => {
    const english = 'Your interests';
    const shown = pseudo(english);
    expect(shown.startsWith(PSEUDO_OPEN)).toBe(true);
    expect(shown.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(shown).not.toMatch(/[A-Za-z]/);
    expect(shown.length - 2).toBeGreaterThanOrEqual(Math.round(english.length * 1.4));
  });

  it('keeps placeholders, plurals and markdown working', () => {
    const message = 'Say **add** to add {name}: {count, plural, one {# interest} other {# interests}}';
    expect(pseudo(message, { name: 'Chess', count: 1 })).toContain('Chess: 1 ïñŧēŕēšŧ');
    expect(pseudo(message, { name: 'Chess', count: 5 })).toContain('5 ïñŧēŕēšŧš');
    expect(pseudo(message, { name: 'Chess', count: 5 })).toContain('**àđđ**');
  });
});

describe('every message in the pseudo-locale', () => {
  // Placeholders filled with digits, so any letter left unaccented came from the message itself.
  const pseudoText = textFor('qps-ploc');
  const keys = (Object.keys(en) as (keyof typeof en)[]).filter((key) => !key.startsWith('words.'));

  it.each(keys.map((key) => [key]))('%s is bracketed and accented', (key) => {
    const values = Object.fromEntries(
      placeholdersOf(en[key]).map((placeholder) => {
        const [name, kind] = placeholder.split(':') as [string, string];
        return [name, kind === 'select' ? 'other' : 7];
      }),
    );
    const shown = pseudoText.t(key, values);
    expect(shown.startsWith(PSEUDO_OPEN)).toBe(true);
    expect(shown.endsWith(PSEUDO_CLOSE)).toBe(true);
    // Only URL schemes and markdown may keep ASCII letters (`http://`, `https://`).
    expect(shown.replace(/https?:\/\//g, '')).not.toMatch(/[A-Za-z]/);
  });
});
