/**
 * The benchmark's users, as a tenant has them: hundreds of people, each with their own interests, how many varying
 * from none to forty (most have a handful, a few have many), with names, descriptions and categories of varied
 * length, some in non-Latin scripts. Everything comes from a seeded generator, so every run (and the product and
 * its floor within a run) sees exactly the same data. No timing here: pure functions, tested in
 * `test/bench/population.test.ts`.
 */
import { COLLABORATION_TAGS, type CollaborationTag } from '../src/domain/collaborationTags';
import { INTEREST_LIMITS, type InterestDraft } from '../src/domain/personInterest';

/** Users in the realistic load: more than any per-process card cache keeps, as in a tenant. */
export const USER_COUNT = 300;
export const MAX_INTERESTS = 40;
/** The share of users with no interests at all. */
export const SHARE_WITHOUT_INTERESTS = 0.08;

/** A small seeded generator (mulberry32): the same seed gives the same numbers in [0, 1) on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * How many interests user `index` has: none for about 8 %, else 1 to 40, skewed low (the square of a uniform
 * number), so the median is about ten and a few users have more than thirty.
 */
export function interestCountFor(index: number): number {
  const random = seededRandom(1_000_003 * (index + 1));
  if (random() < SHARE_WITHOUT_INTERESTS) return 0;
  const uniform = random();
  return 1 + Math.round((MAX_INTERESTS - 1) * uniform * uniform);
}

/** Words interests are made of; a few in other scripts, so the bytes on the wire vary as in a real tenant. */
const WORDS = [
  'data', 'platform', 'engineering', 'cloud', 'security', 'design', 'research', 'machine', 'learning', 'sailing',
  'photography', 'Kubernetes', 'TypeScript', 'accessibility', 'negotiation', 'mentoring', 'public', 'speaking', 'supply',
  'chain', 'analytics', 'pricing', 'customer', 'success', 'jazz', 'piano', 'marathon', 'running', 'gardening', 'chess',
  'Résumé', 'Straße', 'café', 'naïve', 'Zürich', 'São', 'Paulo', '機械学習', 'データ', '设计', '数据', 'über',
  'operations', 'finance', 'compliance', 'privacy', 'localization', 'testing', 'observability', 'incident', 'response',
] as const;

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'data').join(' ');
}

/** Text of about `length` characters from whole words, cut to `max`. */
function textOfLength(random: () => number, length: number, max: number): string {
  let text = '';
  while (text.length < length) text = text ? `${text} ${words(random, 1)}` : words(random, 1);
  return Array.from(text).slice(0, Math.min(length, max)).join('').trim();
}

/** A length in [min, max], skewed towards `min` (most names are short, a few are long). */
function skewedLength(random: () => number, min: number, max: number): number {
  const uniform = random();
  return min + Math.round((max - min) * uniform * uniform * uniform);
}

/**
 * Interest `index` of user `user`: a name of 3 to 100 characters (mostly under 30), a description that is empty
 * for about a third and otherwise 20 to 500 characters, 0 to 4 categories, any of the collaboration tags, a web
 * address for about half. The name ends with its number, so a user's names are distinct.
 */
export function realisticDraft(user: number, index: number): InterestDraft {
  const random = seededRandom(7_919 * (user + 1) + 104_729 * (index + 1));
  const suffix = ` ${index + 1}`;
  const nameLength = skewedLength(random, 3, INTEREST_LIMITS.displayNameMax - suffix.length);
  const displayName = `${textOfLength(random, nameLength, INTEREST_LIMITS.displayNameMax - suffix.length)}${suffix}`;
  const description = random() < 0.35 ? null : textOfLength(random, skewedLength(random, 20, INTEREST_LIMITS.descriptionMax), INTEREST_LIMITS.descriptionMax);
  const categories = Array.from({ length: Math.floor(random() * 5) }, () => textOfLength(random, skewedLength(random, 3, 30), INTEREST_LIMITS.categoryMax));
  const collaborationTags = COLLABORATION_TAGS.filter(() => random() < 0.2) satisfies CollaborationTag[];
  return {
    displayName,
    description,
    categories: [...new Set(categories)],
    collaborationTags,
    allowedAudiences: random() < 0.8 ? 'organization' : 'me',
    webUrl: random() < 0.5 ? `https://example.com/${encodeURIComponent(displayName.slice(0, 20))}` : null,
  };
}

/** The shape of the load, for the report: users, interests in all, users with none, the median and the most. */
export interface PopulationShape {
  readonly users: number;
  readonly interests: number;
  readonly withoutInterests: number;
  readonly median: number;
  readonly max: number;
}

export function populationShape(counts: readonly number[]): PopulationShape {
  const sorted = [...counts].sort((a, b) => a - b);
  return {
    users: counts.length,
    interests: counts.reduce((sum, count) => sum + count, 0),
    withoutInterests: counts.filter((count) => count === 0).length,
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

/**
 * Hands out users in turn, so consecutive turns go to different people and a user comes round again only after
 * every other one has: each user acts about once per pass, as in a tenant. The position is kept from one run to
 * the next, so no run starts on users the previous run of the same target has just had (whose cards a cache would
 * still hold).
 */
export class UserRotation {
  private turns = 0;

  /** The next user among `count`, and how many full passes came before (to vary what the user does). */
  next(count: number): { readonly index: number; readonly pass: number } {
    if (count < 1) throw new Error('No users to rotate through');
    const turn = this.turns;
    this.turns += 1;
    return { index: turn % count, pass: Math.floor(turn / count) };
  }
}
