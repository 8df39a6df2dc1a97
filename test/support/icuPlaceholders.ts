import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The placeholders a message uses, with their kind (`name:argument`, `count:plural`), sorted. */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: readonly MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) found.add(`${element.value}:${TYPE[element.type]}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value}:${TYPE[element.type]}`);
        Object.values(element.options).forEach((option) => visit(option.value));
      }
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return [...found].sort();
}
