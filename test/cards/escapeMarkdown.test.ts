import { escapeMarkdown } from '../../src/cards/escapeMarkdown';
import { blockText, clip, inlineText, truncateUnits } from '../../src/cards/displayText';

describe('escapeMarkdown', () => {
  test.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_italic_', '\\_italic\\_'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['[link](https://evil.example)', '\\[link\\](https://evil.example)'],
    ['`code`', '\\`code\\`'],
    ['<b>html</b>', '\\<b\\>html\\</b\\>'],
    ['&lt;', '\\&lt;'],
    ['a \\ b', 'a \\\\ b'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first\n2) second', '1\\. first\n2\\) second'],
    ['# heading', '\\# heading'],
    ['> quote', '\\> quote'],
    ['  - indented', '  \\- indented'],
  ])('%j shows literally as %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  test.each(['Chess', 'Well-being at work', 'Version 2.0', 'Rated 1800.', 'עברית 🎉 中文', '${x}'])('leaves plain text %j alone', (text) => {
    expect(escapeMarkdown(text)).toBe(text);
  });
});

describe('display text', () => {
  test('clips by code points without splitting an emoji, marking the cut', () => {
    expect(clip('🎉🎉🎉🎉', 3)).toBe('🎉🎉…');
    expect(clip('abc', 3)).toBe('abc');
  });

  test('truncates by UTF-16 units without leaving half a surrogate pair', () => {
    expect(truncateUnits('a🎉', 2)).toBe('a');
    expect(truncateUnits('ab🎉', 4)).toBe('ab🎉');
  });

  test('drops control characters, bidi overrides and lone surrogates', () => {
    expect(inlineText('a\u0000b\u202Ec\uD800d\u009Fe', 100)).toBe('abcde');
  });

  test('one-line text collapses line breaks; block text keeps them', () => {
    expect(inlineText('a\n\n- b', 100)).toBe('a - b');
    expect(blockText('a\r\n- b', 100)).toBe('a\n\\- b');
  });

  test('clips before escaping, so an escape is never cut in half', () => {
    expect(inlineText('*'.repeat(10), 4)).toBe('\\*\\*\\*…');
  });
});
