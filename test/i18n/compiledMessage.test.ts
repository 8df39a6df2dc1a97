/**
 * A compiled message says exactly what intl-messageformat says for the same message and values, or fails as it
 * does: for every message of every catalog (and the pseudo-locale's), with the values a turn passes and the ones it
 * should never pass.
 */
import { IntlMessageFormat } from 'intl-messageformat';
// The module intl-messageformat formats every message with: watched to see a message joined without it.
import * as formatters from 'intl-messageformat/src/formatters';
import type { MessageKey, MessageValues } from '../../src/i18n/catalog';
import { CATALOGS } from '../../src/i18n/catalogs';
import { compileMessage } from '../../src/i18n/compiledMessage';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages';
import { pseudoLocalize } from '../../src/i18n/pseudo';
import { placeholdersOf } from '../support/icuPlaceholders';

type Outcome = { text: unknown } | { error: string };

function outcome(format: () => unknown): Outcome {
  try {
    return { text: format() };
  } catch (error) {
    return { error: error instanceof Error ? error.constructor.name : String(error) };
  }
}

/** What a turn passes (texts, counts) and what it must not (nothing, a missing value, an object). */
function valueSets(names: readonly string[]): unknown[] {
  const each = (value: unknown): Record<string, unknown> => Object.fromEntries(names.map((name) => [name, value]));
  const allButFirst = Object.fromEntries(names.slice(1).map((name) => [name, 'x']));
  return [
    each('Chess {and} #Go \'quoted\''),
    each(''),
    each(0),
    // After 0: a message kept for number values must tell the two apart.
    each(-0),
    each(1),
    each(2),
    each(17),
    each(-3.5),
    each(1234567.891),
    each(null),
    each(undefined),
    each(false),
    each(true),
    each({ not: 'text' }),
    { ...each('a'), extra: 'unused' },
    allButFirst,
    undefined,
  ];
}

const catalogs = [...SHIPPED_LANGUAGES.map((language) => [language, language, false] as const), ['pseudo', SOURCE_LANGUAGE, true] as const];

/** Each message's outcome for each value set, keyed by message, so a difference names the message. */
function outcomesOf(language: string, pseudo: boolean, format: (key: MessageKey, parsed: ReturnType<typeof pseudoLocalize> | string) => (values: unknown) => unknown): Record<string, Outcome[]> {
  const outcomes: Record<string, Outcome[]> = {};
  for (const [key, source] of Object.entries(CATALOGS[language as keyof typeof CATALOGS]) as [MessageKey, string][]) {
    const names = placeholdersOf(source).map((placeholder) => placeholder.split(':')[0]!);
    const run = format(key, pseudo ? pseudoLocalize(source) : source);
    outcomes[key] = valueSets(names).map((values) => outcome(() => run(values)));
  }
  return outcomes;
}

describe('compiled messages', () => {
  it.each(catalogs)('say in %s what intl-messageformat says', (_name, language, pseudo) => {
    const expected = outcomesOf(language, pseudo, (_key, parsed) => {
      const library = new IntlMessageFormat(parsed, language, undefined, { ignoreTag: true });
      // The product refuses what is not text; the library returns its parts.
      return (values) => {
        const formatted = library.format(values as Record<string, never>);
        if (typeof formatted !== 'string') throw new Error('not text');
        return formatted;
      };
    });
    const actual = outcomesOf(language, pseudo, (key, parsed) => {
      const compiled = compileMessage(key, parsed, language);
      return (values) => compiled(values as MessageValues);
    });
    expect(actual).toEqual(expected);
  });

  it('joins text and plain placeholders without the library', () => {
    const message = compileMessage('test.join', 'Open {name} ({count})', 'en');
    const format = jest.spyOn(formatters, 'formatToParts');
    let calls: number;
    try {
      expect(message({ name: 'Chess', count: 3 })).toBe('Open Chess (3)');
      // Nothing as a value is joined as nothing, as the library does, without asking it.
      expect(message({ name: 'Chess', count: null } as unknown as MessageValues)).toBe('Open Chess ()');
      calls = format.mock.calls.length;
    } finally {
      format.mockRestore();
    }
    expect(calls).toBe(0);
  });

  it('formats a message of numbers once per distinct values, and anew for any other values', () => {
    const message = compileMessage('test.count', '{count, plural, one {# interest} other {# interests}} of {total, number}', 'en');
    const format = jest.spyOn(formatters, 'formatToParts');
    let calls: number;
    try {
      expect([message({ count: 1, total: 3 }), message({ count: 1, total: 3 }), message({ count: 2, total: 3 }), message({ total: 3, count: 2 })]).toEqual([
        '1 interest of 3',
        '1 interest of 3',
        '2 interests of 3',
        '2 interests of 3',
      ]);
      calls = format.mock.calls.length;
      expect(message({ count: '1', total: 3 })).toBe('1 interest of 3');
      expect(message({ count: '1', total: 3 })).toBe('1 interest of 3');
      expect(format.mock.calls.length).toBe(calls + 2);
    } finally {
      format.mockRestore();
    }
    // Three distinct calls of numbers (the same two values in another order is another call).
    expect(calls).toBe(3);
  });

  it('keeps at most 256 calls of numbers per message, starting afresh once full', () => {
    const message = compileMessage('test.bound', '{count, plural, one {# interest} other {# interests}}', 'en');
    for (let count = 0; count < 256; count++) message({ count });
    const format = jest.spyOn(formatters, 'formatToParts');
    const libraryCalls: number[] = [];
    try {
      // All 256 kept: the first one is not formatted again.
      expect(message({ count: 0 })).toBe('0 interests');
      libraryCalls.push(format.mock.calls.length);
      // A 257th call starts the kept calls afresh, so the first one is formatted again.
      expect(message({ count: 256 })).toBe('256 interests');
      expect(message({ count: 0 })).toBe('0 interests');
      libraryCalls.push(format.mock.calls.length);
    } finally {
      format.mockRestore();
    }
    expect(libraryCalls).toEqual([0, 2]);
  });

  it('reads angle brackets as text, not as tags', () => {
    expect(compileMessage('test.brackets', 'Use <b>{name}</b> as <i>it is</i>', 'en')({ name: 'x' })).toBe('Use <b>x</b> as <i>it is</i>');
  });

  it('names the message when it does not format to text', () => {
    const message = compileMessage('test.object', 'Open {name}', 'en');
    expect(() => message({ name: { not: 'text' } } as unknown as MessageValues)).toThrow('The message test.object did not format to text.');
  });
});
