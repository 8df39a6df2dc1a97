import { randomUUID } from 'node:crypto';
import type { InterestDraft } from '../../src/domain/personInterest';
import { GraphRequestError, isGraphRequestError } from '../../src/errors/graphErrors';
import { createGraphInterestsClient } from '../../src/graph/interestsClient';
import { silentLogger } from '../../src/logger';
import { mintDevToken } from '../../src/auth/devToken';
import { clientFor, newUser, rejectionOf, startServiceForTests, type ProfileService } from './graphClientHarness';

const draft: InterestDraft = {
  displayName: 'Sailing',
  description: null,
  categories: ['Hobbies'],
  collaborationTags: [],
  allowedAudiences: 'organization',
  webUrl: null,
};

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
});

describe('Graph interests client retries, timeouts and auth failures', () => {
  it('retries a 429 after its Retry-After and succeeds, with one client-request-id across the retries', async () => {
    const { client, exchanges } = clientFor(service);
    const user = newUser();
    service.faults.inject({ status: 429, retryAfterSeconds: 0.2, count: 1, method: 'GET' });

    expect(await client.list(user.getToken)).toEqual([]);

    expect(exchanges.map((exchange) => exchange.status)).toEqual([429, 200]);
    expect(exchanges[0]?.clientRequestId).toEqual(expect.any(String));
    expect(exchanges[1]?.clientRequestId).toBe(exchanges[0]?.clientRequestId);
    expect(exchanges[1]?.retryAttempt).toBe('1');
  });

  it('gives up after maxRetries and reports throttled with the Retry-After', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 1 });
    const user = newUser();
    service.faults.inject({ status: 429, retryAfterSeconds: 0.2, count: 5, method: 'GET' });

    const error = await rejectionOf(client.list(user.getToken));

    expect(isGraphRequestError(error, 'throttled')).toBe(true);
    expect((error as GraphRequestError).details).toMatchObject({ status: 429, retryAfterSeconds: 0.2 });
    expect(exchanges.map((exchange) => exchange.status)).toEqual([429, 429]);
  });

  it('does not wait longer than maxRetryWaitSeconds: a longer Retry-After ends the call at once as throttled', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3, maxRetryWaitSeconds: 2 });
    const user = newUser();
    service.faults.inject({ status: 429, retryAfterSeconds: 120, count: 1, method: 'POST' });

    const error = await rejectionOf(client.create(user.getToken, draft));

    expect(isGraphRequestError(error, 'throttled')).toBe(true);
    expect((error as GraphRequestError).details.retryAfterSeconds).toBe(120);
    expect(exchanges).toHaveLength(1);
    expect(service.store.listInterests(user.oid)).toEqual([]);
  });

  it('does not re-send a POST that met 504 (it may have been created), while a GET that met 504 is retried', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3 });
    const user = newUser();
    service.faults.inject({ status: 504, count: 1, method: 'POST' });
    const error = await rejectionOf(client.create(user.getToken, draft));
    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([504]);

    service.faults.inject({ status: 504, count: 1, method: 'GET' });
    expect(await client.list(user.getToken)).toEqual([]);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([504, 504, 200]);
  });

  it('reports a persistent 503 as unavailable after the retries', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 2 });
    const user = newUser();
    service.faults.inject({ status: 503, retryAfterSeconds: 0, count: 10, method: 'GET' });

    const error = await rejectionOf(client.list(user.getToken));

    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect((error as GraphRequestError).details.status).toBe(503);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([503, 503, 503]);
  });

  it('reports a timeout as unavailable', async () => {
    const { client, exchanges, logs } = clientFor(service, { timeoutMs: 300 });
    const user = newUser();
    service.faults.addLatency({ ms: 1000, count: 1, method: 'GET' });

    const error = await rejectionOf(client.list(user.getToken));

    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect((error as GraphRequestError).details).toMatchObject({ status: undefined, graphCode: 'timeout', clientRequestId: exchanges[0]?.clientRequestId });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.status).toBeUndefined();
    expect(logs.filter((log) => log.level === 'warn' || log.level === 'error')).toEqual([]);
    expect(logs.filter((log) => log.level === 'debug' && log.entry.msg === 'Graph request failed')).toHaveLength(1);
  });

  it('reports an unreachable service as unavailable', async () => {
    const closed = await startServiceForTests();
    const graphBaseUrl = closed.service.graphBaseUrl;
    await closed.stop();
    const client = createGraphInterestsClient({ graphBaseUrl, timeoutMs: 2000, maxRetries: 1, maxRetryWaitSeconds: 1, logger: silentLogger });

    const error = await rejectionOf(client.list(newUser().getToken));

    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect((error as GraphRequestError).details.graphCode).toBe('networkError');
  });

  it.each([
    ['an empty token', ''],
    ['a token that is not a JWT', 'not-a-token'],
  ])('maps 401 for %s to unauthorized', async (_label, token) => {
    const { client } = clientFor(service);

    const error = await rejectionOf(client.list(async () => token));

    expect(isGraphRequestError(error, 'unauthorized')).toBe(true);
    expect((error as GraphRequestError).details.status).toBe(401);
  });

  it('maps 403 for a token without the write scope to forbidden', async () => {
    const { client } = clientFor(service);
    const reader = newUser('User.Read');

    const error = await rejectionOf(client.create(reader.getToken, draft));

    expect(isGraphRequestError(error, 'forbidden')).toBe(true);
    expect(service.store.listInterests(reader.oid)).toEqual([]);
  });

  it('asks for a token on every request, so a renewed token is used', async () => {
    const { client, exchanges } = clientFor(service);
    const oid = randomUUID();
    const tokens = [mintDevToken({ oid, name: 'first' }), mintDevToken({ oid, name: 'renewed' })];
    let calls = 0;
    const getToken = async (): Promise<string> => tokens[Math.min(calls++, tokens.length - 1)] ?? '';

    const created = await client.create(getToken, draft);
    await client.get(getToken, created.id);

    expect(calls).toBe(2);
    expect(exchanges.map((exchange) => exchange.authorization)).toEqual([`Bearer ${tokens[0]}`, `Bearer ${tokens[1]}`]);
  });

  it('lets an error from the token provider through unchanged, without calling Graph', async () => {
    const { client, exchanges } = clientFor(service);
    const signInNeeded = new Error('sign-in required');

    await expect(client.list(async () => Promise.reject(signInNeeded))).rejects.toBe(signInNeeded);
    expect(exchanges).toHaveLength(0);
  });

  it('sends a new client-request-id for each request and Graph echoes it', async () => {
    const ids = ['6f1e2a4c-0000-4000-8000-000000000001', '6f1e2a4c-0000-4000-8000-000000000002'];
    let next = 0;
    const { client, exchanges } = clientFor(service, { newRequestId: () => ids[next++] ?? randomUUID() });
    const user = newUser();

    await client.list(user.getToken);
    const error = await rejectionOf(client.get(user.getToken, 'missing'));

    expect(exchanges.map((exchange) => exchange.clientRequestId)).toEqual(ids);
    expect((error as GraphRequestError).details.clientRequestId).toBe(ids[1]);
  });
});
