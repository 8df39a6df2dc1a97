import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ACCENTED: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [letter, [...'àƀçđēƒĝĥïĵķĺḿñōƥɋŕšŧūṽŵẋýžÀƁÇĐĒƑĜĤÏĴĶĹḾÑŌƤɊŔŠŦŪṼŴẊÝŽ'][index] ?? letter]),
  ),
);

/** Opening and closing marks of a pseudo-localized message: text between them came from a catalog. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** About 40 % longer, the growth German or French brings to short English UI text. */
const GROWTH = 0.4;
const FILLER = ' ~ļōŕēḿ ïƥšūḿ đōļōŕ šïŧ àḿēŧ';

/**
 * An English message as the pseudo-locale shows it: every letter accented (so an unaccented word in a test's output
 * did not come through a catalog), ~40 % longer and bracketed (so truncation and overflow show). Placeholders,
 * plurals and markdown keep working: only the literal parts change.
 */
export function pseudoLocalize(message: string): MessageFormatElement[] {
  const elements = parse(message, { ignoreTag: true });
  const literalLength = visibleLength(elements);
  const padding = FILLER.repeat(Math.ceil((literalLength * GROWTH) / FILLER.length) + 1).slice(0, Math.ceil(literalLength * GROWTH));
  return [literal(PSEUDO_OPEN), ...accented(elements), literal(`${padding}${PSEUDO_CLOSE}`)];
}

function accented(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return literal(accent(element.value));
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: accented(option.value) }]));
      return { ...element, options };
    }
    return element;
  });
}

/** Letters only: markdown marks (`**`, `_`) and punctuation stay what they are. */
function accent(text: string): string {
  let out = '';
  for (const character of text) out += ACCENTED[character] ?? character;
  return out;
}

function visibleLength(elements: readonly MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.plural || element.type === TYPE.select) length += Math.max(...Object.values(element.options).map((option) => visibleLength(option.value)));
  }
  return length;
}

function literal(value: string): MessageFormatElement {
  return { type: TYPE.literal, value };
}
