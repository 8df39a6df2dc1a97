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

/** Whether `needle` occurs in `haystack` as a run of whole words. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

/** Whether an interest is about the topic: its name or one of its categories holds the topic's words. */
export function interestMatchesTopic(interest: HelperCandidate<unknown>['interests'][number], topic: readonly string[]): boolean {
  if (containsRun(topicWords(interest.displayName ?? ''), topic)) return true;
  return (interest.categories ?? []).some((category) => containsRun(topicWords(category), topic));
}

function strongestRole(tags: readonly string[] | null | undefined): HelperRole | undefined {
  const roles = (tags ?? []).filter(isCollaborationTag).map((tag) => ROLE_OF_TAG[tag]);
  return HELPER_ROLES.find((role) => roles.includes(role));
}

/**
 * A shorter topic to try when nothing matched: for several words, the longest one alone ("kubernetes" for
 * "kubernetes operators"); for one word, nothing (the bot suggests a category instead).
 */
function broaderTopic(topic: string): string | undefined {
  const words = topic.split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  return [...words].sort((a, b) => b.length - a.length)[0];
}

/**
 * The helpers for `topic` among `candidates`, each person once with their strongest role (and the first interest
 * that gave it). A matching interest without a collaboration tag gives no role: only the tags say someone is
 * open to being asked. Candidates keep their order within a role.
 */
export function findHelpers<P>(topic: string, candidates: readonly HelperCandidate<P>[]): HelperSearch<P> {
  const words = topicWords(topic);
  if (words.length === 0) return { kind: 'noTopic' };
  const helpers: Record<HelperRole, HelperMatch<P>[]> = { mentor: [], askAbout: [], studyPartner: [] };
  let found = 0;
  for (const { person, interests } of candidates) {
    let best: HelperMatch<P> | undefined;
    for (const interest of interests) {
      if (!interestMatchesTopic(interest, words)) continue;
      const role = strongestRole(interest.collaborationTags);
      if (role && (!best || HELPER_ROLES.indexOf(role) < HELPER_ROLES.indexOf(best.role))) best = { person, role, interestName: interest.displayName ?? '' };
    }
    if (best) {
      helpers[best.role].push(best);
      found += 1;
    }
  }
  if (found === 0) return { kind: 'noMatch', suggestion: broaderTopic(topic.trim()) };
  return { kind: 'found', helpers };
}
