/**
 * Mention stripping is a forward scan. These check it removes exactly what the former pattern
 * `/<at\b[^>]*>.*?<\/at>/gis` removed, on many small generated texts (where the pattern is quick), and that the
 * hostile shapes that made the pattern quadratic come out right. One generous time bound (seconds, where the scan
 * takes milliseconds and the pattern several seconds) keeps it linear; `npm run bench` times it on the product.
 */
import { normalizeCommandText, removeMentionTags } from '../../src/conversation/commandText';
import { hasVisibleCharacter } from '../../src/domain/text';
import { INVISIBLE_NAME_MESSAGE, validateDisplayName, validateInterestEdit } from '../../src/domain/validateInterest';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { matchWholeChoice } from '../../src/conversation/dialogs/wholeChoicePrompt';
import { isWellFormedId, MAX_ID_LENGTH } from '../../src/domain/identifier';

const FORMER_PATTERN = /<at\b[^>]*>.*?<\/at>/gis;

function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('removeMentionTags', () => {
  it('agrees with the former pattern on 20,000 generated texts', () => {
    const pieces = ['<at>', '</at>', '<AT>', '</At>', '<at id="1">', '<atx>', '<a', 't>', '>', '<', '/', 'a', 't', ' ', 'x', '\n', 'Bot', '</at', '<at'];
    const random = pseudoRandom(42);
    for (let sample = 0; sample < 20_000; sample++) {
      const length = Math.floor(random() * 12);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect({ text, stripped: removeMentionTags(text) }).toEqual({ text, stripped: text.replace(FORMER_PATTERN, ' ') });
    }
  });

  it.each([
    ['<at> × 60,000', '<at>'.repeat(60_000), '<at>'.repeat(60_000)],
    ['<at>a</at> × 20,000', '<at>a</at>'.repeat(20_000), ''],
    ['<at followed by no >', `${'<at '.repeat(50_000)}`, `${'<at '.repeat(50_000)}`.trim()],
  ])('%s', (_case, text, expected) => {
    expect(normalizeCommandText(text).text).toBe(expected);
  });

  it('strips 60,000 unclosed tags of either hostile shape in under a second', () => {
    // A backtracking pattern scans to the end from every opening tag: 4 s and 11 s for these with the former one,
    // where the forward scan takes about a millisecond.
    const BOUND_MS = 1_000;
    for (const text of ['<at>'.repeat(60_000), '<at '.repeat(60_000)]) {
      const started = performance.now();
      removeMentionTags(text);
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    }
  });

  it('keeps the words around a mention', () => {
    expect(normalizeCommandText('<at>Interests</at>  add   Chess').text).toBe('add Chess');
  });
});

describe('typing rules', () => {
  it.each(['\u200B\u200B\u200B', '\u3164', '\u200D\uFE0F', '\u0301', '\u2800', '\u00AD'])('%j has no visible character and is refused as a name', (name) => {
    expect(hasVisibleCharacter(name)).toBe(false);
    expect(validateDisplayName(name)).toEqual({ ok: false, error: INVISIBLE_NAME_MESSAGE });
    expect(SOURCE_TEXT.say(INVISIBLE_NAME_MESSAGE)).toMatch(/visible character/);
  });

  it.each(['Chess', 'é', '😀', '中文', 'a\u200B'])('%j is a name', (name) => {
    expect(validateDisplayName(name).ok).toBe(true);
  });

  const choices = [{ value: 'Tag it' }, { value: 'Edit it' }, { value: 'Pick another name', synonyms: ['rename'] }];
  it.each([
    ['1', 0],
    [' 2 ', 1],
    ['tag it', 0],
    ['  EDIT   it ', 1],
    ['rename', 2],
  ])('%j picks choice %d', (answer, index) => {
    expect(matchWholeChoice(answer, choices)?.index).toBe(index);
  });

  it.each(['<script>alert(1)</script>', 'option 1', '1st', '4', '0', 'tag', 'please edit it', ''])('%j picks nothing', (answer) => {
    expect(matchWholeChoice(answer, choices)).toBeUndefined();
  });

  const stored = { displayName: '\u200B', description: 'Old', categories: ['A'], collaborationTags: [], allowedAudiences: 'organization', webUrl: null } as const;
  it('an edit that submits a stored invisible name as shown keeps it and saves the other field', () => {
    const result = validateInterestEdit({ ...stored, categories: [...stored.categories], collaborationTags: [] }, { displayName: '\u200B', description: 'New', categories: 'A' });
    expect(result).toEqual({ ok: true, value: { ...stored, description: 'New' } });
  });

  it('an edit that changes the name to an invisible one is refused', () => {
    const result = validateInterestEdit({ ...stored, displayName: 'Chess', categories: ['A'], collaborationTags: [] }, { displayName: '\u200B\u200B' });
    expect(result).toEqual({ ok: false, error: [{ field: 'displayName', message: INVISIBLE_NAME_MESSAGE }] });
  });
});

describe('ids', () => {
  it.each([
    ['', false],
    ['.', false],
    ['..', false],
    ['a\uD800', false],
    ['\uDC00a', false],
    ['a\u202Eb', false],
    ['a\u0001', false],
    ['a\u0085', false],
    ['a\u2066b\u2069', false],
    ['a\u200Fb', false],
    ['a'.repeat(MAX_ID_LENGTH + 1), false],
    ['a'.repeat(MAX_ID_LENGTH), true],
    ['...', true],
    ['29:1abc-DEF_ghi', true],
    ['b6f3b1f0-0d47-4b83-9e8a-3f6f2a1d0c11', true],
    ['emoji 😀 pair', true],
  ])('%j well-formed: %s', (id, expected) => {
    expect(isWellFormedId(id)).toBe(expected);
  });
});
