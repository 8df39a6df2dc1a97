import { AUDIENCE_LABELS, type Audience } from '../domain/audiences';
import { COLLABORATION_TAG_LABELS, COLLABORATION_TAGS, type CollaborationTag } from '../domain/collaborationTags';
import { INTEREST_LIMITS, type PersonInterest } from '../domain/personInterest';
import { validateWebUrl } from '../domain/validateInterest';
import { asRecord } from '../domain/wireValues';
import { inlineText } from './displayText';

/** Pieces of an interest worded for display, shared by the cards that show one. All text is escaped for TextBlocks. */

export const DISPLAY_LIMITS = Object.freeze({
  name: INTEREST_LIMITS.displayNameMax,
  listName: 80,
  description: INTEREST_LIMITS.descriptionMax,
  category: INTEREST_LIMITS.categoryMax,
  categoriesShown: INTEREST_LIMITS.categoriesMax,
  link: 200,
  notice: 300,
  message: 300,
});

export const UNTITLED = 'Untitled interest';
const NONE = 'None';

/** The name for headings and sentences; never empty. */
export function displayName(name: string | null | undefined, maxCodePoints: number = DISPLAY_LIMITS.name): string {
  return inlineText(name, maxCodePoints) || UNTITLED;
}

/** Known tags only, once each, in the order the bot offers them: at most four badges whatever the data holds. */
export function tagLabels(tags: readonly CollaborationTag[]): string[] {
  return COLLABORATION_TAGS.filter((tag) => tags.includes(tag)).map((tag) => COLLABORATION_TAG_LABELS[tag]);
}

export function tagsText(tags: readonly CollaborationTag[]): string {
  return tagLabels(tags).join(' · ') || NONE;
}

/** "Sports, Outdoors", capped in count and length, "None" when empty. */
export function categoriesText(categories: readonly string[]): string {
  const shown = categories
    .slice(0, DISPLAY_LIMITS.categoriesShown)
    .map((category) => inlineText(category, DISPLAY_LIMITS.category))
    .filter((category) => category !== '');
  if (shown.length === 0) return NONE;
  const more = categories.length - DISPLAY_LIMITS.categoriesShown;
  return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ');
}

export function audienceText(audience: Audience): string {
  return AUDIENCE_LABELS[audience];
}

export interface LinkView {
  hasLink: boolean;
  /** The link as text, escaped and shortened. */
  link: string;
  /** Only http(s) links the domain would accept are offered as a button; '' otherwise. */
  hasOpenableLink: boolean;
  linkUrl: string;
}

export function linkView(webUrl: string | null): LinkView {
  const link = inlineText(webUrl, DISPLAY_LIMITS.link);
  const openable = webUrl !== null && validateWebUrl(webUrl).ok;
  return { hasLink: link !== '', link: link || NONE, hasOpenableLink: openable, linkUrl: openable ? (webUrl ?? '') : '' };
}

/** An inferred interest the user has not confirmed yet. */
export function isUnconfirmedSuggestion(interest: PersonInterest): boolean {
  const inference = asRecord(interest.inference);
  return inference !== null && inference.userHasVerifiedAccuracy !== true;
}

/** "Suggested for you — 72% confidence"; Graph's score is a fraction (0–1), though percentages have been seen. */
export function suggestionText(interest: PersonInterest): string {
  const score = asRecord(interest.inference)?.confidenceScore;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) return 'Suggested for you';
  const percent = Math.round(score <= 1 ? score * 100 : score);
  return `Suggested for you — ${percent}% confidence`;
}
