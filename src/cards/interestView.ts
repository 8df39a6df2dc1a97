import { AUDIENCE_LABEL_KEYS, describeAudience, type Audience } from '../domain/audiences';
import { COLLABORATION_TAG_LABEL_KEYS, COLLABORATION_TAGS, type CollaborationTag } from '../domain/collaborationTags';
import { INTEREST_LIMITS, type PersonInterest } from '../domain/personInterest';
import { validateWebUrl } from '../domain/validateInterest';
import { asRecord } from '../domain/wireValues';
import type { Text } from '../i18n/text';
import { inlineText, plainText } from './displayText';
import { escapeMarkdown } from './escapeMarkdown';

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

/** The name for headings and sentences; never empty. */
export function displayName(text: Text, name: string | null | undefined, maxCodePoints: number = DISPLAY_LIMITS.name): string {
  return nameForms(text, name, maxCodePoints).shown;
}

/**
 * The name as a TextBlock shows it (`shown`, Markdown escaped) and as a button's title or a sentence's plain words
 * name it (`plain`): the same words, cut alike, worked out once. Never empty.
 */
export function nameForms(text: Text, name: string | null | undefined, maxCodePoints: number = DISPLAY_LIMITS.name): { shown: string; plain: string } {
  const plain = plainText(name, maxCodePoints);
  if (plain === '') {
    const untitled = text.t('card.untitled');
    return { shown: untitled, plain: untitled };
  }
  return { shown: escapeMarkdown(plain), plain };
}

/** Known tags only, once each, in the order the bot offers them: at most four badges whatever the data holds. */
export function tagLabels(text: Text, tags: readonly CollaborationTag[]): string[] {
  return COLLABORATION_TAGS.filter((tag) => tags.includes(tag)).map((tag) => text.t(COLLABORATION_TAG_LABEL_KEYS[tag]));
}

export function tagsText(text: Text, tags: readonly CollaborationTag[]): string {
  return tagLabels(text, tags).join(' · ') || text.t('card.none');
}

/** "Sports and Outdoors" as the reader's language lists them, capped in count and length, "None" when empty. */
export function categoriesText(text: Text, categories: readonly string[]): string {
  const shown = categories
    .slice(0, DISPLAY_LIMITS.categoriesShown)
    .map((category) => inlineText(category, DISPLAY_LIMITS.category))
    .filter((category) => category !== '');
  if (shown.length === 0) return text.t('card.none');
  const more = categories.length - DISPLAY_LIMITS.categoriesShown;
  return more > 0 ? text.t('card.categoriesMore', { categories: text.list(shown), count: more }) : text.list(shown);
}

export function audienceText(text: Text, audience: Audience): string {
  return text.t(AUDIENCE_LABEL_KEYS[audience]);
}

/** The audiences in an `allowedAudiences` value as read: "My contacts and My organization", or "Not set". */
export function audiencesText(text: Text, wire: unknown): string {
  return text.list(describeAudience(wire).map((label) => text.say(label)));
}

export interface LinkView {
  hasLink: boolean;
  /** The link as text, escaped and shortened. */
  link: string;
  /** Only http(s) links the domain would accept are offered as a button; '' otherwise. */
  hasOpenableLink: boolean;
  linkUrl: string;
}

export function linkView(text: Text, webUrl: string | null): LinkView {
  const link = inlineText(webUrl, DISPLAY_LIMITS.link);
  const openable = webUrl !== null && validateWebUrl(webUrl).ok;
  return { hasLink: link !== '', link: link || text.t('card.none'), hasOpenableLink: openable, linkUrl: openable ? (webUrl ?? '') : '' };
}

/** An inferred interest the user has not confirmed yet. */
export function isUnconfirmedSuggestion(interest: PersonInterest): boolean {
  const inference = asRecord(interest.inference);
  return inference !== null && inference.userHasVerifiedAccuracy !== true;
}

/** "Suggested for you — 72% confidence"; Graph's score is a fraction (0–1), though percentages have been seen. */
export function suggestionText(text: Text, interest: PersonInterest): string {
  const score = asRecord(interest.inference)?.confidenceScore;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) return text.t('interestCard.suggestion');
  const percent = Math.round(score <= 1 ? score * 100 : score);
  return text.t('interestCard.suggestion.confidence', { confidence: percent / 100 });
}
