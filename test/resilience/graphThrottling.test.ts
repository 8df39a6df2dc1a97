import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { GRAPH_FAILURE_KEYS } from '../../src/conversation/userMessages';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { ALEX, cardsIn, cardText, textsIn, startBotHarness, type GraphCall, type BotHarness } from '../support/botHarness';

const MAX_RETRIES = 3;
const MAX_WAIT_SECONDS = 2;

describe('Graph 429 bursts with Retry-After', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ connector: true, graph: { maxRetries: MAX_RETRIES, maxRetryWaitSeconds: MAX_WAIT_SECONDS } });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.service.faults.clear();
    harness.graphCalls.length = 0;
  });

  const callsTo = (method: string): GraphCall[] => harness.graphCalls.filter((call) => call.method === method);

  it('list still succeeds, after waiting at least the Retry-After before each retry', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 0.3, count: 2, method: 'GET' });

    const exchange = await harness.say('list');

    expect(cardText(cardsIn(exchange)[0])).toContain('Machine learning');
    const calls = callsTo('GET');
    expect(calls.map((call) => call.status)).toEqual([429, 429, 200]);
    for (let index = 1; index < calls.length; index++) {
      const previous = calls[index - 1] as GraphCall;
      // The retry cannot go out before the wait Graph asked for (1 ms for clock rounding).
      expect((calls[index] as GraphCall).sentAt - previous.answeredAt).toBeGreaterThanOrEqual(300 - 1);
    }
  });

  it('a card action that changes the profile still succeeds, and writes once', async () => {
    const interest = harness.service.store.listInterests(ALEX.aadObjectId).find((candidate) => candidate.displayName === 'Trail running');
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 0.2, count: 2, method: 'PATCH' });

    const { body } = await harness.act(CARD_VERBS.saveTags, {
      ownerId: ALEX.aadObjectId,
      interestId: interest?.id,
      tagsBefore: ['wantsToImprove'],
      collaborationTags: 'wantsToImprove,ableToMentor',
    });

    expect(cardText((body as { value: unknown }).value)).toContain('Saved.');
    expect(callsTo('PATCH').map((call) => call.status)).toEqual([429, 429, 200]);
    const stored = harness.service.store.listInterests(ALEX.aadObjectId).find((candidate) => candidate.id === interest?.id);
    expect([...(stored?.collaborationTags ?? [])].sort()).toEqual(['ableToMentor', 'wantsToImprove']);
  });

  it('a burst across several users: every one of them gets their list', async () => {
    const users = Array.from({ length: 6 }, (_, index) => ({ id: `29:burst-${index}`, aadObjectId: `aad-burst-${index}`, name: `Burst ${index}` }));
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 0.1, count: 8, method: 'GET' });

    const exchanges = await Promise.all(users.map((from) => harness.say('list', { from, conversationId: `a:burst-${from.id}` })));

    for (const exchange of exchanges) {
      expect(exchange.status).toBe(200);
      expect(cardsIn(exchange)).toHaveLength(1);
    }
    expect(callsTo('GET').filter((call) => call.status === 429)).toHaveLength(8);
  });

  it('a Retry-After longer than the bound is not waited for: the user is told at once to try later', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 120, count: 1, method: 'GET' });

    const exchange = await harness.say('list');

    expect(textsIn(exchange)).toContain(SOURCE_TEXT.t(GRAPH_FAILURE_KEYS.throttled));
    expect(callsTo('GET')).toHaveLength(1);
  });

  it('a burst longer than the retries allow ends after a bounded number of attempts', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 0.05, count: 50, method: 'GET' });

    const exchange = await harness.say('list');

    expect(textsIn(exchange)).toContain(SOURCE_TEXT.t(GRAPH_FAILURE_KEYS.throttled));
    expect(callsTo('GET')).toHaveLength(MAX_RETRIES + 1);
  });
});
