/** How many interests one list card shows. */
export const LIST_PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  /** Zero-based index of the page returned (after clamping). Show it to people as `page + 1`. */
  page: number;
  /** At least 1: an empty list is one empty page. */
  pageCount: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/**
 * One page of `items`. `page` is zero-based and comes from card data, so it is clamped rather than trusted:
 * below 0 (or not a finite number) gives the first page, past the end gives the last, fractions round down.
 * `pageSize` is the caller's constant and must be a positive integer.
 */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const requested = Number.isFinite(page) ? Math.floor(page) : 0;
  const current = Math.min(Math.max(requested, 0), pageCount - 1);
  const start = current * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page: current,
    pageCount,
    hasPrevious: current > 0,
    hasNext: current < pageCount - 1,
  };
}
