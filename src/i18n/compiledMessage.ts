import { TYPE, type ArgumentElement, type LiteralElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageValues } from './catalog';

/** A catalog message ready to fill in. */
export type CompiledMessage = (values?: MessageValues) => string;

/**
 * Parses a message once. Most messages are text with plain `{name}` placeholders; those are joined directly, as
 * intl-messageformat would join them (a text or number as written, any other false-ish value as nothing) but
 * without building its parts list on every call, which a list card does some twenty times. Anything else (plurals,
 * selects, formatted numbers, a missing or non-text value) goes to the library itself, so its answers and errors
 * are the library's.
 */
export function compileMessage(key: string, source: string | MessageFormatElement[], locale: string): CompiledMessage {
  const message = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
  const viaLibrary: CompiledMessage = (values) => {
    const formatted = message.format(values);
    if (typeof formatted !== 'string') throw new Error(`The message ${key} did not format to text.`);
    return formatted;
  };
  const elements = message.getAst();
  if (!elements.every(isTextOrPlaceholder)) return keptForNumbers(viaLibrary);
  return (values) => {
    let joined = '';
    for (const element of elements) {
      if (element.type === TYPE.literal) {
        joined += element.value;
        continue;
      }
      // A missing value, or an object (which the library returns as a part, not text): the library's answer.
      if (values === undefined || !(element.value in values)) return viaLibrary(values);
      const value: unknown = values[element.value];
      if (typeof value === 'string' || typeof value === 'number') joined += String(value);
      else if (value) return viaLibrary(values);
    }
    return joined;
  };
}

/** Distinct calls kept per message: counts and page bounds of a tenant's lists are a few hundred at most. */
const NUMBER_CALLS_KEPT = 256;

/**
 * The library's formatting kept for calls whose every value is a number (a count, a page's bounds): its answer
 * depends on nothing else, and a list card asks for the same few counts turn after turn, each one through plural
 * rules and number formats. Any other call is formatted anew.
 */
function keptForNumbers(format: CompiledMessage): CompiledMessage {
  const kept = new Map<string, string>();
  return (values) => {
    const key = numbersKey(values);
    if (key === undefined) return format(values);
    let formatted = kept.get(key);
    if (formatted === undefined) {
      formatted = format(values);
      if (kept.size >= NUMBER_CALLS_KEPT) kept.clear();
      kept.set(key, formatted);
    }
    return formatted;
  };
}

/** `count=3;` for `{ count: 3 }`; undefined unless there are values and every one is a number. */
function numbersKey(values: MessageValues | undefined): string | undefined {
  if (values === undefined) return undefined;
  let key = '';
  for (const name of Object.keys(values)) {
    const value: unknown = values[name];
    if (typeof value !== 'number') return undefined;
    // -0 is written "-0" by number formats, so it is kept apart from 0.
    key += `${name}=${Object.is(value, -0) ? '-0' : value};`;
  }
  return key === '' ? undefined : key;
}

function isTextOrPlaceholder(element: MessageFormatElement): element is LiteralElement | ArgumentElement {
  return element.type === TYPE.literal || element.type === TYPE.argument;
}
