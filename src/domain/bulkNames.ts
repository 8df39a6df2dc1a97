/**
 * Several interest names in one message: how `add` text is split into names, and how each name is checked before
 * anything is created. Pure, so the rules are tested as tables (test/domain/bulkNames.test.ts).
 *
 * The splitting rule (docs/bulk-add.md says the same for users):
 * 1. The text after `add` is split into names at line breaks and at semicolons (`;`, or the full-width `；` of
 *    Chinese and Japanese keyboards).
 * 2. A name that starts with an opening quote (`"`, `“`, `„`, `«`, `「`, `『`) runs to its closing quote (`"`, `”`,
 *    `“`, `»`, `」`, `』`) on the same line: semicolons and commas inside are part of the name, and `""` inside
 *    stands for one `"`. Text
 *    between the closing quote and the next separator is kept as part of the name. A quote that is never closed on
 *    its line, or one that does not start the name (`Rock "n" roll`), is an ordinary character.
 * 3. Blank names are dropped, so `add Chess;` is one name.
 * 4. A single unquoted name with a comma (`Food, wine`; also `，` and `、`) may be one interest or several: the caller asks. With two
 *    or more names (a separator was used) commas are part of the names and nobody is asked. A single name with
 *    commas that is too long to be one interest is taken as several without asking.
 * 5. More than `MAX_BULK_NAMES` names are refused as a whole.
 */
import type { Message } from '../i18n/catalog';
import { INTEREST_LIMITS, type PersonInterest } from './personInterest';
import { codePointLength, comparisonKey, LIST_COMMA } from './text';
import { validateDisplayName } from './validateInterest';

/** The most names one bulk add takes (5 Graph batches of 20). */
export const MAX_BULK_NAMES = 100;

export type BulkNames =
  /** Nothing after `add`. */
  | { readonly kind: 'none' }
  /** One name: today's add dialog. */
  | { readonly kind: 'one'; readonly name: string }
  /** One unquoted name with commas: one interest (`whole`) or one per part? */
  | { readonly kind: 'oneOrSplit'; readonly whole: string; readonly parts: readonly string[] }
  | { readonly kind: 'several'; readonly names: readonly string[] }
  | { readonly kind: 'tooMany'; readonly count: number };

interface Entry {
  readonly text: string;
  readonly quoted: boolean;
}

/** Each opening quote people type, with the closing quotes that end it (English, German, French, Japanese). */
const CLOSING_QUOTES_OF: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['"', new Set(['"', '\u201D'])],
  ['\u201C', new Set(['"', '\u201D'])],
  ['\u201E', new Set(['\u201C', '\u201D'])],
  ['\u00AB', new Set(['\u00BB'])],
  ['\u300C', new Set(['\u300D'])],
  ['\u300E', new Set(['\u300F'])],
]);
const SEPARATORS = new Set([';', '\uFF1B', '\n']);


export function parseBulkNames(input: string): BulkNames {
  const entries = splitEntries(input.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n'));
  if (entries.length === 0) return { kind: 'none' };
  if (entries.length > MAX_BULK_NAMES) return { kind: 'tooMany', count: entries.length };
  if (entries.length > 1) return { kind: 'several', names: entries.map((entry) => entry.text) };
  const [only] = entries as [Entry];
  if (!only.quoted) {
    const parts = only.text
      .split(LIST_COMMA)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (parts.length > 1 && parts.length <= MAX_BULK_NAMES) {
      // Too long for one interest: it can only be meant as several.
      if (codePointLength(only.text) > INTEREST_LIMITS.displayNameMax) return { kind: 'several', names: parts };
      return { kind: 'oneOrSplit', whole: only.text, parts };
    }
  }
  return { kind: 'one', name: only.text };
}

/** One forward scan; each entry's text trimmed, blank entries dropped. */
function splitEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  let index = 0;
  while (index <= text.length) {
    const start = skipBlanks(text, index);
    const closing = CLOSING_QUOTES_OF.get(text[start] ?? '');
    const quoted = closing !== undefined ? readQuoted(text, start, closing) : undefined;
    let name = quoted?.text ?? '';
    let position = quoted?.end ?? start;
    while (position < text.length && !SEPARATORS.has(text[position]!)) name += text[position++];
    const trimmed = name.trim();
    if (trimmed !== '') entries.push({ text: trimmed, quoted: quoted !== undefined });
    index = position + 1;
  }
  return entries;
}

function skipBlanks(text: string, from: number): number {
  let position = from;
  while (position < text.length && text[position] !== '\n' && /\s/.test(text[position]!)) position++;
  return position;
}

/** The quoted text starting at `start` (an opening quote), or undefined when it is not closed on its line. */
function readQuoted(text: string, start: number, closing: ReadonlySet<string>): { text: string; end: number } | undefined {
  let name = '';
  for (let position = start + 1; position < text.length; position++) {
    const char = text[position]!;
    if (char === '\n') return undefined;
    if (char === '"' && text[position + 1] === '"') {
      name += '"';
      position++;
      continue;
    }
    if (closing.has(char)) return { text: name, end: position + 1 };
    name += char;
  }
  return undefined;
}

/** What the bulk card says about one parsed name (why an invalid one is not, as the name rules word it). Only `new` names can be created. */
export type BulkNameCheck =
  | { readonly kind: 'new'; readonly name: string }
  | { readonly kind: 'invalid'; readonly name: string; readonly message: Message }
  | { readonly kind: 'exists'; readonly name: string; readonly existing: string; readonly existingId: string | undefined }
  | { readonly kind: 'repeated'; readonly name: string };

/**
 * Checks each name with the domain's name rules (`validateDisplayName`: length, visible characters, unsafe
 * characters), against the user's interests (same comparison as the add dialog's name check: case, spacing and
 * Unicode form ignored), and against the names before it in the list. Valid names come back cleaned.
 */
export function checkBulkNames(names: readonly string[], existing: readonly PersonInterest[]): BulkNameCheck[] {
  const existingByKey = new Map<string, { readonly name: string; readonly id: string | undefined }>();
  for (const interest of existing) {
    if (typeof interest.displayName === 'string') existingByKey.set(comparisonKey(interest.displayName), { name: interest.displayName, id: interest.id ?? undefined });
  }
  const seen = new Set<string>();
  return names.map((raw): BulkNameCheck => {
    const validated = validateDisplayName(raw);
    if (!validated.ok) return { kind: 'invalid', name: raw, message: validated.error };
    const name = validated.value;
    const key = comparisonKey(name);
    const onProfile = existingByKey.get(key);
    if (onProfile !== undefined) return { kind: 'exists', name, existing: onProfile.name, existingId: onProfile.id };
    if (seen.has(key)) return { kind: 'repeated', name };
    seen.add(key);
    return { kind: 'new', name };
  });
}
