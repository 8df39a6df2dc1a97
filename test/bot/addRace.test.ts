import { startBotHarness, textsIn, type BotHarness, ALEX } from '../support/botHarness';

describe('two confirmations of one add at the same moment', () => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness();
  });
  afterEach(() => harness.close());

  it('creates the interest once, however the turns interleave', async () => {
    for (const answer of ['add Sailing', 'Racing dinghies', 'skip', 'none', 'skip', 'skip']) await harness.say(answer);
    const before = harness.service.store.listInterests(ALEX.aadObjectId).length;
    harness.service.stats.reset();

    const replies = await Promise.all([harness.say('yes'), harness.say('yes')]);

    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    const sailing = harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === 'Sailing');
    expect(sailing).toHaveLength(1);
    expect(harness.service.store.listInterests(ALEX.aadObjectId)).toHaveLength(before + 1);
    expect(harness.service.stats.snapshot().byRoute['POST interests'] ?? 0).toBe(1);
    // Neither turn was silently dropped: each said something.
    for (const reply of replies) expect(reply.activities.filter((activity) => activity.type === 'message').length).toBeGreaterThan(0);
    expect(textsIn(replies[0]!).concat(textsIn(replies[1]!)).join(' ')).not.toMatch(/error|exception/i);
  });
});
