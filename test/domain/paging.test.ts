import { LIST_PAGE_SIZE, pageOf } from '../../src/domain';

const numbers = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

describe('pageOf', () => {
  it('uses ten items per list page', () => {
    expect(LIST_PAGE_SIZE).toBe(10);
  });

  it.each<[string, number, number, number, { items: number[]; page: number; pageCount: number; hasPrevious: boolean; hasNext: boolean }]>([
    ['the first of three pages', 25, 0, 10, { items: numbers(10), page: 0, pageCount: 3, hasPrevious: false, hasNext: true }],
    ['a middle page', 25, 1, 10, { items: numbers(20).slice(10), page: 1, pageCount: 3, hasPrevious: true, hasNext: true }],
    ['a short last page', 25, 2, 10, { items: [21, 22, 23, 24, 25], page: 2, pageCount: 3, hasPrevious: true, hasNext: false }],
    ['an exactly full last page', 20, 1, 10, { items: numbers(20).slice(10), page: 1, pageCount: 2, hasPrevious: true, hasNext: false }],
    ['a single page', 3, 0, 10, { items: [1, 2, 3], page: 0, pageCount: 1, hasPrevious: false, hasNext: false }],
    ['an empty list (one empty page)', 0, 0, 10, { items: [], page: 0, pageCount: 1, hasPrevious: false, hasNext: false }],
    ['an empty list asked for page 5', 0, 5, 10, { items: [], page: 0, pageCount: 1, hasPrevious: false, hasNext: false }],
    ['a page past the end (clamped to the last)', 25, 9, 10, { items: [21, 22, 23, 24, 25], page: 2, pageCount: 3, hasPrevious: true, hasNext: false }],
    ['a negative page (clamped to the first)', 25, -1, 10, { items: numbers(10), page: 0, pageCount: 3, hasPrevious: false, hasNext: true }],
    ['a fractional page (rounded down)', 25, 1.7, 10, { items: numbers(20).slice(10), page: 1, pageCount: 3, hasPrevious: true, hasNext: true }],
    ['NaN (the first page)', 25, Number.NaN, 10, { items: numbers(10), page: 0, pageCount: 3, hasPrevious: false, hasNext: true }],
    ['Infinity (the first page)', 25, Number.POSITIVE_INFINITY, 10, { items: numbers(10), page: 0, pageCount: 3, hasPrevious: false, hasNext: true }],
    ['a page size of one', 3, 1, 1, { items: [2], page: 1, pageCount: 3, hasPrevious: true, hasNext: true }],
    ['a page size larger than the list', 3, 0, 50, { items: [1, 2, 3], page: 0, pageCount: 1, hasPrevious: false, hasNext: false }],
  ])('returns %s', (_label, count, page, pageSize, expected) => {
    expect(pageOf(numbers(count), page, pageSize)).toEqual(expected);
  });

  it('does not change the list it pages', () => {
    const items = numbers(15);
    pageOf(items, 1, 10).items.push(99);
    expect(items).toEqual(numbers(15));
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects page size %p as a programming error', (pageSize) => {
    expect(() => pageOf(numbers(3), 0, pageSize)).toThrow(RangeError);
  });
});
