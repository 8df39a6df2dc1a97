import { MAX_ACTIVITY_BYTES } from '../../src/edge/server';
import { startBotHarness, textsIn, type BotHarness } from '../support/botHarness';

describe('bot HTTP server', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  it('answers GET /healthz with {status: "ok"}', async () => {
    const response = await fetch(`${harness.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('runs a turn posted to /api/messages through the adapter and returns the replies', async () => {
    const exchange = await harness.say('cancel');
    expect(exchange.status).toBe(200);
    expect(textsIn(exchange)).toEqual(['Nothing to cancel.']);
  });

  it('refuses a body over the size limit with 413 and runs no turn', async () => {
    const before = harness.service.stats.snapshot().total;
    const { status } = await harness.post({ type: 'message', text: 'list', padding: 'x'.repeat(MAX_ACTIVITY_BYTES + 1) });
    expect(status).toBe(413);
    expect(harness.service.stats.snapshot().total).toBe(before);
  });

  it('refuses a body that is not an activity with 400', async () => {
    const { status } = await harness.post({ text: 'no type' });
    expect(status).toBe(400);
  });
});

describe('bot server shutdown', () => {
  it('lets an in-flight turn finish, then stops accepting connections', async () => {
    const harness = await startBotHarness();
    // Slow the profile service so a `list` turn is still running when close() is called.
    harness.service.faults.addLatency({ ms: 1500, count: 1 });
    const inFlight = harness.say('list');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = harness.server.close();
    const exchange = await inFlight;
    await closed;
    expect(exchange.status).toBe(200);
    expect(exchange.activities.some((activity) => activity.attachments?.length)).toBe(true);
    await expect(fetch(`${harness.server.url}/healthz`)).rejects.toThrow();
    await harness.service.close();
  });
});
