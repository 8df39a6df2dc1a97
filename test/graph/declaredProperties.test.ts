import { keepDeclaredProperties, type WireSchema } from '../../src/graph/wire/declaredProperties';

const person: WireSchema = { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } };

describe('keepDeclaredProperties', () => {
  it('returns a value that is not an object as it is, whatever the schema', () => {
    for (const value of ['text', 3, true, null, undefined]) expect(keepDeclaredProperties(person, value)).toBe(value);
  });

  it('keeps a whole object whose schema declares no properties (any value is allowed there)', () => {
    const anything = { a: 1, nested: { b: 2 } };
    expect(keepDeclaredProperties({}, anything)).toBe(anything);
  });

  it('keeps a whole list whose schema declares no item schema', () => {
    const list = [{ a: 1 }];
    expect(keepDeclaredProperties({ type: 'array' }, list)).toBe(list);
  });

  it('copies the declared properties of each item of a list', () => {
    const list = [{ name: 'Ada', age: 36 }, 'not an object'];
    const kept = keepDeclaredProperties({ type: 'array', items: person }, list);
    expect(kept).toStrictEqual([{ name: 'Ada' }, 'not an object']);
    expect(kept).not.toBe(list);
  });
});
