import { IntlMessageFormat } from 'intl-messageformat';
import { pseudoLocalize, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';

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
