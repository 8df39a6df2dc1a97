/**
 * Turns what a person typed into something a command table can match. In channels and group chats Teams only
 * delivers messages that @mention the bot, with the mention inside the text as `<at>Bot name</at>`.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { typedKey } from '../i18n/typedWords';

export interface CommandText {
  /** Mentions removed, whitespace collapsed, trimmed; original letter case (interest names keep theirs). */
  readonly text: string;
  /** `text` as command words are compared (`typedKey`: lower case), for matching them in any language. */
  readonly key: string;
  /**
   * `text` with its line breaks kept: a whitespace run holding a line break is one `\n`, any other one space.
   * Character for character it lines up with `text`, so an argument sliced from one slices the same from the
   * other. Bulk add reads its names from here (one per line).
   */
  readonly lines: string;
}

/** Removes `<at>…</at>` mention tags, collapses whitespace and trims. Pure, so it is tested on its own. */
export function normalizeCommandText(raw: string): CommandText {
  const withoutMentions = removeMentionTags(raw);
  const text = withoutMentions.replace(/\s+/g, ' ').trim();
  const lines = withoutMentions.replace(/\s+/g, (run) => (/[\n\r\u2028\u2029]/.test(run) ? '\n' : ' ')).trim();
  return { text, key: typedKey(text), lines };
}

/**
 * Replaces each `<at …>…</at>` (any letter case, the first `>` ending the opening tag, the first `</at>` after it
 * closing it) with a space. A single forward scan, so its cost is linear in the text whatever the text holds: a
 * backtracking pattern for the same tags takes quadratic time on text full of unclosed `<at>`.
 *
 * Every search below starts where an earlier one left off or later, and the positions of the next `>` and the next
 * `</at>` are remembered, so no character is examined more than a fixed number of times. Once no `>` or `</at>`
 * follows an opening tag, none follows any later one either, and the scan stops.
 */
export function removeMentionTags(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  let searchFrom = 0;
  let nextGt = -1;
  let nextClose = -1;
  for (;;) {
    const open = findOpeningTag(text, searchFrom);
    if (open < 0) break;
    if (nextGt < open + 3) nextGt = text.indexOf('>', open + 3);
    if (nextGt < 0) break;
    if (nextClose < nextGt + 1) nextClose = findClosingTag(text, nextGt + 1);
    if (nextClose < 0) break;
    result += `${text.slice(copiedUpTo, open)} `;
    copiedUpTo = nextClose + CLOSING_TAG.length;
    searchFrom = copiedUpTo;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

const CLOSING_TAG = '</at>';

/** `<at` (any case) not followed by a word character, as `<at\b` matches. */
function findOpeningTag(text: string, from: number): number {
  for (let index = text.indexOf('<', from); index >= 0; index = text.indexOf('<', index + 1)) {
    if (isLetter(text, index + 1, 'a') && isLetter(text, index + 2, 't') && !isWordCharacter(text.charCodeAt(index + 3))) return index;
  }
  return -1;
}

/** `</at>` in any letter case. */
function findClosingTag(text: string, from: number): number {
  for (let index = text.indexOf('</', from); index >= 0; index = text.indexOf('</', index + 1)) {
    if (isLetter(text, index + 2, 'a') && isLetter(text, index + 3, 't') && text[index + 4] === '>') return index;
  }
  return -1;
}

function isLetter(text: string, index: number, lower: 'a' | 't'): boolean {
  const char = text[index];
  return char === lower || char === lower.toUpperCase();
}

function isWordCharacter(code: number): boolean {
  // NaN (past the end) is not a word character, as `\b` at the end of the text matches.
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/**
 * The activity's text without the bot's own mention. The activity's text is updated too (as `lines`), so a dialog
 * continuing this turn reads the same answer without `<at>Bot</at>` in front of it. A message with no text (an
 * `Action.Submit` from an older card) reads as empty. Malformed mention entities never get here: the HTTP edge
 * drops them (`http/activityGuard.ts`).
 */
export function readCommandText(activity: Partial<Activity>): CommandText {
  if (typeof activity.text !== 'string') return normalizeCommandText('');
  if (activity.recipient?.id && activity.entities?.length) TurnContext.removeRecipientMention(activity);
  const normalized = normalizeCommandText(activity.text);
  // Line breaks stay: a message replayed after sign-in must still hold one name per line for bulk add.
  activity.text = normalized.lines;
  return normalized;
}
