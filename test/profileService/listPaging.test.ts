import { DEFAULT_PAGE_SIZE } from '../../profileService/listQuery';
import { INTERESTS, createInterest, readGraphError, startHarness, type Harness } from './profileServiceHarness';

interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}

const ITEM_COUNT = 27;
const names = Array.from({ length: ITEM_COUNT }, (_, index) => `Interest ${String(index).padStart(2, '0')}`);

describe('profile service: list query options and paging', () => {
  let harness: Harness;

  beforeAll(async () => {
    let tick = Date.parse('2025-01-01T00:00:00Z');
    // Each create happens one minute later; names are created in a shuffled order so sorting is observable.
    harness = await startHarness({ clock: () => new Date(tick) });
    const order = names.map((name, index) => ({ name, key: (index * 11) % ITEM_COUNT })).sort((a, b) => a.key - b.key);
    for (const { name } of order) {
      tick += 60_000;
      await createInterest(harness, { displayName: name });
    }
  });
  afterAll(() => harness.stop());

  async function readAll(start: string): Promise<{ pages: Page[]; items: Record<string, unknown>[] }> {
    const pages: Page[] = [];
    let next: string | undefined = start;
    while (next) {
      const response = await harness.call('GET', next);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      pages.push(page);
      next = page['@odata.nextLink'];
    }
    return { pages, items: pages.flatMap((page) => page.value) };
  }

  it('pages by the default size without $top and the absolute nextLinks reach every item once, in creation order', async () => {
    const { pages, items } = await readAll(INTERESTS);
    expect(pages.map((page) => page.value.length)).toEqual([DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE, ITEM_COUNT - 2 * DEFAULT_PAGE_SIZE]);
    expect(pages[0]?.['@odata.nextLink']).toBe(`${harness.service.url}${INTERESTS}?$top=10&$skip=10`);
    const created = items.map((item) => String(item.createdDateTime));
    expect(created).toEqual([...created].sort());
    expect(new Set(items.map((item) => item.id)).size).toBe(ITEM_COUNT);
  });

  it('uses $top as the page size and $skip as the start', async () => {
    const { pages } = await readAll(`${INTERESTS}?$top=7`);
    expect(pages.map((page) => page.value.length)).toEqual([7, 7, 7, 6]);
    const skipped = (await (await harness.call('GET', `${INTERESTS}?$top=5&$skip=25`)).json()) as Page;
    expect(skipped.value).toHaveLength(2);
    expect(skipped['@odata.nextLink']).toBeUndefined();
    const beyond = (await (await harness.call('GET', `${INTERESTS}?$skip=100`)).json()) as Page;
    expect(beyond.value).toEqual([]);
  });

  it('orders by displayName, createdDateTime and lastModifiedDateTime, asc or desc, and keeps the order across pages', async () => {
    const byName = await readAll(`${INTERESTS}?$orderby=displayName&$top=8`);
    expect(byName.items.map((item) => item.displayName)).toEqual(names);
    expect(byName.pages[0]?.['@odata.nextLink']).toContain('$orderby=displayName');

    const byNameDesc = await readAll(`${INTERESTS}?$orderby=displayName%20desc&$top=8`);
    expect(byNameDesc.items.map((item) => item.displayName)).toEqual([...names].reverse());

    const newestFirst = await readAll(`${INTERESTS}?$orderby=createdDateTime desc`);
    const created = newestFirst.items.map((item) => String(item.createdDateTime));
    expect(created).toEqual([...created].sort().reverse());

    const modified = await readAll(`${INTERESTS}?$orderby=lastModifiedDateTime asc`);
    expect(modified.items.map((item) => item.id)).toEqual((await readAll(INTERESTS)).items.map((item) => item.id));
  });

  it('$select returns only the chosen properties plus id, on every page and in @odata.context', async () => {
    const { pages, items } = await readAll(`${INTERESTS}?$select=displayName,categories&$top=20`);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.['@odata.context']).toMatch(/\/profile\/interests\(id,categories,displayName\)$/);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['categories', 'displayName', 'id']);

    const one = items[0];
    const single = await harness.call('GET', `${INTERESTS}/${String(one?.id)}?$select=description`);
    expect(Object.keys((await single.json()) as object).sort()).toEqual(['@odata.context', 'description', 'id']);
  });

  it.each([
    ['$top=0', /page size/],
    ['$top=1000', /page size/],
    ['$top=abc', /page size/],
    ['$skip=-1', /\$skip/],
    ['$select=nope', /Could not find a property named 'nope'/],
    ['$orderby=description', /Invalid \$orderby/],
    ['$orderby=displayName sideways', /Invalid \$orderby/],
    ["$filter=displayName eq 'x'", /'\$filter' is not supported/],
    ['$top=1&$top=2', /more than once/],
  ])('answers 400 BadRequest for %s', async (query, message) => {
    const response = await harness.call('GET', `${INTERESTS}?${query}`);
    expect(response.status).toBe(400);
    const error = await readGraphError(response);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(message);
  });
});
