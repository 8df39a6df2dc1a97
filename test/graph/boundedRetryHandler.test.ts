/**
 * The Graph client's bounded retries, seen from outside: real requests to the local profile service, faults
 * injected through its test hooks, and what went over the wire (statuses, `Retry-After`, `Retry-Attempt`, when each
 * request left and its answer came back).
 */
import type { InterestDraft } from '../../src/domain/personInterest';
import { isGraphRequestError, type GraphRequestError } from '../../src/errors/graphErrors';
import { clientFor, newUser, rejectionOf, startServiceForTests, type ProfileService, type RecordedExchange } from './graphClientHarness';

const draft: InterestDraft = {
  displayName: 'Bouldering',
  description: null,
  categories: [],
  collaborationTags: [],
  allowedAudiences: 'organization',
  webUrl: null,
};

let service: ProfileService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startServiceForTests());
});
afterAll(() => stop());
beforeEach(() => service.faults.clear());

/** Milliseconds between each answer and the request that followed it. */
const pausesOf = (exchanges: readonly RecordedExchange[]): number[] =>
  exchanges.slice(1).map((exchange, index) => exchange.sentAt - (exchanges[index]?.answeredAt ?? Number.NaN));

describe('bounded Graph retries', () => {
  it.each([429, 503, 504] as const)('sends a GET again after %i, and gives up after maxRetries with the last answer', async (status) => {
    const { client, exchanges } = clientFor(service, { maxRetries: 2 });
    service.faults.inject({ status, retryAfterSeconds: 0, count: 10, method: 'GET' });

    const error = await rejectionOf(client.list(newUser().getToken));

    expect((error as GraphRequestError).details.status).toBe(status);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([status, status, status]);
    expect(exchanges.map((exchange) => exchange.retryAttempt)).toEqual([null, '1', '2']);
  });

  it('does not send again after an answer that asking again cannot change (500)', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3 });
    service.faults.inject({ status: 500, retryAfterSeconds: 0, count: 1, method: 'GET' });

    const error = await rejectionOf(client.list(newUser().getToken));

    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([500]);
  });

  it('waits at least the Retry-After Graph asks for before each retry', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3, maxRetryWaitSeconds: 2 });
    service.faults.inject({ status: 429, retryAfterSeconds: 0.3, count: 2, method: 'GET' });

    expect(await client.list(newUser().getToken)).toEqual([]);

    expect(exchanges.map((exchange) => exchange.status)).toEqual([429, 429, 200]);
    // 1 ms for clock rounding.
    for (const pause of pausesOf(exchanges)) expect(pause).toBeGreaterThanOrEqual(300 - 1);
  });

  it('takes a Retry-After exactly at the bound, and answers at once when Graph asks for longer', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3, maxRetryWaitSeconds: 0.2 });
    const user = newUser();
    service.faults.inject({ status: 503, retryAfterSeconds: 0.2, count: 1, method: 'GET' });
    expect(await client.list(user.getToken)).toEqual([]);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([503, 200]);

    service.faults.inject({ status: 503, retryAfterSeconds: 0.25, count: 1, method: 'GET' });
    const started = Date.now();
    const error = await rejectionOf(client.list(user.getToken));

    expect(isGraphRequestError(error, 'unavailable')).toBe(true);
    expect((error as GraphRequestError).details.retryAfterSeconds).toBe(0.25);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([503, 200, 503]);
    expect(Date.now() - started).toBeLessThan(250);
  });

  it('without a Retry-After backs off, each pause longer than the last and none beyond the bound', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3, maxRetryWaitSeconds: 0.8 });
    service.faults.inject({ status: 503, count: 3, method: 'GET' });

    expect(await client.list(newUser().getToken)).toEqual([]);

    expect(exchanges.map((exchange) => exchange.status)).toEqual([503, 503, 503, 200]);
    expect(exchanges.slice(0, 3).map((exchange) => exchange.retryAfter)).toEqual([null, null, null]);
    const pauses = pausesOf(exchanges);
    // Doubling from one second, capped at 0.8 s: every pause is between half the bound and the bound.
    for (const pause of pauses) {
      expect(pause).toBeGreaterThanOrEqual(400 - 1);
      expect(pause).toBeLessThan(800 + 150);
    }
  });

  it('with a bound of zero sends again at once: no pause, however many retries', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 2, maxRetryWaitSeconds: 0 });
    service.faults.inject({ status: 504, count: 2, method: 'GET' });
    const started = Date.now();

    expect(await client.list(newUser().getToken)).toEqual([]);

    expect(exchanges.map((exchange) => exchange.status)).toEqual([504, 504, 200]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it.each(['POST', 'post'])('never sends a create (%s) again after 504, but does after 429: the interest is created once', async (method) => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3 });
    const user = newUser();
    service.faults.inject({ status: 504, retryAfterSeconds: 0, count: 1, method });
    expect(isGraphRequestError(await rejectionOf(client.create(user.getToken, draft)), 'unavailable')).toBe(true);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([504]);

    service.faults.inject({ status: 429, retryAfterSeconds: 0, count: 1, method });
    await client.create(user.getToken, draft);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([504, 429, 201]);
    expect(service.store.listInterests(user.oid)).toHaveLength(1);
  });

  it('sends a PATCH again after 504 (sending it twice changes nothing more)', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3 });
    const user = newUser();
    const created = await client.create(user.getToken, draft);
    service.faults.inject({ status: 504, retryAfterSeconds: 0, count: 1, method: 'PATCH' });

    const updated = await client.update(user.getToken, created, { description: 'Indoors on Thursdays.' });

    expect(updated.description).toBe('Indoors on Thursdays.');
    expect(exchanges.filter((exchange) => exchange.method === 'PATCH').map((exchange) => exchange.status)).toEqual([504, 200]);
  });

  it('with no retries configured sends each request once', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 0 });
    service.faults.inject({ status: 429, retryAfterSeconds: 0, count: 1, method: 'GET' });

    expect(isGraphRequestError(await rejectionOf(client.list(newUser().getToken)), 'throttled')).toBe(true);
    expect(exchanges).toHaveLength(1);
  });
});
