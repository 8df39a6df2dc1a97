/**
 * User text is trimmed, split and matched in time linear in its length, whatever it holds. Each case is a text
 * that makes a backtracking pattern or a nested scan quadratic: at 200,000 characters such code takes many
 * seconds (tens for a trailing-punctuation pattern), linear code a few milliseconds. The bound of one second is
 * generous for a shared, busy machine and still far below what quadratic work needs at this size.
 */
import { normalizeCommandText } from '../../src/conversation/commandText';
import { findHelpers, helperTopic, topicWords } from '../../src/domain/helperMatching';
import { normalizeSingleLine, quoteUserText } from '../../src/domain/text';

const SIZE = 200_000;
const BOUND_MS = 1000;

function elapsedMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Texts of about SIZE characters built to be worst cases for a scan that restarts at every position. */
const ADVERSARIAL: readonly [label: string, text: string][] = [
  ['a run of spaces followed by a word', `a${' '.repeat(SIZE)}b`],
  ['a run of question marks followed by a word', `a${'?'.repeat(SIZE)}b`],
  ['spaces and punctuation alternating, then a word', `a${' ?.!'.repeat(SIZE / 4)}b`],
  ['one 200,000-character CJK word', `a ${'中'.repeat(SIZE)}`],
  ['200,000 one-letter words', 'a '.repeat(SIZE / 2)],
];

describe('linear handling of user text', () => {
  it.each(ADVERSARIAL)('trims a "who can help" topic made of %s in well under a second', (_label, text) => {
    expect(elapsedMs(() => helperTopic(text))).toBeLessThan(BOUND_MS);
  });

  it.each(ADVERSARIAL)('normalizes a message made of %s (whitespace and line breaks) in well under a second', (_label, text) => {
    expect(elapsedMs(() => normalizeCommandText(text))).toBeLessThan(BOUND_MS);
    expect(elapsedMs(() => normalizeCommandText(text.replaceAll(' ', ' \r\n')))).toBeLessThan(BOUND_MS);
  });

  it.each(ADVERSARIAL)('splits a topic made of %s into words in well under a second', (_label, text) => {
    expect(elapsedMs(() => topicWords(text))).toBeLessThan(BOUND_MS);
  });

  it.each([...ADVERSARIAL, ['one 200,000-character run of kana', 'が'.repeat(SIZE)] as [string, string]])(
    'splits a Japanese reader\'s topic made of %s into words in well under a second',
    (_label, text) => {
      expect(elapsedMs(() => topicWords(text, { locale: 'ja-JP', forgivesPlurals: false }))).toBeLessThan(BOUND_MS);
    },
  );

  it.each(ADVERSARIAL)('quotes %s in well under a second', (_label, text) => {
    expect(elapsedMs(() => quoteUserText(text, 100))).toBeLessThan(BOUND_MS);
    expect(elapsedMs(() => normalizeSingleLine(text))).toBeLessThan(BOUND_MS);
  });

  it('matches a 100,000-character topic against a 200,000-character interest name in well under a second', () => {
    // Every start position matches 50,000 words before failing on the last: a scan from each start is quadratic.
    const topic = `${'a '.repeat(SIZE / 4)}c`;
    const name = `${'a '.repeat(SIZE / 2)}b`;
    let search: ReturnType<typeof findHelpers> | undefined;
    const elapsed = elapsedMs(() => {
      search = findHelpers(topic, [{ person: 'Megan', interests: [{ displayName: name, categories: [name], collaborationTags: ['ableToMentor'] }] }]);
    });
    expect(search).toEqual({ kind: 'noMatch', suggestion: 'a' });
    expect(elapsed).toBeLessThan(BOUND_MS);
  });

  it.each([
    // topic, interest name, matches? Runs that overlap themselves, where a match restarts inside a partial one.
    ['a a b', 'a a a b', true],
    ['a b a b c', 'a b a b a b c', true],
    ['a b a c', 'a b a b a c', true],
    ['a b c', 'a b a b c', true],
    ['a a', 'a b a', false],
    ['a b a', 'a b b a', false],
  ])('the topic %j is in %j: %s', (topic, name, matches) => {
    const search = findHelpers(topic, [{ person: 'Megan', interests: [{ displayName: name, collaborationTags: ['ableToMentor'] }] }]);
    expect(search.kind === 'found').toBe(matches);
  });

  it('still finds a long topic that does occur in a long interest name', () => {
    const topic = `${'a '.repeat(1000)}b`;
    const name = `${'a '.repeat(5000)}b`;
    const search = findHelpers(topic, [{ person: 'Megan', interests: [{ displayName: name, collaborationTags: ['ableToMentor'] }] }]);
    expect(search.kind).toBe('found');
  });
});

describe('the topic of a "who can help" question', () => {
  it.each([
    ['Kubernetes?', 'Kubernetes'],
    ['Kubernetes ?!. ', 'Kubernetes'],
    ['  Kubernetes operators... ', 'Kubernetes operators'],
    ['C#?', 'C#'],
    ['what? why', 'what? why'],
    ['Node.js', 'Node.js'],
    ['?!.', ''],
    ['', ''],
    ['中文?', '中文'],
    ['Kubernetes\u3000?', 'Kubernetes'],
  ])('%j reads as %j', (question, topic) => {
    expect(helperTopic(question)).toBe(topic);
  });
});
