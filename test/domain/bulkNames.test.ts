import { checkBulkNames, MAX_BULK_NAMES, parseBulkNames, type BulkNames } from '../../src/domain/bulkNames';
import { INVISIBLE_NAME_MESSAGE } from '../../src/domain/validateInterest';
import { SOURCE_TEXT } from '../../src/i18n/text';

describe('parseBulkNames', () => {
  it.each<[string, string, BulkNames]>([
    ['nothing', '   ', { kind: 'none' }],
    ['one name', 'Chess', { kind: 'one', name: 'Chess' }],
    ['one name with a trailing separator', 'Chess;', { kind: 'one', name: 'Chess' }],
    ['lines', 'Chess\nGo\nRock climbing', { kind: 'several', names: ['Chess', 'Go', 'Rock climbing'] }],
    ['Windows line breaks and blank lines', 'Chess\r\n\r\n  Go  \r\n', { kind: 'several', names: ['Chess', 'Go'] }],
    ['semicolons', 'Chess; Go; Rock climbing', { kind: 'several', names: ['Chess', 'Go', 'Rock climbing'] }],
    ['semicolons and lines mixed', 'Chess; Go\nJazz', { kind: 'several', names: ['Chess', 'Go', 'Jazz'] }],
    ['a comma in one name asks', 'Food, wine', { kind: 'oneOrSplit', whole: 'Food, wine', parts: ['Food', 'wine'] }],
    ['empty comma parts are not parts', 'Food, , wine,', { kind: 'oneOrSplit', whole: 'Food, , wine,', parts: ['Food', 'wine'] }],
    ['a comma with nothing after it is one name', 'Food,', { kind: 'one', name: 'Food,' }],
    ['commas with several names stay in the names', 'Food, wine; Go', { kind: 'several', names: ['Food, wine', 'Go'] }],
    ['a quoted name is whole', '"Food, wine"', { kind: 'one', name: 'Food, wine' }],
    ['a quoted name keeps separators', '"Food; wine"; Go', { kind: 'several', names: ['Food; wine', 'Go'] }],
    ['typographic quotes', '\u201CFood, wine\u201D; Go', { kind: 'several', names: ['Food, wine', 'Go'] }],
    ['doubled quotes inside quotes', '"The ""Go"" game"; Chess', { kind: 'several', names: ['The "Go" game', 'Chess'] }],
    ['text after the closing quote is kept', '"A;B" club; Go', { kind: 'several', names: ['A;B club', 'Go'] }],
    ['a quote inside a name is literal', 'Rock "n" roll; Go', { kind: 'several', names: ['Rock "n" roll', 'Go'] }],
    ['an unclosed quote is literal', '"Chess; Go', { kind: 'several', names: ['"Chess', 'Go'] }],
    ['a quote is not closed across lines', '"Chess\nGo"', { kind: 'several', names: ['"Chess', 'Go"'] }],
    ['full-width semicolons (Chinese, Japanese keyboards)', '象棋；围棋；徒步', { kind: 'several', names: ['象棋', '围棋', '徒步'] }],
    ['a full-width comma asks', '体育，户外', { kind: 'oneOrSplit', whole: '体育，户外', parts: ['体育', '户外'] }],
    ['an ideographic comma asks', 'チェス、囲碁', { kind: 'oneOrSplit', whole: 'チェス、囲碁', parts: ['チェス', '囲碁'] }],
    ['Japanese corner brackets keep a name whole', '「チェス、囲碁」；将棋', { kind: 'several', names: ['チェス、囲碁', '将棋'] }],
    ['French guillemets keep a name whole', '« Vin, fromage »; Échecs', { kind: 'several', names: ['Vin, fromage', 'Échecs'] }],
    ['German quotes keep a name whole', '\u201EWein, Käse\u201C; Schach', { kind: 'several', names: ['Wein, Käse', 'Schach'] }],
    ['a guillemet is not closed by an English quote', '«Vin"; Go', { kind: 'several', names: ['«Vin"', 'Go'] }],
  ])('%s', (_title, input, expected) => {
    expect(parseBulkNames(input)).toEqual(expected);
  });

  it(`takes ${MAX_BULK_NAMES} names and refuses more`, () => {
    const names = (count: number) => Array.from({ length: count }, (_, i) => `Interest ${i + 1}`).join('\n');
    expect(parseBulkNames(names(MAX_BULK_NAMES))).toMatchObject({ kind: 'several', names: expect.any(Array) });
    expect(parseBulkNames(names(MAX_BULK_NAMES + 1))).toEqual({ kind: 'tooMany', count: MAX_BULK_NAMES + 1 });
  });

  it('takes a comma list too long to be one name as several names without asking', () => {
    const parts = Array.from({ length: 12 }, (_, i) => `Interest number ${i}`);
    expect(parseBulkNames(parts.join(', '))).toEqual({ kind: 'several', names: parts });
  });

  it('does not ask about a comma split into more names than a bulk add takes', () => {
    const text = Array.from({ length: MAX_BULK_NAMES + 1 }, (_, i) => `n${i}`).join(',');
    expect(parseBulkNames(text)).toEqual({ kind: 'one', name: text });
  });
});

describe('checkBulkNames', () => {
  it('marks invalid names, existing interests and repeats, and cleans the rest', () => {
    const long = 'x'.repeat(101);
    const checks = checkBulkNames(['Chess', ' CHESS ', 'chess', long, '\u200B', 'Go  club', 'Tea\u0007'], [{ displayName: 'Chess' }]);
    expect(checks.map((check) => check.kind)).toEqual(['exists', 'exists', 'exists', 'invalid', 'invalid', 'new', 'invalid']);
    expect(checks[0]).toEqual({ kind: 'exists', name: 'Chess', existing: 'Chess' });
    expect(checks[3]?.kind === 'invalid' && SOURCE_TEXT.say(checks[3].message)).toContain('100');
    expect(checks[4]).toMatchObject({ message: INVISIBLE_NAME_MESSAGE });
    expect(checks[5]).toEqual({ kind: 'new', name: 'Go club' });
  });

  it('marks a repeat of an earlier name in the same list', () => {
    expect(checkBulkNames(['Go', 'Jazz', 'go', 'GO '], [])).toEqual([
      { kind: 'new', name: 'Go' },
      { kind: 'new', name: 'Jazz' },
      { kind: 'repeated', name: 'go' },
      { kind: 'repeated', name: 'GO' },
    ]);
  });
});
