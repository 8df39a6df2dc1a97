import type { en } from './catalogs/en';

/** A message's name in the catalogs (`list.title.own`); English, the source, defines the set. */
export type MessageKey = keyof typeof en;

/**
 * A language's messages, ICU MessageFormat, one for every key of the English catalog and no other: a missing or
 * extra key fails to compile.
 */
export type Catalog = { readonly [K in MessageKey]: string };

/** Values a message's placeholders take: text (user data, already made safe for where it goes) or numbers. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Words chosen where the language is not known yet (a domain rule, a failure's code): the key and its values,
 * turned into text by whoever sends them, in the reader's language (`text.t(message.key, message.values)`).
 */
export interface Message {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}
