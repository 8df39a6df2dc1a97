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
  if (!elements.every(isTextOrPlaceholder)) return viaLibrary;
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

function isTextOrPlaceholder(element: MessageFormatElement): element is LiteralElement | ArgumentElement {
  return element.type === TYPE.literal || element.type === TYPE.argument;
}
