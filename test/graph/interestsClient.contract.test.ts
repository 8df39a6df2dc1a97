import type { InterestDraft } from '../../src/domain/personInterest';
import { GraphRequestError, isGraphRequestError } from '../../src/errors/graphErrors';
import { clientFor, newUser, rejectionOf, startServiceForTests, type ProfileService } from './graphClientHarness';

const chelseaDraft: InterestDraft = {
  displayName: 'Chelsea FC',
  description: "World's greatest football club",
  categories: [],
  collaborationTags: [],
  allowedAudiences: 'organization',
  webUrl: 'https://www.chelseafc.com',
};

const draftNamed = (displayName: string): InterestDraft => ({ ...chelseaDraft, displayName, description: null, webUrl: null });

let service: ProfileService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startServiceForTests());
});

afterAll(async () => {
  await stop();
});

beforeEach(() => {
  service.faults.clear();
  service.stats.reset();
});

describe('Graph interests client against the local profile service', () => {
  it('creates the seed interest and PATCHes only its categories (seed example)', async () => {
    const { client, exchanges } = clientFor(service);
    const user = newUser();

    const created = await client.create(user.getToken, chelseaDraft);

    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ method: 'POST', status: 201 });
    expect(JSON.parse(exchanges[0]?.body ?? '{}')).toMatchObject({ displayName: 'Chelsea FC', allowedAudiences: 'organization' });
    expect(created).toMatchObject({
      displayName: 'Chelsea FC',
      description: "World's greatest football club",
      webUrl: 'https://www.chelseafc.com',
      allowedAudiences: 'organization',
    });
    expect(created.id).toEqual(expect.any(String));
    expect(created.createdDateTime).toEqual(expect.any(String));
    expect(created.createdBy).toBeTruthy();

    const updated = await client.update(user.getToken, created, { categories: ['Sports'] });

    expect(exchanges).toHaveLength(2);
    expect(exchanges[1]).toMatchObject({ method: 'PATCH', status: 200 });
    expect(exchanges[1]?.url).toBe(`${service.graphBaseUrl}/me/profile/interests/${created.id}`);
    expect(JSON.parse(exchanges[1]?.body ?? '{}')).toEqual({ categories: ['Sports'] });
    expect(updated.categories).toEqual(['Sports']);
    const changedByPatch = new Set(['categories', 'lastModifiedDateTime', 'lastModifiedBy']);
    const unchanged = (interest: typeof created): Record<string, unknown> =>
      Object.fromEntries(Object.entries(interest).filter(([key]) => !changedByPatch.has(key)));
    expect(unchanged(updated)).toEqual(unchanged(created));
    expect(service.store.listInterests(user.oid)).toEqual([expect.objectContaining({ id: created.id, categories: ['Sports'], displayName: 'Chelsea FC' })]);
  });

  it('sends nothing for an unchanged patch and only the changed fields otherwise', async () => {
    const { client, exchanges } = clientFor(service);
    const user = newUser();
    const created = await client.create(user.getToken, chelseaDraft);
    exchanges.length = 0;
    service.stats.reset();

    expect(await client.update(user.getToken, created, {})).toBe(created);
    expect(await client.update(user.getToken, created, { description: undefined })).toBe(created);
    expect(exchanges).toHaveLength(0);
    expect(service.stats.snapshot().total).toBe(0);

    const updated = await client.update(user.getToken, created, { description: null, collaborationTags: ['askMeAbout'] });

    expect(service.stats.snapshot().byRoute).toEqual({ 'PATCH interest': 1 });
    expect(JSON.parse(exchanges[0]?.body ?? '{}')).toEqual({ description: null, collaborationTags: ['askMeAbout'] });
    expect(updated).toMatchObject({ description: null, collaborationTags: ['askMeAbout'], webUrl: 'https://www.chelseafc.com', displayName: 'Chelsea FC' });
    expect(service.store.listInterests(user.oid)[0]).toMatchObject({
      description: null,
      collaborationTags: ['askMeAbout'],
      webUrl: 'https://www.chelseafc.com',
    });
  });

  it('lists an ordinary profile in one request', async () => {
    const { client, exchanges } = clientFor(service);
    const user = newUser();
    for (let index = 1; index <= 27; index++) await client.create(user.getToken, draftNamed(`Interest ${index}`));
    exchanges.length = 0;

    expect(await client.list(user.getToken)).toHaveLength(27);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.url).toContain('$top=100');
  });

  it('lists every interest across pages by following @odata.nextLink', async () => {
    const { client, exchanges } = clientFor(service, { listPageSize: 10 });
    const user = newUser();
    const names = Array.from({ length: 27 }, (_, index) => `Interest ${String(index + 1).padStart(2, '0')}`);
    for (const name of names) await client.create(user.getToken, draftNamed(name));
    exchanges.length = 0;

    const listed = await client.list(user.getToken);

    expect(listed.map((interest) => interest.displayName).sort()).toEqual(names);
    expect(new Set(listed.map((interest) => interest.id)).size).toBe(27);
    expect(exchanges.length).toBeGreaterThan(1);
    expect(exchanges.every((exchange) => exchange.method === 'GET' && exchange.status === 200)).toBe(true);
    expect(exchanges.slice(1).every((exchange) => exchange.url.startsWith(`${service.graphBaseUrl}/me/profile/interests?`))).toBe(true);
  });

  it('stops following next links at the page cap and reports the list as unavailable', async () => {
    const { client, exchanges } = clientFor(service, { maxPages: 1, listPageSize: 10 });
    const user = newUser();
    for (let index = 1; index <= 11; index++) await client.create(user.getToken, draftNamed(`Interest ${index}`));
    exchanges.length = 0;

    const error = await rejectionOf(client.list(user.getToken));

    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect(exchanges).toHaveLength(1);
  });

  it('lists an empty profile as no interests', async () => {
    const { client } = clientFor(service);
    expect(await client.list(newUser().getToken)).toEqual([]);
  });

  it('gets one interest by id', async () => {
    const { client } = clientFor(service);
    const user = newUser();
    const created = await client.create(user.getToken, chelseaDraft);

    expect(await client.get(user.getToken, created.id)).toEqual(created);
  });

  it('maps 404 to notFound, keeps the Graph request-id and logs the failure once', async () => {
    const { client, exchanges, logs } = clientFor(service);
    const user = newUser();

    const error = await rejectionOf(client.get(user.getToken, 'no-such-interest'));

    expect(isGraphRequestError(error, 'notFound')).toBe(true);
    const details = (error as GraphRequestError).details;
    expect(details.status).toBe(404);
    expect(details.requestId).toEqual(expect.any(String));
    expect(details.requestId).toBe(exchanges[0]?.responseRequestId);
    expect(details.clientRequestId).toBe(exchanges[0]?.clientRequestId);
    expect(details.date).toEqual(expect.any(String));
    expect(details.graphCode).toEqual(expect.any(String));
    // The client logs the failure once at debug; the warning belongs to the boundary that answers the user.
    expect(logs.filter((log) => log.level === 'warn' || log.level === 'error')).toEqual([]);
    const failures = logs.filter((log) => log.level === 'debug' && log.entry.msg === 'Graph request failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.entry).toMatchObject({ operation: 'get interest', kind: 'notFound', requestId: details.requestId });
    expect(logs.some((log) => log.line.includes(user.token))).toBe(false);
    expect((error as Error).message).not.toContain(user.token);
  });

  it("cannot reach another user's interest", async () => {
    const { client } = clientFor(service);
    const owner = newUser();
    const stranger = newUser();
    const created = await client.create(owner.getToken, chelseaDraft);

    expect(isGraphRequestError(await rejectionOf(client.get(stranger.getToken, created.id)), 'notFound')).toBe(true);
    expect(isGraphRequestError(await rejectionOf(client.update(stranger.getToken, created, { displayName: 'Arsenal' })), 'notFound')).toBe(true);
    expect(isGraphRequestError(await rejectionOf(client.delete(stranger.getToken, created.id)), 'notFound')).toBe(true);
    expect(await client.list(stranger.getToken)).toEqual([]);
    expect(service.store.listInterests(owner.oid)).toEqual([expect.objectContaining({ id: created.id, displayName: 'Chelsea FC' })]);
  });

  it('deletes with 204 and reports a second delete as notFound', async () => {
    const { client, exchanges } = clientFor(service);
    const user = newUser();
    const created = await client.create(user.getToken, chelseaDraft);

    await client.delete(user.getToken, created.id);

    expect(exchanges[1]).toMatchObject({ method: 'DELETE', status: 204 });
    expect(service.store.listInterests(user.oid)).toEqual([]);
    expect(isGraphRequestError(await rejectionOf(client.delete(user.getToken, created.id)), 'notFound')).toBe(true);
  });

  it('maps a rejected create (400) to invalidRequest', async () => {
    const { client } = clientFor(service);
    const user = newUser();

    const error = await rejectionOf(client.create(user.getToken, draftNamed('')));

    expect(isGraphRequestError(error, 'invalidRequest')).toBe(true);
    expect((error as GraphRequestError).details.status).toBe(400);
    expect(service.store.listInterests(user.oid)).toEqual([]);
  });
});
