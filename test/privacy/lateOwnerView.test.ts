/**
 * The owner's own view of a shared card is for the owner alone, even when Microsoft 365 is slow: over real HTTP,
 * with the Bot Connector stand-in receiving anything the bot posts, an `ownerView.show` whose Graph read misses
 * the card-action budget answers the owner with "Loading…" and a button that asks again, and nothing of the view
 * reaches the conversation, then or later.
 */
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { ALEX, cardText, executeActionsOf, pause, startBotHarness, type BotHarness } from '../support/botHarness';
import { SOURCE_TEXT } from '../../src/i18n/text';

const GROUP = { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const CHANNEL_THREAD = { id: '19:general-channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true } as const;
/** Alex's seeded private interests: "Public speaking" is Only me, "Trail running" My contacts. */
const PRIVATE_NAMES = ['Public speaking', 'Trail running'];

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error('timed out waiting');
    await pause(25);
  }
}

describe.each([
  ['a group chat', GROUP],
  ['a channel', CHANNEL_THREAD],
])("the owner's view in %s when Graph is slow", (_kind, conversation) => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness({ connector: true, cardActionBudgetMs: 300, graph: { timeoutMs: 15_000, maxRetries: 1, maxRetryWaitSeconds: 10 } });
  });
  afterEach(() => harness.close());

  const refreshAsOwner = (data: Record<string, unknown>) =>
    harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: ALEX,
      conversation,
      value: { action: { type: 'Action.Execute', verb: CARD_VERBS.ownerView, data, id: randomUUID() }, trigger: 'automatic' },
    });

  const invokeBody = (activities: { type?: string; value?: unknown }[]) =>
    (activities.find((activity) => activity.type === 'invokeResponse')?.value as { body: { type: string; value: unknown } }).body;

  const lateAnswerDropped = () => harness.logLines.some((line) => line.includes('Dropped the late answer to a card action for its asker alone'));

  it.each([
    ['slow past the budget', (h: BotHarness) => h.service.faults.addLatency({ ms: 1_200, method: 'GET', count: 1 })],
    ['throttled once with Retry-After: 5', (h: BotHarness) => h.service.faults.inject({ status: 429, retryAfterSeconds: 5, method: 'GET', count: 1 })],
  ])('%s: the owner gets "Loading…" with Show my view, and the view is never posted', async (_how, slowDown) => {
    slowDown(harness);
    const data = { ownerId: ALEX.aadObjectId, card: 'list', page: 0 };

    const exchange = await refreshAsOwner(data);

    const body = invokeBody(exchange.activities);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Loading…');
    // The button asks for the same view again, as the automatic refresh did.
    expect(executeActionsOf(body.value)).toEqual([{ verb: CARD_VERBS.ownerView, data, title: SOURCE_TEXT.t('shared.showMyView') }]);
    await waitFor(lateAnswerDropped, 15_000);
    // The Graph read did finish (the late answer was ready), and still nothing reached the conversation.
    expect(harness.graphCalls.some((call) => call.method === 'GET' && call.status === 200)).toBe(true);
    await pause(200);
    expect(harness.connector.accepted()).toEqual([]);
    for (const name of PRIVATE_NAMES) expect(JSON.stringify(exchange.activities)).not.toContain(name);
  }, 30_000);

  it('Show my view, once Graph answers in time, gives the owner the full view', async () => {
    harness.service.faults.addLatency({ ms: 1_200, method: 'GET', count: 1 });
    const data = { ownerId: ALEX.aadObjectId, card: 'list', page: 0 };
    const loading = invokeBody((await refreshAsOwner(data)).activities);
    const [showMyView] = executeActionsOf(loading.value);
    await waitFor(lateAnswerDropped, 15_000);

    const again = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: ALEX,
      conversation,
      value: { action: { type: 'Action.Execute', verb: showMyView!.verb, data: showMyView!.data, id: randomUUID() }, trigger: 'manual' },
    });

    const text = cardText(invokeBody(again.activities).value);
    for (const name of PRIVATE_NAMES) expect(text).toContain(name);
    expect(harness.connector.accepted()).toEqual([]);
  }, 30_000);
});
