import { fail, ok, type Result } from '../src/domain/result';
import type { StoredInterest } from './interestEntity';
import { serviceErrors } from './serviceErrors';
import type { ServiceResponse } from './wire';

/**
 * OData query options for the interests list: `$top` (page size), `$skip`, `$select`, `$orderby`.
 * `$top` is the page size, as across Graph: when more items remain, the page carries an absolute
 * `@odata.nextLink` that keeps the caller's options and advances `$skip`.
 */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 999;

export const ORDERABLE_PROPERTIES = ['displayName', 'createdDateTime', 'lastModifiedDateTime'] as const;
type OrderableProperty = (typeof ORDERABLE_PROPERTIES)[number];

export const SELECTABLE_PROPERTIES = [
  'id',
  'allowedAudiences',
  'inference',
  'createdDateTime',
  'createdBy',
  'lastModifiedDateTime',
  'lastModifiedBy',
  'source',
  'sources',
  'isSearchable',
  'categories',
  'collaborationTags',
  'description',
  'displayName',
  'thumbnailUrl',
  'webUrl',
] as const;

export interface OrderKey {
  readonly property: OrderableProperty;
  readonly descending: boolean;
}

export interface ListQuery {
  readonly top: number | undefined;
  readonly skip: number;
  /** Canonical property names, `id` always included; undefined means every property. */
  readonly select: readonly string[] | undefined;
  readonly orderBy: readonly OrderKey[];
  /** The option texts as the caller sent them, for the next link. */
  readonly selectText: string | undefined;
  readonly orderByText: string | undefined;
}

const SUPPORTED_OPTIONS = new Set(['$top', '$skip', '$select', '$orderby']);
type Parsed<T> = Result<T, ServiceResponse>;

const canonicalName = <T extends string>(names: readonly T[], text: string): T | undefined => names.find((name) => name.toLowerCase() === text.toLowerCase());

function singleOption(params: URLSearchParams, name: string): Parsed<string | undefined> {
  const values = params.getAll(name);
  if (values.length > 1) return fail(serviceErrors.badQuery(`Query option '${name}' was specified more than once, but it must be specified at most once.`));
  return ok(values[0]);
}

function parseTop(text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return ok(undefined);
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    return fail(serviceErrors.badQuery(`Invalid page size specified: '${text}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`));
  }
  return ok(value);
}

function parseSkip(text: string | undefined): Parsed<number> {
  if (text === undefined) return ok(0);
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value)) return fail(serviceErrors.badQuery(`Invalid value '${text}' for query option '$skip'.`));
  return ok(value);
}

function parseSelect(text: string | undefined): Parsed<readonly string[] | undefined> {
  if (text === undefined) return ok(undefined);
  const selected = new Set<string>(['id']);
  for (const part of text.split(',').map((item) => item.trim())) {
    if (part === '*') return ok(undefined);
    const name = canonicalName(SELECTABLE_PROPERTIES, part);
    if (!name) return fail(serviceErrors.badQuery(`Could not find a property named '${part}' on type 'microsoft.graph.personInterest'.`));
    selected.add(name);
  }
  return ok(SELECTABLE_PROPERTIES.filter((name) => selected.has(name)));
}

function parseOrderBy(text: string | undefined): Parsed<readonly OrderKey[]> {
  if (text === undefined) return ok([{ property: 'createdDateTime', descending: false }]);
  const keys: OrderKey[] = [];
  for (const clause of text.split(',')) {
    const [propertyText = '', direction = 'asc', ...extra] = clause.trim().split(/\s+/);
    const property = canonicalName(ORDERABLE_PROPERTIES, propertyText);
    const lowerDirection = direction.toLowerCase();
    if (!property || extra.length > 0 || (lowerDirection !== 'asc' && lowerDirection !== 'desc')) {
      return fail(serviceErrors.badQuery(`Invalid $orderby clause '${clause.trim()}'. Order by ${ORDERABLE_PROPERTIES.join(', ')} with asc or desc.`));
    }
    keys.push({ property, descending: lowerDirection === 'desc' });
  }
  return ok(keys);
}

/** Options other than these are refused by name (Graph answers 400 for options a resource does not support). */
function firstUnsupportedOption(params: URLSearchParams): string | undefined {
  return [...params.keys()].find((key) => key.startsWith('$') && !SUPPORTED_OPTIONS.has(key.toLowerCase()));
}

/** Lower-cases `$`-option names so `$TOP` and `$top` mean the same, as in Graph. */
function normalizeOptionNames(params: URLSearchParams): URLSearchParams {
  const normalized = new URLSearchParams();
  for (const [key, value] of params) normalized.append(key.startsWith('$') ? key.toLowerCase() : key, value);
  return normalized;
}

export function parseListQuery(rawParams: URLSearchParams): Parsed<ListQuery> {
  const params = normalizeOptionNames(rawParams);
  const unsupported = firstUnsupportedOption(params);
  if (unsupported) return fail(serviceErrors.badQuery(`Query option '${unsupported}' is not supported by the local profile service.`));
  const texts: Partial<Record<string, string>> = {};
  for (const name of SUPPORTED_OPTIONS) {
    const text = singleOption(params, name);
    if (!text.ok) return text;
    texts[name] = text.value;
  }
  const top = parseTop(texts.$top);
  const skip = parseSkip(texts.$skip);
  const select = parseSelect(texts.$select);
  const orderBy = parseOrderBy(texts.$orderby);
  if (!top.ok) return top;
  if (!skip.ok) return skip;
  if (!select.ok) return select;
  if (!orderBy.ok) return orderBy;
  return ok({ top: top.value, skip: skip.value, select: select.value, orderBy: orderBy.value, selectText: texts.$select, orderByText: texts.$orderby });
}

/** `$select` is the only option a single-entity GET takes. */
export function parseEntityQuery(rawParams: URLSearchParams): Parsed<readonly string[] | undefined> {
  const params = normalizeOptionNames(rawParams);
  const unsupported = [...params.keys()].find((key) => key.startsWith('$') && key !== '$select');
  if (unsupported) return fail(serviceErrors.badQuery(`Query option '${unsupported}' is not allowed on a single personInterest.`));
  const selectText = singleOption(params, '$select');
  return selectText.ok ? parseSelect(selectText.value) : selectText;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function compareBy(key: OrderKey, a: StoredInterest, b: StoredInterest): number {
  const left = a[key.property];
  const right = b[key.property];
  // OData sorts nulls first in ascending order.
  if (left == null || right == null) return left == null ? (right == null ? 0 : -1) : 1;
  if (key.property === 'displayName') return collator.compare(left, right);
  return Date.parse(left) - Date.parse(right) || collator.compare(left, right);
}

/** A stable sort: items that compare equal keep their stored (creation) order. */
export function orderInterests(items: readonly StoredInterest[], orderBy: readonly OrderKey[]): StoredInterest[] {
  return [...items].sort((a, b) => {
    for (const key of orderBy) {
      const result = compareBy(key, a, b);
      if (result !== 0) return key.descending ? -result : result;
    }
    return 0;
  });
}

export function selectProperties(interest: StoredInterest, select: readonly string[] | undefined): Record<string, unknown> {
  if (!select) return { ...interest };
  const properties: Record<string, unknown> = { ...interest };
  return Object.fromEntries(select.map((name) => [name, properties[name] ?? null]));
}

export interface ListPage {
  readonly items: StoredInterest[];
  /** Where the next page starts, or undefined on the last page. */
  readonly nextSkip: number | undefined;
}

export function pageOf(items: readonly StoredInterest[], query: ListQuery, defaultPageSize: number): ListPage {
  const size = query.top ?? defaultPageSize;
  const end = query.skip + size;
  return { items: items.slice(query.skip, end), nextSkip: end < items.length ? end : undefined };
}

/** Absolute, like Graph's; callers follow it verbatim. */
export function nextLinkFor(origin: string, pathname: string, query: ListQuery, nextSkip: number, defaultPageSize: number): string {
  const parts = [`$top=${query.top ?? defaultPageSize}`, `$skip=${nextSkip}`];
  if (query.selectText !== undefined) parts.push(`$select=${encodeURIComponent(query.selectText)}`);
  if (query.orderByText !== undefined) parts.push(`$orderby=${encodeURIComponent(query.orderByText)}`);
  return `${origin}${pathname}?${parts.join('&')}`;
}
