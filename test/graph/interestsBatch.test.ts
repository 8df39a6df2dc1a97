import { randomUUID } from 'node:crypto';
import { mintDevToken } from '../../src/auth/devToken';
import type { InterestDraft } from '../../src/domain/personInterest';
import type { CreateOutcome, UserInterestsOutcome } from '../../src/graph/interestsClient';
import { createKeepAliveFetch } from '../../src/graph/keepAliveFetch';
import { clientFor, newUser, startServiceForTests, type ProfileService } from './graphClientHarness';

const draftNamed = (displayName: string, overrides: Partial<InterestDraft> = {}): InterestDraft => ({
  displayName,
  description: null,
  categories: ['Hobbies'],
  collaborationTags: [],
  allowedAudiences: 'organization',
  webUrl: null,
  ...overrides,
});
const drafts = (count: number, prefix = 'Interest'): InterestDraft[] => Array.from({ length: count }, (_, index) => draftNamed(`${prefix} ${index + 1}`));

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

const kinds = (outcomes: readonly CreateOutcome[]): string[] => outcomes.map((outcome) => outcome.kind);
const namesOf = (oid: string): string[] => service.store.listInterests(oid).map((interest) => String(interest.displayName));

describe('Graph client: bulk create through JSON batching', () => {
  it('sends 21 creates as 2 batch requests with relative inner URLs, through the usual middleware, and maps each outcome', async () => {
    const { client, exchanges } = clientFor(service);
    const user = newUser();
    const wanted = drafts(21);

    const outcomes = await client.createInterests(user.getToken, wanted);

    expect(kinds(outcomes)).toEqual(Array(21).fill('created'));
    expect(outcomes.map((outcome) => (outcome.kind === 'created' ? outcome.interest.displayName : undefined))).toEqual(wanted.map((draft) => draft.displayName));
    expect(service.stats.snapshot()).toEqual({ total: 2, byRoute: { 'POST batch': 2 }, byStatus: { '200': 2 } });
    expect(service.stats.batchItems().byRoute).toEqual({ 'POST interests': 21 });
    expect(namesOf(user.oid).sort()).toEqual(wanted.map((draft) => draft.displayName).sort());

    expect(exchanges.map((exchange) => exchange.url)).toEqual([`${service.graphBaseUrl}/$batch`, `${service.graphBaseUrl}/$batch`]);
    for (const exchange of exchanges) {
      expect(exchange.authorization).toBe(`Bearer ${user.token}`);
      expect(exchange.clientRequestId).toEqual(expect.any(String));
      const sent = JSON.parse(exchange.body ?? '{}') as { requests: { url: string; headers: Record<string, string> }[] };
      for (const request of sent.requests) {
        expect(request.url).toBe('/me/profile/interests');
        expect(request.headers['Content-Type']).toBe('application/json');
      }
    }
    expect(exchanges.map((exchange) => (JSON.parse(exchange.body ?? '{}') as { requests: unknown[] }).requests.length)).toEqual([20, 1]);
  });

  it('reports an item Graph refused with its error code, never its message, beside the ones it created', async () => {
    const { client } = clientFor(service);
    const user = newUser();
    const outcomes = await client.createInterests(user.getToken, [draftNamed('Kept'), draftNamed('   '), draftNamed('Also kept', { collaborationTags: ['notATag' as never] })]);

    expect(kinds(outcomes)).toEqual(['created', 'refused', 'refused']);
    for (const outcome of outcomes.slice(1)) {
      if (outcome.kind === 'created') throw new Error('expected a refusal');
      expect(outcome.error.kind).toBe('invalidRequest');
      expect(outcome.error.details).toMatchObject({ status: 400, graphCode: 'invalidRequest' });
      expect(outcome.error.message).not.toMatch(/displayName|collaborationTags|notATag/);
    }
    expect(namesOf(user.oid)).toEqual(['Kept']);
  });

  it('reports every item refused when the token lacks the write scope', async () => {
    const { client } = clientFor(service);
    const user = newUser('User.Read');
    const outcomes = await client.createInterests(user.getToken, drafts(3));
    expect(outcomes.map((outcome) => (outcome.kind === 'refused' ? outcome.error.kind : outcome.kind))).toEqual(['forbidden', 'forbidden', 'forbidden']);
  });

  it('re-sends only a throttled item, after its own Retry-After, and creates it exactly once', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 2, maxRetryWaitSeconds: 2 });
    const user = newUser();
    service.faults.inject({ status: 429, retryAfterSeconds: 0.2, count: 1, method: 'POST', path: '/beta/me/profile/interests' });

    const outcomes = await client.createInterests(user.getToken, drafts(5));

    expect(kinds(outcomes)).toEqual(Array(5).fill('created'));
    expect(namesOf(user.oid).sort()).toEqual(drafts(5).map((draft) => draft.displayName).sort());
    expect(exchanges.map((exchange) => (JSON.parse(exchange.body ?? '{}') as { requests: unknown[] }).requests.length)).toEqual([5, 1]);
    expect(service.stats.batchItems().byStatus).toEqual({ '201': 5, '429': 1 });
  });

  /** When each request left and when its answer arrived, seen by the product's transport under the client. */
  function timedFetch(): { fetch: typeof fetch; requests: { sentAt: number; answeredAt: number }[] } {
    const send = createKeepAliveFetch();
    const requests: { sentAt: number; answeredAt: number }[] = [];
    const timed: typeof fetch = async (input, init) => {
      const sentAt = performance.now();
      const response = await send(input, init);
      requests.push({ sentAt, answeredAt: performance.now() });
      return response;
    };
    return { fetch: timed, requests };
  }

  /** Milliseconds from the answer that throttled an item to the batch that sends it again. */
  async function waitBeforeResending(retryAfterSeconds: readonly number[]): Promise<number> {
    const { fetch, requests } = timedFetch();
    const { client } = clientFor(service, { maxRetries: 2, maxRetryWaitSeconds: 2, fetch });
    for (const seconds of retryAfterSeconds) service.faults.inject({ status: 429, retryAfterSeconds: seconds, count: 1, method: 'POST', path: '/beta/me/profile/interests' });
    const outcomes = await client.createInterests(newUser().getToken, drafts(3));
    expect(kinds(outcomes)).toEqual(['created', 'created', 'created']);
    expect(requests).toHaveLength(2);
    const [first, resend] = requests;
    return resend!.sentAt - first!.answeredAt;
  }

  // Node's timers count whole milliseconds on the event loop's cached clock: a sleep may end a fraction of a
  // millisecond before `performance.now()` says it should.
  const TIMER_SLACK_MS = 2;

  it("waits a throttled item's own Retry-After before sending it again: a longer one, a longer wait", async () => {
    const short = await waitBeforeResending([0.2]);
    const long = await waitBeforeResending([1.2]);
    expect(short).toBeGreaterThanOrEqual(200 - TIMER_SLACK_MS);
    expect(long).toBeGreaterThanOrEqual(1200 - TIMER_SLACK_MS);
    // Not a fixed pause: the short wait ends well before the default one second, the long one well after it.
    expect(short).toBeLessThan(800);
    expect(long - short).toBeGreaterThanOrEqual(900);
  });

  it('waits the longest Retry-After when items ask for different ones, so none is sent again early', async () => {
    expect(await waitBeforeResending([0.2, 0.9])).toBeGreaterThanOrEqual(900 - TIMER_SLACK_MS);
  });

  it('does not wait longer than the retry bound: an item asking for more ends throttled, with its Retry-After', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 3, maxRetryWaitSeconds: 1 });
    const user = newUser();
    service.faults.inject({ status: 429, retryAfterSeconds: 30, count: 1, method: 'POST', path: '/beta/me/profile/interests' });

    const outcomes = await client.createInterests(user.getToken, drafts(3));

    expect(kinds(outcomes).sort()).toEqual(['created', 'created', 'throttled']);
    const throttled = outcomes.find((outcome) => outcome.kind === 'throttled');
    expect(throttled?.kind === 'throttled' ? throttled.error.details.retryAfterSeconds : undefined).toBe(30);
    expect(exchanges).toHaveLength(1);
    expect(service.store.listInterests(user.oid)).toHaveLength(2);
  });

  it('stops re-sending after maxRetries rounds and reports the item throttled', async () => {
    const { client, exchanges } = clientFor(service, { maxRetries: 1, maxRetryWaitSeconds: 1 });
    const user = newUser();
    service.faults.inject({ status: 429, retryAfterSeconds: 0.1, count: 2, method: 'POST', path: '/beta/me/profile/interests' });
    const outcomes = await client.createInterests(user.getToken, [draftNamed('Only')]);
    expect(kinds(outcomes)).toEqual(['throttled']);
    expect(exchanges).toHaveLength(2);
    expect(service.store.listInterests(user.oid)).toEqual([]);
  });

  it('reports a batch whose answer never arrived as unknown, so the caller re-reads the list', async () => {
    const { client } = clientFor(service, { timeoutMs: 300, maxRetries: 0 });
    const user = newUser();
    // The items (not the batch) are slowed: the service has read the batch and applies it after the client gave up.
    service.faults.addLatency({ ms: 800, count: 2, method: 'POST', path: '/beta/me/profile/interests' });

    const outcomes = await client.createInterests(user.getToken, drafts(2, 'Slow'));

    expect(kinds(outcomes)).toEqual(['unknown', 'unknown']);
    for (const outcome of outcomes) if (outcome.kind !== 'created') expect(outcome.error.details.graphCode).toBe('timeout');
    // The service went on to apply the batch after the client gave up: only a re-read can tell.
    for (let polls = 0; polls < 100 && service.store.listInterests(user.oid).length < 2; polls++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await client.list(user.getToken)).map((interest) => interest.displayName).sort()).toEqual(['Slow 1', 'Slow 2']);
  });

  it('lets an error of the token source propagate unchanged', async () => {
    const { client } = clientFor(service);
    const signInNeeded = new Error('sign in first');
    await expect(client.createInterests(() => Promise.reject(signInNeeded), drafts(1))).rejects.toBe(signInNeeded);
  });
});

describe("Graph client: many users' interests through JSON batching", () => {
  const readerFor = (scp: string): { oid: string; getToken: () => Promise<string> } => {
    const oid = randomUUID();
    const token = mintDevToken({ oid, scp });
    return { oid, getToken: async () => token };
  };

  it("reads 45 users' interests in 3 requests, each through the owner's audiences", async () => {
    const colleagues = Array.from({ length: 45 }, () => newUser());
    for (const [index, colleague] of colleagues.entries()) {
      const { client } = clientFor(service);
      await client.createInterests(colleague.getToken, [
        draftNamed(`Shared ${index}`, { allowedAudiences: index % 2 === 0 ? 'organization' : 'everyone' }),
        draftNamed(`Private ${index}`, { allowedAudiences: index % 3 === 0 ? 'me' : 'contacts' }),
      ]);
    }
    service.stats.reset();
    const { client } = clientFor(service);
    const reader = readerFor('User.Read User.Read.All');

    const outcomes = await client.listInterestsOfUsers(reader.getToken, colleagues.map((colleague) => colleague.oid));

    expect(service.stats.snapshot()).toEqual({ total: 3, byRoute: { 'POST batch': 3 }, byStatus: { '200': 3 } });
    expect(outcomes.map((outcome) => outcome.userId)).toEqual(colleagues.map((colleague) => colleague.oid));
    expect(outcomes.map((outcome) => (outcome.kind === 'read' ? outcome.interests.map((interest) => interest.displayName) : outcome.kind))).toEqual(
      colleagues.map((_, index) => [`Shared ${index}`]),
    );
  });

  it('gives each user their own outcome: an unknown user fails as notFound, the rest are read', async () => {
    const known = newUser();
    const { client } = clientFor(service);
    await client.createInterests(known.getToken, [draftNamed('Visible')]);
    const reader = readerFor('User.Read.All');
    const outcomes: UserInterestsOutcome[] = await client.listInterestsOfUsers(reader.getToken, [known.oid, randomUUID()]);
    expect(outcomes[0]).toMatchObject({ kind: 'read', interests: [expect.objectContaining({ displayName: 'Visible' })] });
    expect(outcomes[1]?.kind === 'failed' ? outcomes[1].error.kind : outcomes[1]?.kind).toBe('notFound');
  });

  it('reports forbidden per user when the token lacks User.Read.All', async () => {
    const known = newUser();
    const { client } = clientFor(service);
    await client.createInterests(known.getToken, [draftNamed('Visible')]);
    const outcomes = await client.listInterestsOfUsers(readerFor('User.Read').getToken, [known.oid]);
    expect(outcomes[0]?.kind === 'failed' ? outcomes[0].error.kind : outcomes[0]?.kind).toBe('forbidden');
  });
});
