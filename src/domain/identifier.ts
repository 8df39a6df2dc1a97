/**
 * The rule for every identifier the bot takes from outside and may put into a URL, a storage key or a card: user
 * and conversation ids from the channel, interest ids and undo tokens from card payloads. Real ones are short
 * (GUIDs, `29:…`/`a:…` channel ids, Graph item ids); the bound keeps a forged one from growing every card and key
 * it is copied into. Ids must be well-formed Unicode (a lone surrogate makes `encodeURIComponent` throw) and never
 * `.` or `..`, which a URL resolver reads as "this folder" / "the parent folder" rather than as an id. They hold no
 * control character and no bidi control at all: an id is not text anyone reads in a direction, and one of these
 * makes it print in a log or a card as something other than what it is.
 */
import { hasUnsafeCharacters } from './text';

export const MAX_ID_LENGTH = 256;

/**
 * The bidi marks and isolates (U+061C, U+200E, U+200F, U+2066–U+2069), which names may hold; the embeddings and
 * overrides, and control characters, are refused everywhere by `hasUnsafeCharacters`.
 */
const BIDI_MARKS_AND_ISOLATES = /[؜‎‏⁦-⁩]/;

export function isWellFormedId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= MAX_ID_LENGTH &&
    value !== '.' &&
    value !== '..' &&
    // Checked after the length, so the scans are over at most MAX_ID_LENGTH units.
    !hasUnsafeCharacters(value) &&
    !BIDI_MARKS_AND_ISOLATES.test(value)
  );
}
