/**
 * Template expansion kept by shape. adaptivecards-templating evaluates every expression of a template each time it
 * expands it (about 300 µs for a page of the list). Which elements a template's expansion keeps (`$when`) and how
 * often it repeats one (`$data`) depend only on the data's shape: its keys, booleans, nulls and its lists' lengths.
 * Every other value (a text, a number, a part expanded before) only lands where a path expression puts it. So the
 * library expands each shape once, with a placeholder for each such value, and every later expansion of that shape is
 * that one with the values put back: what holds a value is built anew, the rest (most of a card) is shared, frozen.
 *
 * That holds for templates whose every expression is a path (`${name}`, `${errors.name}`, `${$root.page}`,
 * `${!isEmpty}`): a path's value is the data's; a `$when` keeps an element only for a boolean `true`; `!` is false for
 * any text or number, placeholder or not (adaptive-expressions counts only `false`, `null` and `undefined` as false);
 * and the library reads properties of objects only, never of a text, a number or a list, so no path can tell a
 * placeholder from its value (pinned in `test/cards/expansionShapes.test.ts`). `bindsByPathOnly` tells which templates
 * qualify; the others, and data holding anything but plain objects, lists, texts, numbers, booleans and nulls, are
 * expanded in full.
 */

/** Private-use characters: they never come from a template or a catalog, and only placeholders are searched for them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDERS = /\uE000(\d+)\uE001/g;
const ONE_PLACEHOLDER = /^\uE000(\d+)\uE001$/;

/** `name`, `errors.name`, `$root.name`, and any of them negated. */
const PATH_EXPRESSION = /^!?(?:\$root\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const EXPRESSION = /\$\{([^{}]*)\}/g;

/** Whether every `${…}` in the template is a path, so its expansions can be kept by shape. */
export function bindsByPathOnly(template: unknown): boolean {
  if (typeof template === 'string') {
    const paths = [...template.matchAll(EXPRESSION)].map((match) => match[1] ?? '');
    // A `${` the simple form does not account for (nested braces, an unclosed one) is some other expression.
    const expressionStarts = template.split('${').length - 1;
    return paths.length === expressionStarts && paths.every((path) => PATH_EXPRESSION.test(path));
  }
  if (Array.isArray(template)) return template.every(bindsByPathOnly);
  if (typeof template === 'object' && template !== null) return Object.values(template).every(bindsByPathOnly);
  return true;
}

/**
 * The mark of a part expanded from its own template: a hidden symbol-keyed property, which JSON, the templating library
 * and comparisons of cards never see. Not a WeakSet: under load its entries (ten rows a list) weighed on every
 * collection.
 */
const EXPANDED_PART = Symbol('expanded card part');

type Marked = { [EXPANDED_PART]?: true };

/** Marks a part expanded from its own template (a list's row) so a card places it whole, like a string. */
export function asExpandedPart<T extends object>(part: T): T {
  Object.defineProperty(part, EXPANDED_PART, { value: true });
  return part;
}

function isExpandedPart(value: object): boolean {
  return (value as Marked)[EXPANDED_PART] === true;
}

/** Values that only land where a path puts them: the ones a placeholder stands for. */
function isPlaced(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || (typeof value === 'object' && value !== null && isExpandedPart(value));
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

interface Shape {
  readonly key: string;
  readonly values: unknown[];
}

/**
 * The data's shape as a key, and its placed values in the order `withPlaceholders` numbers them; undefined for data
 * holding something else (a Date, a function), which is expanded in full.
 */
function shapeOf(data: unknown): Shape | undefined {
  const values: unknown[] = [];
  const key = describe(data, values);
  return key === undefined ? undefined : { key, values };
}

function describe(value: unknown, values: unknown[]): string | undefined {
  // What a placeholder stands for is `isPlaced`'s to say, here as in `withPlaceholders`, so the two number alike.
  if (isPlaced(value)) {
    values.push(value);
    return '$';
  }
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    let key = '[';
    for (const item of value) {
      const itemKey = describe(item, values);
      if (itemKey === undefined) return undefined;
      key += `${itemKey},`;
    }
    return `${key}]`;
  }
  if (typeof value !== 'object' || !isPlainObject(value)) return undefined;
  let key = '{';
  for (const name of Object.keys(value)) {
    const childKey = describe((value as Record<string, unknown>)[name], values);
    if (childKey === undefined) return undefined;
    // Length-prefixed, so no name needs escaping to keep keys apart.
    key += `${name.length}:${name}=${childKey},`;
  }
  return `${key}}`;
}

/** A copy of the data with each placed value replaced by its numbered placeholder, in `describe`'s order. */
function withPlaceholders(value: unknown, next: { index: number }): unknown {
  if (isPlaced(value)) return `${OPEN}${next.index++}${CLOSE}`;
  if (Array.isArray(value)) return value.map((item) => withPlaceholders(item, next));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) copy[name] = withPlaceholders(child, next);
    return copy;
  }
  return value;
}

/** Rebuilds a kept expansion with a call's values; `undefined` where a node holds no placeholder and is shared as it is. */
type Filler = ((values: readonly unknown[]) => unknown) | undefined;

/**
 * How to put the values back into a kept expansion, worked out once per shape: a placeholder that is a whole string
 * becomes its value (as a path alone gives the value itself), one inside text becomes the value's text (as the
 * library's concatenation does). Lists and objects holding a placeholder are rebuilt; the rest is shared by every
 * card of the shape, frozen so that no card can change another's.
 */
function fillerOf(node: unknown): Filler {
  if (typeof node === 'string') return textFiller(node);
  if (typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    const items = node.map(fillerOf);
    if (items.every((item) => item === undefined)) return shared(node);
    return (values) => node.map((item: unknown, index) => {
      const fill = items[index];
      return fill === undefined ? item : fill(values);
    });
  }
  const record = node as Record<string, unknown>;
  const names = Object.keys(record);
  const fields = names.map((name) => fillerOf(record[name]));
  if (fields.every((field) => field === undefined)) return shared(node);
  return (values) => {
    const copy: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!;
      const fill = fields[index];
      copy[name] = fill === undefined ? record[name] : fill(values);
    }
    return copy;
  };
}

function textFiller(text: string): Filler {
  if (!text.includes(OPEN)) return undefined;
  const one = ONE_PLACEHOLDER.exec(text);
  if (one) {
    const index = Number(one[1]);
    return (values) => values[index];
  }
  // Split around the placeholders: words at even places, value numbers at odd ones.
  const pieces = text.split(PLACEHOLDERS);
  return (values) => {
    let filled = pieces[0]!;
    for (let at = 1; at < pieces.length; at += 2) filled += String(values[Number(pieces[at])]) + pieces[at + 1]!;
    return filled;
  };
}

function shared(node: object): undefined {
  deepFreeze(node);
  return undefined;
}

function deepFreeze(node: unknown): void {
  if (typeof node !== 'object' || node === null || Object.isFrozen(node)) return;
  Object.freeze(node);
  for (const child of Object.values(node)) deepFreeze(child);
}

/**
 * `expand` (the library's, for one template in one language) kept by shape: up to `maxShapes` expansions, the least
 * recently used dropped first. Each call returns a new object (or list) holding its own values; the parts without a
 * value are shared by every call of the shape and frozen.
 */
export function keptByShape(expand: (data: unknown) => unknown, maxShapes: number): (data: unknown) => unknown {
  const kept = new Map<string, (values: readonly unknown[]) => unknown>();
  return (data) => {
    const shape = shapeOf(data);
    if (shape === undefined) return expand(data);
    const { key, values } = shape;
    let fill = kept.get(key);
    if (fill === undefined) {
      fill = rootFiller(expand(withPlaceholders(data, { index: 0 })));
      if (kept.size >= maxShapes) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(key);
    }
    kept.set(key, fill);
    return fill(values);
  };
}

/** The whole expansion is always a new object (or list), even one with no value in it, so a caller may add to it. */
function rootFiller(expanded: unknown): (values: readonly unknown[]) => unknown {
  const fill = fillerOf(expanded);
  if (fill !== undefined) return fill;
  if (Array.isArray(expanded)) return () => [...(expanded as unknown[])];
  if (typeof expanded === 'object' && expanded !== null) return () => ({ ...expanded });
  return () => expanded;
}
