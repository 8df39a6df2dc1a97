import { connectorRetryDelayMs, sendWithConnectorRetry } from '../../src/edge/connectorRetry';
import { silentLogger } from '../../src/logger';
import { startBotHarness, type BotHarness } from '../support/botHarness';

const CARD = 'application/vnd.microsoft.card.adaptive';

const throttled = (retryAfter?: string): Error =>
  Object.assign(new Error('Too many requests'), {
    statusCode: 429,
    response: { headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) } },
  });

describe('connector 429 on sending a reply (normal delivery)', () => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness({ connector: true, graph: { maxRetries: 3, maxRetryWaitSeconds: 2 }, connectorRetry: { baseDelayMs: 20, maxDelayMs: 200 } });
  });
  afterEach(() => harness.close());

  it('retries the refused reply with back-off and sends every reply exactly once', async () => {
    // `list` sends a typing indicator, then the list card: the card is refused twice (no Retry-After, as Teams often does).
    harness.connector.refuseNext(2, 429, { when: (activity) => activity.type === 'message' });
    const { status } = await harness.say('list', { expectReplies: false });

    expect(status).toBe(200);
    const accepted = harness.connector.accepted();
    expect(accepted.map((activity) => activity.type)).toEqual(['typing', 'message']);
    expect(accepted[1]?.attachments?.[0]?.contentType).toBe(CARD);
    const refused = harness.connector.posts.filter((post) => post.status === 429);
    expect(refused).toHaveLength(2);
    // The retried POSTs carry the same card; the typing indicator was not sent again.
    for (const post of refused) expect(post.activity.attachments).toEqual(accepted[1]?.attachments);
    expect(harness.connector.posts.filter((post) => post.activity.type === 'typing')).toHaveLength(1);
  });

  it('honours Retry-After on a refused reply', async () => {
    harness.connector.refuseNext(1, 429, { retryAfterSeconds: 0.05 });
    const { status } = await harness.say('help', { expectReplies: false });
    expect(status).toBe(200);
    const helpCards = harness.connector.accepted().filter((activity) => activity.attachments?.length);
    expect(helpCards).toHaveLength(1);
    expect(harness.connector.posts.map((post) => post.status)).toEqual([429, 200]);
  });

  it('gives up after a bounded number of retries and the bot keeps serving', async () => {
    harness.connector.refuseNext(30, 429);
    await harness.say('help', { expectReplies: false });
    const attempts = harness.connector.posts.length;
    // 1 + 4 retries for the help card, then the same bound for the turn-error message.
    expect(attempts).toBeLessThanOrEqual(10);
    expect(harness.connector.accepted()).toEqual([]);
    const after = await harness.say('help');
    expect(after.status).toBe(200);
    expect(after.activities.some((activity) => activity.attachments?.length)).toBe(true);
  });
});

describe('connector retry policy', () => {
  const options = { logger: silentLogger, baseDelayMs: 500, maxDelayMs: 10_000 };

  it('backs off exponentially without Retry-After', () => {
    expect([0, 1, 2, 3].map((retry) => connectorRetryDelayMs(throttled(), retry, options))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('honours Retry-After, but never waits longer than the bound', () => {
    expect(connectorRetryDelayMs(throttled('3'), 0, options)).toBe(3_000);
    expect(connectorRetryDelayMs(throttled('120'), 0, options)).toBe(10_000);
  });

  it('retries only 429: other failures may have been delivered, so they are not sent again', async () => {
    expect(connectorRetryDelayMs(Object.assign(new Error('boom'), { statusCode: 503 }), 0, options)).toBeUndefined();
    let calls = 0;
    const send = async (): Promise<string> => {
      calls += 1;
      throw Object.assign(new Error('gateway'), { statusCode: 502 });
    };
    await expect(sendWithConnectorRetry(send, { ...options, sleep: async () => undefined })).rejects.toThrow('gateway');
    expect(calls).toBe(1);
  });

  it('stops after maxRetries, having waited the bounded back-off each time', async () => {
    const waits: number[] = [];
    let calls = 0;
    const send = async (): Promise<string> => {
      calls += 1;
      throw throttled();
    };
    await expect(sendWithConnectorRetry(send, { ...options, maxRetries: 3, maxDelayMs: 1_500, sleep: async (ms) => void waits.push(ms) })).rejects.toThrow('Too many');
    expect(calls).toBe(4);
    expect(waits).toEqual([500, 1_000, 1_500]);
  });
});

describe('the typing indicator of a Graph command (normal delivery)', () => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness({ connector: true });
  });
  afterEach(() => harness.close());

  it('goes out alongside the Graph call instead of before it, and still arrives before the card', async () => {
    const release = harness.connector.holdNext((activity) => activity.type === 'typing');
    const before = harness.service.stats.snapshot().total;
    const turn = harness.say('list', { expectReplies: false });
    // Graph is asked while the connector has not yet answered the typing indicator.
    const until = Date.now() + 10_000;
    while (harness.service.stats.snapshot().total === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(harness.service.stats.snapshot().total).toBe(before + 1);
    expect(harness.connector.accepted()).toEqual([]);
    release();
    expect((await turn).status).toBe(200);
    const accepted = harness.connector.accepted();
    expect(accepted.map((activity) => activity.type)).toEqual(['typing', 'message']);
    expect(accepted[1]?.attachments?.[0]?.contentType).toBe(CARD);
  });

  it('a refused typing indicator does not stop the answer', async () => {
    harness.connector.refuseNext(1, 403, { when: (activity) => activity.type === 'typing' });
    expect((await harness.say('list', { expectReplies: false })).status).toBe(200);
    const accepted = harness.connector.accepted();
    expect(accepted.map((activity) => activity.type)).toEqual(['message']);
    expect(accepted[0]?.attachments?.[0]?.contentType).toBe(CARD);
  });
});
