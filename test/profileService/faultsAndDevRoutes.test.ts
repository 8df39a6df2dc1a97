import { FaultController } from '../../profileService/faults';
import { INTERESTS, createInterest, readGraphError, startHarness, type Harness } from './profileServiceHarness';

describe('profile service: fault injection, latency, stats and /_dev routes', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.stop());

  it('fails the next N matching requests with 429 TooManyRequests and Retry-After, then recovers', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 2.128, count: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await harness.call('GET', INTERESTS);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('2.128');
      expect((await readGraphError(response)).code).toBe('TooManyRequests');
    }
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
  });

  it.each([
    [503, 'serviceNotAvailable'],
    [504, 'gatewayTimeout'],
    [500, 'generalException'],
  ] as const)('injects %i as a Graph-shaped %s error, with Retry-After only when given', async (status, code) => {
    harness.service.faults.inject({ status, count: 1 });
    const response = await harness.call('GET', INTERESTS);
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBeNull();
    expect((await readGraphError(response)).code).toBe(code);
  });

  it('limits a fault to one method and path, leaving other routes untouched', async () => {
    const created = await createInterest(harness, { displayName: 'Chess' });
    harness.service.faults.inject({ status: 503, retryAfterSeconds: 1, count: 1, method: 'patch', path: /\/profile\/interests\/[^/]+$/ });
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
    expect((await harness.call('GET', `${INTERESTS}/${String(created.id)}`)).status).toBe(200);
    expect((await harness.call('POST', INTERESTS, { body: { displayName: 'Go' } })).status).toBe(201);
    const failed = await harness.call('PATCH', `${INTERESTS}/${String(created.id)}`, { body: { description: 'x' } });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(harness.service.store.listInterests('aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa')[0]?.description).toBeNull();
    expect((await harness.call('PATCH', `${INTERESTS}/${String(created.id)}`, { body: { description: 'x' } })).status).toBe(200);
  });

  it('matches a string path as a case-insensitive prefix', async () => {
    harness.service.faults.inject({ status: 429, count: 1, path: '/beta/users/' });
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
    expect((await harness.call('GET', '/BETA/users/aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa/profile/interests')).status).toBe(429);
  });

  it('delays matching requests for their count and answers them normally', async () => {
    harness.service.faults.addLatency({ ms: 20, count: 2, method: 'GET' });
    expect(harness.service.faults.snapshot().latencies).toEqual([{ ms: 20, remaining: 2, method: 'GET', path: null }]);
    expect((await harness.call('POST', INTERESTS, { body: { displayName: 'Chess' } })).status).toBe(201);
    expect(harness.service.faults.snapshot().latencies[0]?.remaining).toBe(2);
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
    expect(harness.service.faults.snapshot().latencies[0]?.remaining).toBe(1);
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
    expect(harness.service.faults.snapshot().latencies).toEqual([]);
  });

  it('keeps latency without a count until cleared', async () => {
    harness.service.faults.addLatency({ ms: 1 });
    for (let attempt = 0; attempt < 3; attempt += 1) await harness.call('GET', INTERESTS);
    expect(harness.service.faults.snapshot().latencies).toEqual([{ ms: 1, remaining: null, method: null, path: null }]);
    harness.service.faults.clear();
    expect(harness.service.faults.snapshot()).toEqual({ faults: [], latencies: [] });
  });

  it('refuses nonsensical rules given in code', () => {
    const faults = new FaultController();
    expect(() => faults.inject({ status: 418 as 429, count: 1 })).toThrow(RangeError);
    expect(() => faults.inject({ status: 429, count: 0 })).toThrow(RangeError);
    expect(() => faults.addLatency({ ms: -1 })).toThrow(RangeError);
  });

  it('steers faults over HTTP with POST and DELETE /_dev/faults, without a token', async () => {
    const added = await harness.call('POST', '/_dev/faults', { token: null, body: { status: 429, retryAfterSeconds: 3, count: 1, method: 'GET', pathPattern: 'interests$' } });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ faults: [{ status: 429, retryAfterSeconds: 3, remaining: 1, method: 'GET', path: '/interests$/' }], latencies: [] });
    const latency = await harness.call('POST', '/_dev/faults', { token: null, body: { ms: 5, path: '/beta/me' } });
    expect(((await latency.json()) as { latencies: unknown[] }).latencies).toHaveLength(1);

    const throttled = await harness.call('GET', INTERESTS);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');

    harness.service.faults.inject({ status: 503, count: 5 });
    const cleared = await harness.call('DELETE', '/_dev/faults', { token: null });
    expect(cleared.status).toBe(204);
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
    expect(await (await harness.call('GET', '/_dev/faults', { token: null })).json()).toEqual({ faults: [], latencies: [] });
  });

  it.each([
    [{ status: 418, count: 1 }],
    [{ status: 429, count: 0 }],
    [{ status: 429 }],
    [{ status: 429, count: 1, extra: true }],
    [{ status: 429, count: 1, path: '/a', pathPattern: 'b' }],
    [{ ms: -5 }],
    [{ status: 429, count: 1, pathPattern: '(' }],
  ])('refuses the invalid /_dev/faults rule %j with a Graph-shaped 400', async (body) => {
    const response = await harness.call('POST', '/_dev/faults', { token: null, body });
    expect(response.status).toBe(400);
    expect((await readGraphError(response)).code).toBe('invalidRequest');
    expect(harness.service.faults.snapshot()).toEqual({ faults: [], latencies: [] });
  });

  it('counts profile requests by method and route kind, not /_dev calls; GET and DELETE /_dev/stats', async () => {
    const created = await createInterest(harness, { displayName: 'Chess' });
    await harness.call('GET', INTERESTS);
    await harness.call('GET', INTERESTS);
    await harness.call('PATCH', `${INTERESTS}/${String(created.id)}`, { body: { description: 'x' } });
    await harness.call('GET', '/beta/me/calendar');
    harness.service.faults.inject({ status: 429, count: 1 });
    await harness.call('DELETE', `${INTERESTS}/${String(created.id)}`);
    await harness.call('GET', '/_dev/faults', { token: null });

    const expected = {
      total: 6,
      byRoute: { 'POST interests': 1, 'GET interests': 2, 'PATCH interest': 1, 'GET unknown': 1, 'DELETE interest': 1 },
      byStatus: { '201': 1, '200': 3, '404': 1, '429': 1 },
    };
    expect(harness.service.stats.snapshot()).toEqual(expected);
    const overHttp = await harness.call('GET', '/_dev/stats', { token: null });
    expect(await overHttp.json()).toEqual(expected);

    expect((await harness.call('DELETE', '/_dev/stats', { token: null })).status).toBe(204);
    expect(harness.service.stats.snapshot()).toEqual({ total: 0, byRoute: {}, byStatus: {} });
  });

  it('mints a development token at GET /_dev/token', async () => {
    const response = await harness.call('GET', '/_dev/token?oid=cccccccc-3333-4333-8333-cccccccccccc&name=Carol&scp=User.Read', { token: null });
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect((await harness.call('GET', INTERESTS, { token })).status).toBe(200);
    expect((await harness.call('POST', INTERESTS, { token, body: { displayName: 'x' } })).status).toBe(403);
    expect((await harness.call('GET', '/_dev/token', { token: null })).status).toBe(400);
  });
});
