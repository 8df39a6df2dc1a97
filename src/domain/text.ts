/**
 * Text normalization shared by validation and duplicate detection, so "the same text" means one thing
 * everywhere in the domain.
 */

/**
 * Characters the bot refuses to write: C0/C1 control characters (other than the whitespace the normalizers
 * handle), the bidi embedding/override controls U+202A–U+202E that can make text display differently from what it
 * is (CVE-2021-42574, "Trojan Source"), and unpaired UTF-16 surrogates, which are not valid Unicode and don't
 * survive JSON round trips. Right-to-left text, emoji, zero-width joiners and combining marks are all allowed.
 */
// No `u` flag on purpose: it has to see UTF-16 units to find unpaired surrogates.
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_CHARACTERS.lastIndex = 0;
  return UNSAFE_CHARACTERS.test(text);
}

/** Stored data is shown as it is, so for display the same characters are dropped rather than refused. */
export function removeUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

/**
 * Something that shows on screen: not whitespace, not a control, format or other default-ignorable character
 * (zero-width space, joiners, the Hangul fillers, variation selectors), not a combining mark on its own, not the
 * blank Braille pattern. A name made only of such characters looks empty wherever it is shown.
 */
const VISIBLE_CHARACTER = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{M}\u2800]/u;

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE_CHARACTER.test(text);
}

/** One-line text (names, categories, tags): NFC, every whitespace run (including line breaks) becomes one space, trimmed. */
export function normalizeSingleLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Multi-line text (descriptions): NFC, every line-break form becomes `\n`, trimmed. Other whitespace is kept. */
export function normalizeMultiLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .trim();
}

/** Length as a person counts it more closely than UTF-16 units do: one per code point, so an emoji counts once. */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** The key two names are compared by: case-insensitive, whitespace- and Unicode-form-insensitive. */
export function comparisonKey(text: string): string {
  return normalizeSingleLine(text).toLowerCase();
}

/**
 * The key text is found by (a topic, the name in `edit <name>`), in the reader's locale: compatibility forms
 * unified (NFKC: full-width Ｌａｔｉｎ, half-width ｶﾅ), lower case as the locale writes it, whitespace collapsed,
 * and accents dropped from Latin letters only ("Résumé" finds "resume"). Other scripts keep their marks: a kana's
 * voicing mark makes another word (が is not か), as a Cyrillic й is not и. For finding only: whether two names
 * are the same (`comparisonKey`) does not depend on who asks.
 */
export function findingKey(text: string, locale: string): string {
  return foldLatinAccents(normalizeSingleLine(text.normalize('NFKC')).toLocaleLowerCase(locale));
}

/**
 * A Latin letter that may carry an accent: one outside ASCII (precomposed, "é"), or any followed by combining
 * marks. Each is decomposed and its marks dropped on its own, so nothing else in the text is decomposed.
 */
const ACCENTED_LATIN = /(?=[^\p{ASCII}])\p{Script=Latin}\p{M}*|[a-z]\p{M}+/gu;
const MARKS = /\p{M}/gu;

function foldLatinAccents(text: string): string {
  // Most text is plain ASCII or has no Latin at all: nothing to do.
  if (!/[^\p{ASCII}]/u.test(text)) return text;
  return text.replace(ACCENTED_LATIN, (letter) => letter.normalize('NFD').replace(MARKS, ''));
}

/** How long a quote of the user's own text may be when a reply echoes it: enough to recognise, short enough to read. */
/**
 * Where a typed list splits: the comma, the full-width comma Chinese keyboards type and the ideographic comma of
 * Japanese and Chinese (`体育，户外`, `チェス、囲碁`).
 */
export const LIST_COMMA = /[,\uFF0C\u3001]/;

export const SHORT_QUOTE_CHARS = 100;

const ELLIPSIS = '…';

/**
 * What the user typed, for a reply that repeats it: unsafe characters dropped, one line, and at most `maxChars`
 * UTF-16 units (how Teams measures a message), ellipsis included. A long text is cut between two graphemes, so an
 * accented letter, an emoji sequence or a flag is never split, and never inside a surrogate pair. Only the start of
 * the text is looked at for the cut, so the cost stays linear however long the text is.
 */
export function quoteUserText(text: string, maxChars: number = SHORT_QUOTE_CHARS): string {
  const line = normalizeSingleLine(removeUnsafeCharacters(text));
  if (line.length <= maxChars) return line;
  return graphemePrefix(line, Math.max(0, maxChars - ELLIPSIS.length)) + ELLIPSIS;
}

// Built on first use: it loads ICU break rules that most turns never need.
let graphemeSegmenter: Intl.Segmenter | undefined;

/**
 * The longest start of `text` made of whole graphemes and at most `maxUnits` long. Whether a grapheme ends at a
 * position depends on the code point after it, so the window segmented holds one code point (two units) more than
 * the budget. A single grapheme longer than the budget (a letter with hundreds of marks) is cut between code points.
 */
function graphemePrefix(text: string, maxUnits: number): string {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let end = 0;
  for (const { index, segment } of graphemeSegmenter.segment(text.slice(0, maxUnits + 2))) {
    if (index + segment.length > maxUnits) break;
    end = index + segment.length;
  }
  return end > 0 ? text.slice(0, end) : codePointPrefix(text, maxUnits);
}

function codePointPrefix(text: string, maxUnits: number): string {
  const cut = text.slice(0, maxUnits);
  const last = cut.charCodeAt(cut.length - 1);
  // A high surrogate at the end would be half a character: drop it.
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
