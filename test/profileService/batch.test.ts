import { ALICE, BOB, INTERESTS, createInterest, readGraphError, startHarness, tokenFor, type Harness } from './profileServiceHarness';

interface BatchAnswer {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { id?: string; displayName?: string; value?: { displayName: string }[]; error?: { code: string; message: string; innerError: Record<string, string> } };
}

const BATCH = '/beta/$batch';
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const create = (id: string, displayName: unknown, url = '/me/profile/interests') => ({ id, method: 'POST', url, headers: JSON_HEADERS, body: { displayName } });

describe('profile service: JSON batching at POST /beta/$batch', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.stop());

  async function batch(requests: unknown[], token?: string): Promise<{ status: number; byId: Map<string, BatchAnswer>; order: string[] }> {
    const response = await harness.call('POST', BATCH, { body: { requests }, token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { responses: BatchAnswer[] };
    return { status: response.status, byId: new Map(body.responses.map((item) => [item.id, item])), order: body.responses.map((item) => item.id) };
  }

  const answer = (answers: Map<string, BatchAnswer>, id: string): BatchAnswer => {
    const found = answers.get(id);
    if (!found) throw new Error(`no answer for ${id}`);
    return found;
  };

  it('answers every item by id with its own status, headers and body: 201s, a 400 validation failure, a 404, a 200 list', async () => {
    const { byId, order } = await batch([
      create('1', 'Chess'),
      create('2', 'Go'),
      create('3', '   '),
      { id: '4', method: 'GET', url: '/me/profile/interests/no-such-id' },
      { id: '5', method: 'GET', url: 'me/profile/interests?$orderby=displayName' },
    ]);
    expect([...byId.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    // The order is not promised by Graph; the service deliberately does not follow the request order.
    expect(order).not.toEqual(['1', '2', '3', '4', '5']);
    expect(answer(byId, '1')).toMatchObject({ status: 201, headers: { 'Content-Type': 'application/json' }, body: { displayName: 'Chess' } });
    expect(answer(byId, '2')).toMatchObject({ status: 201, body: { displayName: 'Go' } });
    const invalid = answer(byId, '3');
    expect(invalid.status).toBe(400);
    expect(invalid.body?.error?.code).toBe('invalidRequest');
    expect(invalid.body?.error?.innerError['request-id']).toBe(invalid.headers['request-id']);
    expect(answer(byId, '4')).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
    const list = answer(byId, '5');
    expect(list.status).toBe(200);
    // Items run at once without dependsOn, so the list may or may not see the creates; what it shows is sorted.
    const names = (list.body?.value ?? []).map((item) => item.displayName);
    expect(names).toEqual([...names].sort());
    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.displayName).sort()).toEqual(['Chess', 'Go']);
  });

  it('validates items with the single routes: a body without Content-Type, unknown properties, wrong methods, unknown segments', async () => {
    const { byId } = await batch([
      { id: 'a', method: 'POST', url: '/me/profile/interests', body: { displayName: 'No content type' } },
      { id: 'b', method: 'POST', url: '/me/profile/interests', headers: JSON_HEADERS, body: { displayName: 'x', colour: 'red' } },
      { id: 'c', method: 'PUT', url: '/me/profile/interests', headers: JSON_HEADERS, body: { displayName: 'x' } },
      { id: 'd', method: 'GET', url: '/me/calendar' },
      { id: 'e', method: 'POST', url: '/me/profile/interests' },
    ]);
    for (const [id, direct] of [
      ['a', await harness.call('POST', INTERESTS, { body: JSON.stringify({ displayName: 'No content type' }), headers: { 'Content-Type': 'text/plain' } })],
      ['b', await harness.call('POST', INTERESTS, { body: { displayName: 'x', colour: 'red' } })],
      ['c', await harness.call('PUT', INTERESTS, { body: { displayName: 'x' } })],
      ['d', await harness.call('GET', '/beta/me/calendar')],
    ] as const) {
      const item = answer(byId, id);
      expect(item.status).toBe(direct.status);
      expect(item.body?.error?.code).toBe((await readGraphError(direct)).code);
    }
    expect(answer(byId, 'e').status).toBe(415);
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it('refuses more than 20 requests with a Graph-shaped 400 and runs none of them', async () => {
    const requests = Array.from({ length: 21 }, (_, index) => create(String(index + 1), `Interest ${index + 1}`));
    const response = await harness.call('POST', BATCH, { body: { requests } });
    expect(response.status).toBe(400);
    expect((await readGraphError(response)).code).toBe('BadRequest');
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);

    const twenty = await batch(requests.slice(0, 20));
    expect([...twenty.byId.values()].every((item) => item.status === 201)).toBe(true);
  });

  it.each([
    ['a body without requests', { calls: [] }],
    ['duplicate ids (case-insensitive)', { requests: [create('x', 'A'), create('X', 'B')] }],
    ['an absolute item URL', { requests: [create('1', 'A', 'https://graph.microsoft.com/beta/me/profile/interests')] }],
    ['dependsOn naming a missing id', { requests: [{ ...create('1', 'A'), dependsOn: ['9'] }] }],
    ['a dependency cycle', { requests: [{ ...create('1', 'A'), dependsOn: ['2'] }, { ...create('2', 'B'), dependsOn: ['1'] }] }],
  ])('refuses the whole batch with 400 for %s', async (_case, body) => {
    const response = await harness.call('POST', BATCH, { body });
    expect(response.status).toBe(400);
    expect((await readGraphError(response)).code).toBe('BadRequest');
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it('refuses an item URL that repeats the version (/beta/..., /v1.0/...) with 400 for that item only', async () => {
    const { byId } = await batch([create('1', 'Kept'), create('2', 'Beta', '/beta/me/profile/interests'), { id: '3', method: 'GET', url: '/v1.0/me/profile/interests' }]);
    expect(answer(byId, '1').status).toBe(201);
    expect(answer(byId, '2')).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: "Resource not found for the segment 'beta'." } } });
    expect(answer(byId, '3')).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." } } });
    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.displayName)).toEqual(['Kept']);
  });

  it('applies the fault switches per item: a 429 with its own Retry-After inside a 200 batch', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 1.5, count: 1, method: 'POST', path: '/beta/me/profile/interests' });
    const { byId } = await batch([create('1', 'First'), create('2', 'Second'), { id: '3', method: 'GET', url: '/me/profile/interests' }]);
    const statuses = ['1', '2'].map((id) => answer(byId, id).status).sort();
    expect(statuses).toEqual([201, 429]);
    const throttled = [...byId.values()].find((item) => item.status === 429);
    expect(throttled?.headers['Retry-After']).toBe('1.5');
    expect(throttled?.body?.error?.code).toBe('TooManyRequests');
    expect(answer(byId, '3').headers['Retry-After']).toBeUndefined();
    expect(harness.service.store.listInterests(ALICE.oid)).toHaveLength(1);
  });

  it('a fault matching the batch itself fails the whole request, as at the edge of Graph', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 3, count: 1, path: BATCH });
    const response = await harness.call('POST', BATCH, { body: { requests: [create('1', 'A')] } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it('runs dependsOn in order and answers 424 Failed Dependency when a dependency failed', async () => {
    const { byId } = await batch([
      { ...create('3', 'Third'), dependsOn: ['2'] },
      create('1', 'First'),
      { ...create('2', ''), dependsOn: ['1'] },
      { id: '4', method: 'GET', url: '/me/profile/interests', dependsOn: ['1'] },
    ]);
    expect(answer(byId, '1').status).toBe(201);
    expect(answer(byId, '2').status).toBe(400);
    expect(answer(byId, '3')).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
    // Run after its dependency, the list sees what the dependency created.
    expect(answer(byId, '4').body?.value?.map((item) => item.displayName)).toEqual(['First']);
    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.displayName)).toEqual(['First']);
  });

  it("authorises every item as the batch's caller: nothing changes another user's interests through a batch", async () => {
    const bobs = await createInterest(harness, { displayName: 'Bob only' }, tokenFor(BOB));
    const alice = tokenFor(ALICE, 'User.Read.All User.ReadWrite.All');
    const { byId } = await batch(
      [
        { id: 'patch', method: 'PATCH', url: `/users/${BOB.oid}/profile/interests/${String(bobs.id)}`, headers: JSON_HEADERS, body: { displayName: 'hijacked' } },
        { id: 'delete', method: 'DELETE', url: `/users/${BOB.oid}/profile/interests/${String(bobs.id)}` },
        create('post', 'planted', `/users/${BOB.upn}/profile/interests`),
        { id: 'own-path', method: 'DELETE', url: `/me/profile/interests/${String(bobs.id)}` },
      ],
      alice,
    );
    for (const id of ['patch', 'delete', 'post']) expect(answer(byId, id)).toMatchObject({ status: 404, body: { error: { code: 'UnknownError' } } });
    expect(answer(byId, 'own-path')).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
    expect(harness.service.store.listInterests(BOB.oid).map((interest) => interest.displayName)).toEqual(['Bob only']);
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it('checks scopes per item and the token for the whole batch', async () => {
    const readOnly = tokenFor(ALICE, 'User.Read');
    const { byId } = await batch([create('1', 'Needs write'), { id: '2', method: 'GET', url: '/me/profile/interests' }], readOnly);
    expect(answer(byId, '1')).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect(answer(byId, '2').status).toBe(200);
    const anonymous = await harness.call('POST', BATCH, { body: { requests: [create('1', 'A')] }, token: null });
    expect(anonymous.status).toBe(401);
  });

  it('counts a batch as one request at the edge and keeps per-item counts apart', async () => {
    await batch([create('1', 'A'), create('2', 'B'), { id: '3', method: 'GET', url: '/me/profile/interests', dependsOn: ['1'] }, create('4', 'C', '/beta/me/profile/interests')]);
    expect(harness.service.stats.snapshot()).toEqual({ total: 1, byRoute: { 'POST batch': 1 }, byStatus: { '200': 1 } });
    const items = { total: 4, byRoute: { 'POST interests': 2, 'POST unknown': 1, 'GET interests': 1 }, byStatus: { '201': 2, '200': 1, '400': 1 } };
    expect(harness.service.stats.batchItems()).toEqual(items);
    const overHttp = await harness.call('GET', '/_dev/stats?view=batchItems', { token: null });
    expect(await overHttp.json()).toEqual(items);
  });
});
