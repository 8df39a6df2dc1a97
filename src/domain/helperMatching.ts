/**
 * "Who can help with X?": which people's interests match a topic, and in which role. Pure: the bot hands it the
 * people and the interests it may show, and renders what comes back.
 *
 * A topic matches an interest when its words appear, in order and as whole words, in the interest's name or in
 * one of its categories. Words are read in the asker's locale (`TopicReading`): compared without case, and without
 * accents on Latin letters ("Résumé" = "resume", `findingKey`); runs of a script written without spaces (Japanese,
 * Chinese, Thai) are split into words by `Intl.Segmenter` ("機械学習" is 機械 + 学習). English words also get a simple
 * plural/singular forgiveness ("containers" = "container", "technologies" = "technology"), nothing cleverer: a
 * stemmer would make "mentoring" match "mentor" and surprise people more than it helps, and other languages'
 * plurals are not made with an "s".
 */
import { isCollaborationTag, type CollaborationTag } from './collaborationTags';
import { findingKey } from './text';

/** How a topic and the interests are read: the asker's locale, and whether English plurals are forgiven. */
export interface TopicReading {
  readonly locale: string;
  readonly forgivesPlurals: boolean;
}

/** An English reader's: what a caller that knows no language gets. */
export const ENGLISH_READING: TopicReading = Object.freeze({ locale: 'en', forgivesPlurals: true });

export type HelperRole = 'mentor' | 'askAbout' | 'studyPartner';

/** Strongest first: a person who can mentor it is listed as a mentor even when they also say "ask me about". */
export const HELPER_ROLES: readonly HelperRole[] = ['mentor', 'askAbout', 'studyPartner'];

const ROLE_OF_TAG: Readonly<Record<CollaborationTag, HelperRole>> = {
  ableToMentor: 'mentor',
  askMeAbout: 'askAbout',
  wantsToLearn: 'studyPartner',
  wantsToImprove: 'studyPartner',
};

export interface HelperCandidate<P> {
  readonly person: P;
  readonly interests: readonly { readonly displayName?: string | null; readonly categories?: readonly string[] | null; readonly collaborationTags?: readonly string[] | null }[];
}

export interface HelperMatch<P> {
  readonly person: P;
  readonly role: HelperRole;
  /** The name of the interest that gave the role. */
  readonly interestName: string;
}

export type HelperSearch<P> =
  | { readonly kind: 'found'; readonly helpers: Readonly<Record<HelperRole, HelperMatch<P>[]>> }
  | { readonly kind: 'noMatch'; readonly suggestion: string | undefined }
  | { readonly kind: 'noTopic' };

/** Singular form of one lower-case, accent-free word: "boxes" → "box", "libraries" → "library", "ops" → "op". */
export function singularOf(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const TRAILING_PUNCTUATION = /[\s?!.]/u;

/**
 * The topic of a question (the text after its phrase): trailing whitespace and `?`, `!`, `.` dropped. Scanned
 * backwards from the end: a `[\s?!.]+$` pattern restarts at every such character in the text and is quadratic.
 */
export function helperTopic(question: string): string {
  let end = question.length;
  while (end > 0 && TRAILING_PUNCTUATION.test(question.charAt(end - 1))) end--;
  return question.slice(0, end).trim();
}

/**
 * The comparable words of a text as `reading` reads it: folded for finding (`findingKey`), split on anything that is
 * not a letter, mark or digit, runs of unspaced scripts split further into words, English plurals made singular.
 */
export function topicWords(text: string, reading: TopicReading = ENGLISH_READING): string[] {
  // "+" and "#" stay in a word, so "C++" and "C#" are words of their own rather than "c".
  const words = findingKey(text, reading.locale)
    .split(/[^\p{L}\p{M}\p{N}+#]+/u)
    .flatMap((run) => (UNSPACED_SCRIPT.test(run) ? segmentedWords(run, reading.locale) : run === '' ? [] : [run]));
  return reading.forgivesPlurals ? words.map(singularOf) : words;
}

/** Scripts written without spaces between words: only a dictionary (`Intl.Segmenter`) finds where words end. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * At most this many UTF-16 units are segmented at once. The segmenter's cost grows faster than the length of what
 * it is given (a 16,000-character run of Han takes ~50 ms, a 200,000-character one minutes), so a longer run is
 * segmented in pieces of this size and the cost stays linear; a word can only be cut where two pieces meet, in a
 * run far longer than any interest name.
 */
const SEGMENT_WINDOW = 512;

// One per locale, made on first use: they load dictionaries most turns never need.
const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenterFor(locale: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(locale);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    wordSegmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** The words (`isWordLike` segments) of a run of text, in pieces of at most `SEGMENT_WINDOW` units. */
function segmentedWords(run: string, locale: string): string[] {
  const segmenter = wordSegmenterFor(locale);
  const words: string[] = [];
  for (let start = 0; start < run.length; ) {
    let end = Math.min(run.length, start + SEGMENT_WINDOW);
    // Never between the two halves of a surrogate pair.
    if (end < run.length && isHighSurrogate(run.charCodeAt(end - 1))) end -= 1;
    for (const { segment, isWordLike } of segmenter.segment(run.slice(start, end))) if (isWordLike) words.push(segment);
    start = end;
  }
  return words;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * A topic's words ready to be searched for (Knuth–Morris–Pratt): `fallback[i]` is how many words of the topic
 * still match after a mismatch following `i + 1` matched words. Built once per topic, searched with in linear time:
 * trying every start position instead is quadratic for runs of one repeated word ("a a a … c" in "a a a … b").
 */
interface TopicPattern {
  readonly words: readonly string[];
  readonly fallback: readonly number[];
}

function topicPattern(words: readonly string[]): TopicPattern {
  const fallback: number[] = [0];
  let matched = 0;
  for (let index = 1; index < words.length; index++) {
    while (matched > 0 && words[index] !== words[matched]) matched = fallback[matched - 1] ?? 0;
    if (words[index] === words[matched]) matched += 1;
    fallback.push(matched);
  }
  return { words, fallback };
}

/** Whether the topic's words occur in `haystack` as a run of whole words. */
function containsRun(haystack: readonly string[], { words, fallback }: TopicPattern): boolean {
  if (words.length === 0 || words.length > haystack.length) return false;
  let matched = 0;
  for (const word of haystack) {
    while (matched > 0 && word !== words[matched]) matched = fallback[matched - 1] ?? 0;
    if (word === words[matched]) matched += 1;
    if (matched === words.length) return true;
  }
  return false;
}

function interestHolds(interest: HelperCandidate<unknown>['interests'][number], pattern: TopicPattern, reading: TopicReading): boolean {
  if (containsRun(topicWords(interest.displayName ?? '', reading), pattern)) return true;
  return (interest.categories ?? []).some((category) => containsRun(topicWords(category, reading), pattern));
}

/** Whether an interest is about the topic (its words, read with `reading`): its name or one of its categories holds them. */
export function interestMatchesTopic(interest: HelperCandidate<unknown>['interests'][number], topic: readonly string[], reading: TopicReading = ENGLISH_READING): boolean {
  return interestHolds(interest, topicPattern(topic), reading);
}

function strongestRole(tags: readonly string[] | null | undefined): HelperRole | undefined {
  const roles = (tags ?? []).filter(isCollaborationTag).map((tag) => ROLE_OF_TAG[tag]);
  return HELPER_ROLES.find((role) => roles.includes(role));
}

/** Words of a topic tried as a suggestion, longest first: enough for a useful one, few enough to stay cheap. */
const SUGGESTIONS_TRIED = 3;

/**
 * A shorter topic to suggest when nothing matched: for several words, one of them alone, longest first
 * ("kubernetes" for "kubernetes operators"), and only one that does find someone among the same candidates, so the
 * suggestion is always close to the topic and never a dead end. For one word, nothing.
 */
function broaderTopic<P>(topic: string, candidates: readonly HelperCandidate<P>[], reading: TopicReading): string | undefined {
  const words = [...new Set(spellingsOfWords(topic, reading.locale))];
  if (words.length < 2) return undefined;
  // Stable: equally long words keep the topic's order.
  const longestFirst = words.map((word, index) => ({ word, index })).sort((a, b) => b.word.length - a.word.length || a.index - b.index);
  let tried = 0;
  for (const { word } of longestFirst) {
    const wordWords = topicWords(word, reading);
    if (wordWords.length === 0) continue;
    if (anyHelper(topicPattern(wordWords), candidates, reading)) return word;
    tried += 1;
    if (tried === SUGGESTIONS_TRIED) break;
  }
  return undefined;
}

function anyHelper<P>(pattern: TopicPattern, candidates: readonly HelperCandidate<P>[], reading: TopicReading): boolean {
  return candidates.some(({ interests }) => interests.some((interest) => strongestRole(interest.collaborationTags) !== undefined && interestHolds(interest, pattern, reading)));
}

/** A topic's words as the asker spelled them, for a suggestion: split at spaces, and unspaced runs into their words. */
function spellingsOfWords(topic: string, locale: string): string[] {
  return topic
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((piece) => (UNSPACED_SCRIPT.test(piece) ? segmentedWords(piece, locale) : [piece]));
}

/**
 * The helpers for `topic` among `candidates`, each person once with their strongest role (and the first interest
 * that gave it). A matching interest without a collaboration tag gives no role: only the tags say someone is
 * open to being asked. Candidates keep their order within a role.
 */
export function findHelpers<P>(topic: string, candidates: readonly HelperCandidate<P>[], reading: TopicReading = ENGLISH_READING): HelperSearch<P> {
  const words = topicWords(topic, reading);
  if (words.length === 0) return { kind: 'noTopic' };
  const pattern = topicPattern(words);
  const helpers: Record<HelperRole, HelperMatch<P>[]> = { mentor: [], askAbout: [], studyPartner: [] };
  let found = 0;
  for (const { person, interests } of candidates) {
    let best: HelperMatch<P> | undefined;
    for (const interest of interests) {
      if (!interestHolds(interest, pattern, reading)) continue;
      const role = strongestRole(interest.collaborationTags);
      if (role && (!best || HELPER_ROLES.indexOf(role) < HELPER_ROLES.indexOf(best.role))) best = { person, role, interestName: interest.displayName ?? '' };
    }
    if (best) {
      helpers[best.role].push(best);
      found += 1;
    }
  }
  if (found === 0) return { kind: 'noMatch', suggestion: broaderTopic(topic.trim(), candidates, reading) };
  return { kind: 'found', helpers };
}
