import { quoteUserText, SHORT_QUOTE_CHARS } from '../../src/domain/text';

const FAMILY = '👨\u200D👩\u200D👧';
const FLAG = '🇫🇷';
const ACCENTED = 'x\u0301'; // no precomposed form, so NFC keeps it two units

describe('quoting what the user typed', () => {
  it('keeps a short text as it is, on one line, without unsafe characters', () => {
    expect(quoteUserText('Kubernetes')).toBe('Kubernetes');
    expect(quoteUserText('  Kubernetes \n operators ')).toBe('Kubernetes operators');
    expect(quoteUserText('a\u202Eb\u0001c')).toBe('abc');
  });

  it('cuts a long text to the length asked for, ellipsis included', () => {
    const quote = quoteUserText(`a ${'中'.repeat(15_988)}`, 40);
    expect(quote).toBe(`a ${'中'.repeat(37)}…`);
    expect(quote.length).toBe(40);
    expect(quoteUserText('x'.repeat(SHORT_QUOTE_CHARS + 1))).toHaveLength(SHORT_QUOTE_CHARS);
    expect(quoteUserText('x'.repeat(SHORT_QUOTE_CHARS))).toHaveLength(SHORT_QUOTE_CHARS);
  });

  it.each([
    ['an emoji outside the BMP', '😀', 2],
    ['an emoji sequence with joiners', FAMILY, FAMILY.length],
    ['a flag', FLAG, FLAG.length],
    ['a letter with a combining accent', ACCENTED, ACCENTED.length],
  ])('never splits %s, wherever the cut falls', (_label, grapheme, unitsEach) => {
    const text = grapheme.repeat(40);
    // From the smallest quote that holds one whole grapheme and the ellipsis; below it the cut is between code points.
    for (let maxChars = unitsEach + 1; maxChars <= 30; maxChars++) {
      const quote = quoteUserText(text, maxChars);
      expect(quote.length).toBeLessThanOrEqual(maxChars);
      expect(quote.endsWith('…')).toBe(true);
      const kept = quote.slice(0, -1);
      expect(kept).toBe(grapheme.repeat(Math.floor((maxChars - 1) / unitsEach)));
    }
  });

  it('cuts a single grapheme longer than the quote between code points, never inside a surrogate pair', () => {
    const quote = quoteUserText(`😀${'\u0301'.repeat(200)}`, 2);
    expect(quote).toBe('…');
    const long = quoteUserText(`x${'\u0301'.repeat(200)}`, 10);
    expect(long).toBe(`x${'\u0301'.repeat(8)}…`);
    const surrogate = quoteUserText(`😀😀${'\u0301'.repeat(200)}`.replace(/^/, 'x'), 5);
    expect(surrogate).toBe('x😀…');
  });
});
