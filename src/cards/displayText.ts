import { normalizeMultiLine, normalizeSingleLine, removeUnsafeCharacters } from '../domain/text';
import { escapeMarkdown } from './escapeMarkdown';

/**
 * Turning stored text into what a card shows. Cards must stay small and literal whatever the data holds, so
 * every piece of user text goes through here: unsafe characters dropped, length capped, Markdown escaped.
 */

const ELLIPSIS = '…';

export { removeUnsafeCharacters };

/** At most `maxCodePoints` code points (never half an emoji), with an ellipsis when something was cut. */
export function clip(text: string, maxCodePoints: number): string {
  // No text has more code points than UTF-16 units: a short one is kept without counting.
  if (text.length <= maxCodePoints) return text;
  const codePoints = Array.from(text);
  if (codePoints.length <= maxCodePoints) return text;
  return codePoints.slice(0, Math.max(0, maxCodePoints - 1)).join('') + ELLIPSIS;
}

/** At most `maxCodePoints` code points, cut without a marker: for values that go back into inputs and drafts. */
export function truncate(text: string, maxCodePoints: number): string {
  if (text.length <= maxCodePoints) return text;
  const codePoints = Array.from(text);
  return codePoints.length <= maxCodePoints ? text : codePoints.slice(0, maxCodePoints).join('');
}

/** One line of user text for a TextBlock: safe, whitespace collapsed, capped, Markdown escaped. */
export function inlineText(text: string | null | undefined, maxCodePoints: number): string {
  return escapeMarkdown(plainText(text, maxCodePoints));
}

/** Paragraphs of user text for a wrapping TextBlock: line breaks kept. */
export function blockText(text: string | null | undefined, maxCodePoints: number): string {
  return escapeMarkdown(clip(normalizeMultiLine(removeUnsafeCharacters(text ?? '')), maxCodePoints));
}

/**
 * At most `maxUnits` UTF-16 code units, never half a surrogate pair: how an input's `maxLength` counts in the
 * client, and how the domain measures a link.
 */
export function truncateUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  const cut = text.slice(0, maxUnits);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** User text for an input's value or an action's data: safe and capped in code points, but not escaped (inputs show text literally). */
export function inputText(text: string | null | undefined, maxCodePoints: number): string {
  return truncate(removeUnsafeCharacters(text ?? ''), maxCodePoints);
}

/** What the user typed, for an input's value: safe and capped the way the input's own `maxLength` caps typing. */
export function typedText(text: string | null | undefined, maxUnits: number): string {
  return truncateUnits(removeUnsafeCharacters(text ?? ''), maxUnits);
}

/** Plain text for places that never render Markdown (action titles): safe, one line, capped. */
export function plainText(text: string | null | undefined, maxCodePoints: number): string {
  return clip(normalizeSingleLine(removeUnsafeCharacters(text ?? '')), maxCodePoints);
}
