/**
 * Expansions kept by shape (`expansionShapes.ts`): for every template in `cards/`, and for data of every shape and
 * value (empty strings, zeros, nulls, text that looks like a placeholder or an expression, nested objects, lists),
 * the card is exactly the one the library gives expanding the template in full; the library runs once per shape;
 * and a template with any expression but a path is expanded in full every time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { withVerbs, withWords, defineCardTemplate, type TemplateActions } from '../../src/cards/cardTemplate';
import { asExpandedPart, bindsByPathOnly, keptByShape } from '../../src/cards/expansionShapes';
import { SOURCE_TEXT } from '../../src/i18n/text';

const CARDS = path.join(__dirname, '..', '..', 'cards');

/** A small deterministic generator, so a failure names data that can be made again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TRICKY_TEXTS = ['Chess', 'Open ${name}', '\uE0000\uE001', 'a \uE0001\uE001 b', '${$root.page}', '@TEXT.card.next', ' ', 'Ünïcödé 🧗', '<b>x</b>'];

/** Every name a template reads: `${name}`, `${!name}`, `${$root.name}`. */
function namesIn(template: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') for (const match of node.matchAll(/\$\{!?(?:\$root\.)?([\w.]+)\}/g)) match[1]!.split('.').forEach((name) => names.add(name));
    else if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(visit);
  };
  visit(template);
  return [...names];
}

function valueFor(next: () => number, names: readonly string[], depth: number): unknown {
  const pick = Math.floor(next() * 13);
  switch (pick) {
    case 0: return true;
    case 1: return false;
    case 2: return '';
    case 3: return 0;
    case 4: return Math.floor(next() * 5) + 1;
    case 5: return null;
    case 6: return 0.25 + next();
    case 7: return depth > 1 ? 'leaf' : Array.from({ length: Math.floor(next() * 4) }, () => dataFor(next, names, depth + 1));
    case 8: return depth > 1 ? 'leaf' : dataFor(next, names, depth + 1);
    case 9: return ['one', 'two', ''].slice(Math.floor(next() * 3));
    default: return TRICKY_TEXTS[Math.floor(next() * TRICKY_TEXTS.length)];
  }
}

function dataFor(next: () => number, names: readonly string[], depth = 0): Record<string, unknown> {
  return Object.fromEntries(names.filter(() => next() > 0.05).map((name) => [name, valueFor(next, names, depth)]));
}

/** The same shape with other values where a value only lands where a path puts it. */
function revalued(data: unknown, next: () => number): unknown {
  if (typeof data === 'string') return data === '' ? data : `${TRICKY_TEXTS[Math.floor(next() * TRICKY_TEXTS.length)]}${Math.floor(next() * 100)}`;
  if (typeof data === 'number') return data === 0 || !Number.isFinite(data) ? data : data + 1 + Math.floor(next() * 10);
  if (Array.isArray(data)) return data.map((item) => revalued(item, next));
  if (typeof data === 'object' && data !== null) return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, revalued(value, next)]));
  return data;
}

/** The card, or the error the library stopped with (it refuses `null` inside text). */
function outcome(expand: () => unknown): { card: unknown } | { error: string } {
  try {
    return { card: expand() };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Each `@ACTION.<name>` a template names, given a verb of its own. */
function actionsOf(template: unknown): TemplateActions {
  const names = [...JSON.stringify(template).matchAll(/@ACTION\.(\w+)/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name) => [name, { verb: `test.${name}` }]));
}

describe.each(fs.readdirSync(CARDS).map((file) => [file]))('cards/%s', (file) => {
  const payload: unknown = JSON.parse(fs.readFileSync(path.join(CARDS, file), 'utf8'));
  const inLanguage = withWords(withVerbs(payload, actionsOf(payload)), SOURCE_TEXT);
  const template = new Template(inLanguage);
  const inFull = (data: unknown): unknown => template.expand({ $root: data });
  const names = namesIn(payload);

  test('is bound by paths alone', () => {
    expect(bindsByPathOnly(inLanguage)).toBe(true);
  });

  test('kept by shape, expands exactly as the library does, for every shape and value', () => {
    const next = random(file.length * 7919);
    const byShape = keptByShape(inFull, 16);
    for (let round = 0; round < 150; round++) {
      const data = dataFor(next, names);
      expect(outcome(() => byShape(data))).toStrictEqual(outcome(() => inFull(data)));
      // The same shape again, other values: the kept expansion, filled with these.
      const again = revalued(data, next);
      expect(outcome(() => byShape(again))).toStrictEqual(outcome(() => inFull(again)));
    }
  });
});

describe('keptByShape', () => {
  const card = { type: 'AdaptiveCard', body: [{ $when: '${hasNote}', type: 'TextBlock', text: 'Note: ${note}' }, { type: 'TextBlock', text: '${title}' }] };
  const counted = (): { expand: (data: unknown) => unknown; calls: () => number } => {
    const template = new Template(card);
    let calls = 0;
    return {
      expand: (data) => {
        calls++;
        return template.expand({ $root: data });
      },
      calls: () => calls,
    };
  };

  test('asks the library once per shape, and fills in each call\'s own values', () => {
    const library = counted();
    const byShape = keptByShape(library.expand, 4);
    expect(byShape({ hasNote: true, note: 'one', title: 'First' })).toEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Note: one' }, { type: 'TextBlock', text: 'First' }] });
    expect(byShape({ hasNote: true, note: 'two', title: 'Second' })).toEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Note: two' }, { type: 'TextBlock', text: 'Second' }] });
    expect(library.calls()).toBe(1);
    expect(byShape({ hasNote: false, note: 'three', title: 'Third' })).toEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Third' }] });
    expect(library.calls()).toBe(2);
  });

  test('keeps at most maxShapes, dropping the least recently used', () => {
    const library = counted();
    const byShape = keptByShape(library.expand, 2);
    byShape({ hasNote: true, note: 'a', title: 'a' });
    byShape({ hasNote: false, note: 'a', title: 'a' });
    byShape({ hasNote: true, note: 'b', title: 'b' });
    byShape({ hasNote: null, note: 'a', title: 'a' });
    expect(library.calls()).toBe(3);
    byShape({ hasNote: true, note: 'c', title: 'c' });
    expect(library.calls()).toBe(3);
    byShape({ hasNote: false, note: 'c', title: 'c' });
    expect(library.calls()).toBe(4);
  });

  test('hands each call a card of its own', () => {
    const byShape = keptByShape(counted().expand, 4);
    const first = byShape({ hasNote: true, note: 'a', title: 'a' }) as { body: unknown[] };
    first.body.pop();
    expect((byShape({ hasNote: true, note: 'b', title: 'b' }) as { body: unknown[] }).body).toHaveLength(2);
  });

  test('shares the parts that hold no value, frozen, so no card can change another\'s or the kept one', () => {
    const template = new Template({ type: 'AdaptiveCard', msteams: { width: 'Full' }, body: [{ type: 'TextBlock', text: '${title}' }, { type: 'TextBlock', text: '›', isSubtle: true }], actions: [{ type: 'Action.Submit', title: 'Fixed' }] });
    const byShape = keptByShape((data) => template.expand({ $root: data }), 4);
    const first = byShape({ title: 'a' }) as { msteams: { width: string }; body: { text: string }[]; actions: unknown[] };
    const second = byShape({ title: 'b' }) as typeof first;
    expect(second.body[1]).toBe(first.body[1]);
    expect(second.actions).toBe(first.actions);
    expect(Object.isFrozen(first.actions)).toBe(true);
    expect(second.body[0]).not.toBe(first.body[0]);
    expect(() => {
      first.body[1]!.text = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      first.msteams.width = 'Narrow';
    }).toThrow(TypeError);
    expect(byShape({ title: 'c' })).toEqual({ type: 'AdaptiveCard', msteams: { width: 'Full' }, body: [{ type: 'TextBlock', text: 'c' }, { type: 'TextBlock', text: '›', isSubtle: true }], actions: [{ type: 'Action.Submit', title: 'Fixed' }] });
  });

  test('hands each call a whole of its own even when nothing in it is a value', () => {
    const template = new Template({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Fixed words' }] });
    const byShape = keptByShape((data) => template.expand({ $root: data }), 4);
    const first = byShape({}) as Record<string, unknown>;
    first['refresh'] = { action: 'added by a caller' };
    expect(byShape({})).toEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Fixed words' }] });

    const part = new Template([{ type: 'TextBlock', text: 'Fixed words' }]);
    const partByShape = keptByShape((data) => part.expand({ $root: data }), 4);
    const firstPart = partByShape({}) as unknown[];
    firstPart.push('added by a caller');
    const secondPart = partByShape({});
    expect(Array.isArray(secondPart)).toBe(true);
    expect(secondPart).toEqual([{ type: 'TextBlock', text: 'Fixed words' }]);

    const words = new Template('Fixed words');
    expect(keptByShape((data) => words.expand({ $root: data }), 4)({})).toBe('Fixed words');
  });

  test('asks the library once per shape of data holding lists, and every time for a list holding anything else', () => {
    const template = new Template({ type: 'Container', items: [{ $data: '${rows}', type: 'TextBlock', text: '${name}' }] });
    let calls = 0;
    const byShape = keptByShape((data) => {
      calls++;
      return template.expand({ $root: data });
    }, 4);
    byShape({ rows: [{ name: 'a' }, { name: 'b' }] });
    expect(byShape({ rows: [{ name: 'c' }, { name: 'd' }] })).toEqual({ type: 'Container', items: [{ type: 'TextBlock', text: 'c' }, { type: 'TextBlock', text: 'd' }] });
    expect(calls).toBe(1);
    byShape({ rows: [{ name: 'a' }, new Date(0)] });
    byShape({ rows: [{ name: 'b' }, new Date(1)] });
    expect(calls).toBe(3);
  });

  test('tells apart data whose names and flags would run together', () => {
    const template = new Template({ type: 'Container', items: [{ $when: '${a}', type: 'TextBlock', text: 'A' }, { $when: '${b}', type: 'TextBlock', text: 'B' }] });
    const inFull = (data: unknown): unknown => template.expand({ $root: data });
    const byShape = keptByShape(inFull, 4);
    byShape({ a: true, b: true });
    expect(byShape({ 'atrue,b': true })).toEqual(inFull({ 'atrue,b': true }));
    expect(byShape({ 'a:true,b': true })).toEqual(inFull({ 'a:true,b': true }));
  });

  test('puts several values into one text, in their places', () => {
    const template = new Template({ type: 'TextBlock', text: '${first} of ${second}, ${first} again' });
    const byShape = keptByShape((data) => template.expand({ $root: data }), 4);
    byShape({ first: 'x', second: 'y' });
    expect(byShape({ first: 1, second: 'two' })).toEqual({ type: 'TextBlock', text: '1 of two, 1 again' });
  });

  test('expands in full, every time, data holding anything but plain objects, lists, texts, numbers, booleans and nulls', () => {
    const library = counted();
    const byShape = keptByShape(library.expand, 4);
    byShape({ hasNote: true, note: new Date(0), title: 'a' });
    byShape({ hasNote: true, note: new Date(0), title: 'a' });
    expect(library.calls()).toBe(2);
  });

  test('places an expanded part whole, as the library places a value', () => {
    const template = new Template({ type: 'Container', items: '${items}' });
    const part = asExpandedPart([{ type: 'TextBlock', text: '${not.expanded.again}' }]);
    const placed = keptByShape((data) => template.expand({ $root: data }), 4)({ items: part }) as { items: unknown };
    expect(placed.items).toBe(part);
  });
});

describe('bindsByPathOnly', () => {
  test.each([
    ['a name', '${name}', true],
    ['a negated name', '${!isEmpty}', true],
    ['a name from the root', 'Page ${$root.page} of ${total}', true],
    ['no expression', 'Plain words', true],
    ['a function', '${count(rows)}', false],
    ['a deeper path', '${errors.name}', true],
    ['a comparison', '${page > 0}', false],
    ['nested braces', "${if(a, '${b}', c)}", false],
    ['an unclosed expression', 'Hello ${name', false],
  ])('%s: %s', (_name, text, expected) => {
    expect(bindsByPathOnly({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text }] })).toBe(expected);
  });
});

test('a template with other expressions is expanded in full, every time', () => {
  // A function of a text: kept by shape, the placeholder would be compared instead of the name.
  const expand = defineCardTemplate<{ name: string }>({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: "${if(equals(name, 'Bo'), 'short', 'long')}" }] });
  expect(expand(SOURCE_TEXT, { name: 'Bo' }).body).toEqual([{ type: 'TextBlock', text: 'short' }]);
  expect(expand(SOURCE_TEXT, { name: 'Alexandra' }).body).toEqual([{ type: 'TextBlock', text: 'long' }]);
});

test('the library reads no property of a text, a number or a list, so a path cannot tell a placeholder from its value', () => {
  const template = new Template({ type: 'TextBlock', text: '${t.length} ${t.toUpperCase} ${n.toFixed} ${l.length} ${l.map} ${p.length}' });
  const data = { t: 'Alexandra', n: 5, l: [1, 2, 3], p: asExpandedPart([{ type: 'TextBlock' }]) };
  expect(template.expand({ $root: data })).toEqual({ type: 'TextBlock', text: '${t.length} ${t.toUpperCase} ${n.toFixed} ${l.length} ${l.map} ${p.length}' });
});
