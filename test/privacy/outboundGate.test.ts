/**
 * Every activity leaves within what Teams accepts (the whole serialized activity, UTF-16, 28 KB), whatever code
 * sent it: checked on the real adapter with the bot's middleware, for a reply in a turn, an invoke's response and
 * a proactive post through the Bot Connector stand-in.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext, type Activity, type Request, type Response } from 'botbuilder';
import { ANSWER_TOO_LONG_KEY, activityWireSize, boundActivity, MAX_ACTIVITY_BYTES } from '../../src/conversation/outboundGate';
import { toAttachment } from '../../src/cards/cardTemplate';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { ALEX, BOT, startBotHarness, type BotHarness } from '../support/botHarness';
import { connectorEnvelope } from '../support/postActivity';

const CHANNEL_THREAD = { id: '19:general-channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true };
const ANSWER_TOO_LONG_TEXT = SOURCE_TEXT.t(ANSWER_TOO_LONG_KEY);
/** A card of about 60 KB as Teams counts it (ASCII text: two bytes a character), whatever the renderer's own limits. */
const hugeCard = () => ({ ...renderNoticeCard(SOURCE_TEXT, { title: 'Huge' }), body: [{ type: 'TextBlock', text: 'x'.repeat(30_000), wrap: true }] });
/** The largest card that still fits with the activity around it. */
const cardOfSize = (units: number) => ({ ...renderNoticeCard(SOURCE_TEXT, { title: 'Near' }), body: [{ type: 'TextBlock', text: 'x'.repeat(units), wrap: true }] });

describe('boundActivity', () => {
  const reply = (card: object): Partial<Activity> => ({
    type: ActivityTypes.Message,
    conversation: { id: CHANNEL_THREAD.id, isGroup: true, conversationType: 'channel', name: '' },
    replyToId: 'activity-1',
    locale: 'en-US',
    attachments: [toAttachment(card as never)],
  });

  it('counts the serialized activity in UTF-16: two bytes a code unit', () => {
    const activity = { type: 'message', text: '中🎉a' };
    expect(activityWireSize(activity)).toBe(JSON.stringify(activity).length * 2);
    expect(activityWireSize({ type: 'message', text: '中' }) - activityWireSize({ type: 'message', text: '' })).toBe(2);
  });

  it('sends an activity within the limit as it is', () => {
    const activity = reply(renderNoticeCard(SOURCE_TEXT, { title: 'Saved.' }));
    expect(boundActivity(SOURCE_TEXT, activity)).toBe(activity);
  });

  it('turns a message over the limit into the same reply saying it was too long, in the same place', () => {
    const activity = reply(hugeCard());
    expect(activityWireSize(activity)).toBeGreaterThan(MAX_ACTIVITY_BYTES);
    const bounded = boundActivity(SOURCE_TEXT, activity);
    expect(bounded).toEqual({ type: 'message', conversation: activity.conversation, replyToId: 'activity-1', locale: 'en-US', text: ANSWER_TOO_LONG_TEXT });
    expect(activityWireSize(bounded)).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);
  });

  it('draws the line at exactly 28 KB', () => {
    const base = activityWireSize(reply(cardOfSize(0)));
    const fits = reply(cardOfSize((MAX_ACTIVITY_BYTES - base) / 2));
    expect(activityWireSize(fits)).toBe(MAX_ACTIVITY_BYTES);
    expect(boundActivity(SOURCE_TEXT, fits)).toBe(fits);
    const over = reply(cardOfSize((MAX_ACTIVITY_BYTES - base) / 2 + 1));
    expect(boundActivity(SOURCE_TEXT, over)).not.toBe(over);
  });

  it("answers an invoke whose card is over the limit with a message, which keeps the user's card as it was", () => {
    const activity: Partial<Activity> = { type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: hugeCard() } } };
    expect(boundActivity(SOURCE_TEXT, activity)).toEqual({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: ANSWER_TOO_LONG_TEXT } },
    });
  });
});

describe('the outbound gate on the bot', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ connector: true });
  });
  afterAll(() => harness.close());

  /** One turn through the bot's own adapter and middleware, with `logic` in place of the bot's handler. */
  async function turnWith(logic: (context: TurnContext) => Promise<void>, fields: Record<string, unknown> = {}): Promise<Partial<Activity>[]> {
    let body: unknown;
    const response: Response = { socket: undefined, status() {}, header() {}, send(sent?: unknown) { body = sent; }, end() {} };
    const activity = connectorEnvelope({ type: 'message', text: 'list', from: ALEX, recipient: BOT, conversation: CHANNEL_THREAD, ...fields });
    const request: Request = { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity };
    await harness.bot.adapter.process(request, response, logic);
    return JSON.parse(JSON.stringify((body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [])) as Partial<Activity>[];
  }

  it('bounds a reply any code sends, and logs its size but nothing it said', async () => {
    const sent = await turnWith(async (context) => {
      await context.sendActivity({ attachments: [toAttachment(hugeCard() as never)] });
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'message', text: ANSWER_TOO_LONG_TEXT, conversation: { id: CHANNEL_THREAD.id } });
    expect(sent[0]!.attachments).toBeUndefined();
    const warning = harness.logLines.find((line) => line.includes('over the size Teams accepts'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 'warn', bytes: expect.any(Number), limit: MAX_ACTIVITY_BYTES });
    expect(warning).not.toContain('xxxx');
  });

  it("bounds an invoke's response", async () => {
    const sent = await turnWith(
      async (context) => {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: hugeCard() } } });
      },
      { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: 'list.show', data: {}, id: randomUUID() } } },
    );
    const body = (sent.find((activity) => activity.type === 'invokeResponse')?.value as { body: unknown }).body;
    expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: ANSWER_TOO_LONG_TEXT });
  });

  it('bounds a proactive post (a late answer) on its way to the Bot Connector', async () => {
    const reference = TurnContext.getConversationReference(
      connectorEnvelope({ type: 'message', from: ALEX, recipient: BOT, conversation: CHANNEL_THREAD, serviceUrl: harness.connector.serviceUrl }) as Partial<Activity>,
    );
    await harness.bot.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity({ attachments: [toAttachment(hugeCard() as never)] });
    });
    const [posted] = await harness.connector.waitForAccepted(1);
    expect(posted).toMatchObject({ type: 'message', text: ANSWER_TOO_LONG_TEXT });
    expect(activityWireSize(posted!)).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);
  });

  it('leaves replies within the limit as they were', async () => {
    const card = renderNoticeCard(SOURCE_TEXT, { title: 'Small' });
    const sent = await turnWith(async (context) => {
      await context.sendActivity({ attachments: [toAttachment(card)] });
    });
    expect(sent[0]!.attachments?.[0]?.content).toEqual(card);
  });
});

describe('the longest things a person can send, in a channel', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  it('a bulk add of 100 names of 100 CJK characters is answered with bulk cards, each within the limit, every name carried', async () => {
    const names = Array.from({ length: 100 }, (_, index) => `${String(index).padStart(3, '0')}${'中'.repeat(97)}`);
    const exchange = await harness.send({ type: 'message', text: `<at>${BOT.name}</at> add ${names.join('; ')}`, conversation: CHANNEL_THREAD });
    const sent = exchange.activities.filter((activity) => activity.type === 'message');
    expect(sent.length).toBeGreaterThan(1);
    for (const activity of sent) expect(activityWireSize(activity)).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);
    expect(JSON.stringify(sent)).not.toContain(ANSWER_TOO_LONG_TEXT);
    const carried = sent.flatMap((activity) =>
      (activity.attachments ?? []).flatMap((attachment) => {
        const names: string[] = [];
        JSON.stringify(attachment.content, (key, value: unknown) => {
          if (key === 'names' && Array.isArray(value)) names.push(...(value as string[]));
          return value;
        });
        return names;
      }),
    );
    expect(carried).toEqual(names);
  });
});
