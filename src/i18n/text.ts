import type { Catalog, Message, MessageKey, MessageValues } from './catalog';
import { CATALOGS } from './catalogs';
import { compileMessage, type CompiledMessage } from './compiledMessage';
import { canonicalTag, languageFor, PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language } from './languages';
import { pseudoLocalize } from './pseudo';

/**
 * Everything a turn needs to speak its user's language: the catalog's messages and `Intl` formatters for the user's
 * locale and time zone. Made once per locale and time zone and shared by every turn that has them.
 */
export interface Text {
  /** The catalog chosen (`de` for a `de-AT` user). */
  readonly language: Language;
  /** The locale `Intl` formats with: the user's own (`de-AT`) when its language is the catalog's. */
  readonly locale: string;
  /** An IANA zone from the user's client, or UTC. */
  readonly timeZone: string;
  /** The message, with its placeholders, plurals and selects filled in. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A message chosen earlier (`Message`), in this language. */
  say(message: Message): string;
  /** A calendar date as the user's locale writes it ("12 Mar 2024", "12.03.2024"), in the user's time zone. */
  date(value: Date): string;
  number(value: number): string;
  /**
   * "Chess, Go and Hiking" in the user's language. (The pseudo-locale joins with punctuation only: its words all
   * come from catalogs, and Intl would add unaccented English ones.)
   */
  list(items: readonly string[]): string;
  /** "Chess, Go or Hiking" in the user's language: the choices a refusal offers. */
  orList(items: readonly string[]): string;
  /** Orders names as the user's language sorts them. */
  compare(left: string, right: string): number;
}

const UTC = 'UTC';
/** Distinct locale × time zone pairs seen in a tenant are a few dozen; the bound only stops a flood of made-up ones. */
const TEXTS_KEPT = 512;
const texts = new Map<string, Text>();

/** Longer than any language tag or IANA zone: such a value is no setting, and is not kept as a key either. */
const SETTING_MAX = 64;

/** The `Text` for a user's locale tag (`de-AT`) and time zone, each falling back (to English, to UTC) when unusable. */
export function textFor(requestedLocale?: string, requestedTimeZone?: string): Text {
  const locale = usable(requestedLocale);
  const timeZone = usable(requestedTimeZone);
  const key = `${locale ?? ''}\u0000${timeZone ?? ''}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = createText(locale, timeZone);
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value as string);
    texts.set(key, text);
  }
  return text;
}

function usable(setting: string | undefined): string | undefined {
  return typeof setting === 'string' && setting.length <= SETTING_MAX ? setting : undefined;
}

function createText(requestedLocale: string | undefined, requestedTimeZone: string | undefined): Text {
  const language = languageFor(requestedLocale);
  const locale = formattingLocale(language, canonicalTag(requestedLocale));
  const timeZone = usableTimeZone(requestedTimeZone);
  const messages = messagesOf(language);
  // Made on first use: the first Intl formatter of a kind loads its locale data (a date format, ~20 ms), and most
  // turns format no date and sort nothing.
  const dateFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }));
  const numberFormat = once(() => new Intl.NumberFormat(locale));
  const listFormat = once(() => new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }));
  const orListFormat = once(() => new Intl.ListFormat(locale, { type: 'disjunction', style: 'long' }));
  const collator = once(() => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
  return Object.freeze({
    language,
    locale,
    timeZone,
    t: messages,
    say: (message: Message) => messages(message.key, message.values),
    date: (value: Date) => dateFormat().format(value),
    number: (value: number) => numberFormat().format(value),
    list: (items: readonly string[]) => (language === PSEUDO_LANGUAGE ? items.join(', ') : listFormat().format(items)),
    orList: (items: readonly string[]) => (language === PSEUDO_LANGUAGE ? items.join(' | ') : orListFormat().format(items)),
    compare: (left: string, right: string) => collator().compare(left, right),
  });
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function formattingLocale(language: Language, requested: string | undefined): string {
  if (language === PSEUDO_LANGUAGE) return SOURCE_LANGUAGE;
  if (requested !== undefined && new Intl.Locale(requested).language === new Intl.Locale(language).language) return requested;
  return language;
}

function usableTimeZone(requested: string | undefined): string {
  if (typeof requested !== 'string' || requested === '' || requested.length > 64) return UTC;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: requested }).resolvedOptions().timeZone;
  } catch {
    // Not a zone this runtime knows: dates are shown in UTC rather than not at all.
    return UTC;
  }
}

const formatters = new Map<Language, (key: MessageKey, values?: MessageValues) => string>();

/** One formatter per language; each message is parsed the first time it is used, then kept. */
function messagesOf(language: Language): (key: MessageKey, values?: MessageValues) => string {
  let format = formatters.get(language);
  if (format === undefined) {
    format = compileLazily(language);
    formatters.set(language, format);
  }
  return format;
}

function compileLazily(language: Language): (key: MessageKey, values?: MessageValues) => string {
  const catalog: Catalog = CATALOGS[language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : language];
  const compiled = new Map<MessageKey, CompiledMessage>();
  return (key, values) => {
    let message = compiled.get(key);
    if (message === undefined) {
      const source = catalog[key];
      message = language === PSEUDO_LANGUAGE ? compileMessage(key, pseudoLocalize(source), SOURCE_LANGUAGE) : compileMessage(key, source, language);
      compiled.set(key, message);
    }
    return message(values);
  };
}

/** English in UTC: for what is said outside any user's turn (tests, start-up). */
export const SOURCE_TEXT: Text = textFor(SOURCE_LANGUAGE);
