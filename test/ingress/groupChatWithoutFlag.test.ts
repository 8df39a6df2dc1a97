/**
 * Teams marks a group chat with `conversationType: 'groupChat'` and usually `isGroup: true` as well; the type alone
 * must be enough for the bot to answer as in front of everyone. Over HTTP against the real bot.
 */
import { ALEX, BOT, cardsIn, cardText, startBotHarness, type BotHarness } from '../support/botHarness';

/** Alex's seeded profile: "Public speaking" is Only me, "Trail running" My contacts; the other three My organization. */
const SHARED_NAMES = ['Machine learning', 'Project management', 'Data visualization'];
const PRIVATE_NAMES = ['Public speaking', 'Trail running'];

describe('a groupChat conversation without isGroup', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  it('is shared: the posted list holds no private interest', async () => {
    const exchange = await harness.send({ type: 'message', text: `<at>${BOT.name}</at> list`, conversation: { id: '19:x@thread.v2', conversationType: 'groupChat' } });
    expect(exchange.status).toBe(200);
    const cards = cardsIn(exchange);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    for (const name of SHARED_NAMES) expect(text).toContain(name);
    // Nowhere in what was sent: not in the card's text, its data or its refresh.
    const everything = JSON.stringify(exchange.activities);
    expect(PRIVATE_NAMES.filter((name) => everything.includes(name))).toEqual([]);
    const privateIds = harness.service.store
      .listInterests(ALEX.aadObjectId)
      .filter((interest) => PRIVATE_NAMES.includes(interest.displayName ?? ''))
      .map((interest) => interest.id ?? '');
    expect(privateIds).toHaveLength(PRIVATE_NAMES.length);
    expect(privateIds.filter((id) => everything.includes(id))).toEqual([]);
  });
});
