/**
 * Turns what a person typed into something a command table can match. In channels and group chats Teams only
 * delivers messages that @mention the bot, with the mention inside the text as `<at>Bot name</at>`.
 */
import { TurnContext, type Activity } from 'botbuilder';

const AT_TAG = /<at\b[^>]*>.*?<\/at>/gis;

export interface CommandText {
  /** Mentions removed, whitespace collapsed, trimmed; original letter case (interest names keep theirs). */
  readonly text: string;
  /** `text` lower-cased, for matching command words. */
  readonly key: string;
}

/** Removes `<at>…</at>` mention tags, collapses whitespace and trims. Pure, so it is tested on its own. */
export function normalizeCommandText(raw: string): CommandText {
  const text = raw.replace(AT_TAG, ' ').replace(/\s+/g, ' ').trim();
  return { text, key: text.toLowerCase() };
}

/**
 * The activity's text without the bot's own mention. The activity's text is updated too, so a dialog continuing
 * this turn reads the same answer without `<at>Bot</at>` in front of it. A message with no text (an
 * `Action.Submit` from an older card) reads as empty.
 */
export function readCommandText(activity: Partial<Activity>): CommandText {
  if (typeof activity.text !== 'string') return normalizeCommandText('');
  if (activity.recipient?.id && activity.entities?.length) TurnContext.removeRecipientMention(activity);
  const normalized = normalizeCommandText(activity.text);
  activity.text = normalized.text;
  return normalized;
}
