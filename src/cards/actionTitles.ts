import type { Text } from '../i18n/text';

/**
 * A screen reader lists a card's buttons by title, out of the card's layout, so two buttons that do different
 * things must not share a title. Titles made from names can: two interests, or two colleagues, may have the same
 * name, and a title keeps only the start of a long one. Each title that would be shared is told apart by its
 * item's position on the card ("Open Chess (number 12)"), the order in which the items are shown and read.
 */
export function distinctTitles(text: Text, titles: readonly string[], positionOf: (index: number) => number = (index) => index + 1): string[] {
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  return titles.map((title, index) => ((counts.get(title) ?? 0) > 1 ? text.t('card.action.numbered', { action: title, position: positionOf(index) }) : title));
}
