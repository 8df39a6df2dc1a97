/**
 * "Who can help with X?": which people's interests match a topic, and in which role. Pure: the bot hands it the
 * people and the interests it may show, and renders what comes back.
 *
 * A topic matches an interest when its words appear, in order and as whole words, in the interest's name or in
 * one of its categories. Words are compared without case or accents ("Résumé" = "resume") and with a simple
 * plural/singular forgiveness ("containers" = "container", "technologies" = "technology"), nothing cleverer: a
 * stemmer would make "mentoring" match "mentor" and surprise people more than it helps.
 */
import { isCollaborationTag, type CollaborationTag } from './collaborationTags';

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

/** The comparable words of a text: accents removed, lower case, split on anything that is not a letter or digit. */
export function topicWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // "+" and "#" stay in a word, so "C++" and "C#" are words of their own rather than "c".
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word !== '')
    .map(singularOf);
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

function interestHolds(interest: HelperCandidate<unknown>['interests'][number], pattern: TopicPattern): boolean {
  if (containsRun(topicWords(interest.displayName ?? ''), pattern)) return true;
  return (interest.categories ?? []).some((category) => containsRun(topicWords(category), pattern));
}

/** Whether an interest is about the topic: its name or one of its categories holds the topic's words. */
export function interestMatchesTopic(interest: HelperCandidate<unknown>['interests'][number], topic: readonly string[]): boolean {
  return interestHolds(interest, topicPattern(topic));
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
function broaderTopic<P>(topic: string, candidates: readonly HelperCandidate<P>[]): string | undefined {
  const words = [...new Set(topic.split(/\s+/).filter(Boolean))];
  if (words.length < 2) return undefined;
  // Stable: equally long words keep the topic's order.
  const longestFirst = words.map((word, index) => ({ word, index })).sort((a, b) => b.word.length - a.word.length || a.index - b.index);
  let tried = 0;
  for (const { word } of longestFirst) {
    const wordWords = topicWords(word);
    if (wordWords.length === 0) continue;
    if (anyHelper(topicPattern(wordWords), candidates)) return word;
    tried += 1;
    if (tried === SUGGESTIONS_TRIED) break;
  }
  return undefined;
}

function anyHelper<P>(pattern: TopicPattern, candidates: readonly HelperCandidate<P>[]): boolean {
  return candidates.some(({ interests }) => interests.some((interest) => strongestRole(interest.collaborationTags) !== undefined && interestHolds(interest, pattern)));
}

/**
 * The helpers for `topic` among `candidates`, each person once with their strongest role (and the first interest
 * that gave it). A matching interest without a collaboration tag gives no role: only the tags say someone is
 * open to being asked. Candidates keep their order within a role.
 */
export function findHelpers<P>(topic: string, candidates: readonly HelperCandidate<P>[]): HelperSearch<P> {
  const words = topicWords(topic);
  if (words.length === 0) return { kind: 'noTopic' };
  const pattern = topicPattern(words);
  const helpers: Record<HelperRole, HelperMatch<P>[]> = { mentor: [], askAbout: [], studyPartner: [] };
  let found = 0;
  for (const { person, interests } of candidates) {
    let best: HelperMatch<P> | undefined;
    for (const interest of interests) {
      if (!interestHolds(interest, pattern)) continue;
      const role = strongestRole(interest.collaborationTags);
      if (role && (!best || HELPER_ROLES.indexOf(role) < HELPER_ROLES.indexOf(best.role))) best = { person, role, interestName: interest.displayName ?? '' };
    }
    if (best) {
      helpers[best.role].push(best);
      found += 1;
    }
  }
  if (found === 0) return { kind: 'noMatch', suggestion: broaderTopic(topic.trim(), candidates) };
  return { kind: 'found', helpers };
}
