/**
 * Template expansion kept by shape. adaptivecards-templating evaluates every expression of a template each time it
 * expands it (about 300 µs for a page of the list). Which elements a template's expansion keeps (`$when`) and how
 * often it repeats one (`$data`) depend only on the data's shape: its keys, booleans, nulls and its lists' lengths.
 * Every other value (a text, a number, a part expanded before) only lands where a path expression puts it. So the
 * library expands each shape once, with a placeholder for each such value, and every later expansion of that shape is
 * a copy of that one with the values put back.
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

const expandedParts = new WeakSet<object>();

/** Marks a part expanded from its own template (a list's row) so a card places it whole, like a string. */
export function asExpandedPart<T extends object>(part: T): T {
  expandedParts.add(part);
  return part;
}

/** Values that only land where a path puts them: the ones a placeholder stands for. */
function isPlaced(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || (typeof value === 'object' && value !== null && expandedParts.has(value));
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
  for (const [name, child] of Object.entries(value)) {
    const childKey = describe(child, values);
    if (childKey === undefined) return undefined;
    key += `${JSON.stringify(name)}:${childKey},`;
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

/**
 * The kept expansion with the values put back: a placeholder that is a whole string becomes its value (as a path
 * alone gives the value itself), one inside text becomes the value's text (as the library's concatenation does).
 */
function fill(node: unknown, values: readonly unknown[]): unknown {
  if (typeof node === 'string') {
    if (!node.includes(OPEN)) return node;
    const one = ONE_PLACEHOLDER.exec(node);
    if (one) return values[Number(one[1])];
    return node.replace(PLACEHOLDERS, (_placeholder, index: string) => String(values[Number(index)]));
  }
  if (Array.isArray(node)) return node.map((child) => fill(child, values));
  if (typeof node === 'object' && node !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(node)) copy[key] = fill((node as Record<string, unknown>)[key], values);
    return copy;
  }
  return node;
}

/**
 * `expand` (the library's, for one template in one language) kept by shape: up to `maxShapes` expansions, the least
 * recently used dropped first. Each call returns a new object tree.
 */
export function keptByShape(expand: (data: unknown) => unknown, maxShapes: number): (data: unknown) => unknown {
  const kept = new Map<string, unknown>();
  return (data) => {
    const shape = shapeOf(data);
    if (shape === undefined) return expand(data);
    const { key, values } = shape;
    let expanded = kept.get(key);
    if (expanded === undefined) {
      expanded = expand(withPlaceholders(data, { index: 0 }));
      if (kept.size >= maxShapes) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(key);
    }
    kept.set(key, expanded);
    return fill(expanded, values);
  };
}
