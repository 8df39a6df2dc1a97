import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { GRAPH_FAILURE_KEYS } from '../../src/conversation/userMessages';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { ALEX, cardsIn, cardText, executeActionsOf, textsIn, type Exchange, startBotHarness, type BotHarness } from '../support/botHarness';

const BUSY_RETRY_TEXT = SOURCE_TEXT.t('addDialog.confirm.busy');

describe('Graph 503 that persists', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ connector: true, graph: { maxRetries: 2, maxRetryWaitSeconds: 1 } });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.service.faults.clear());

  const storedNamed = (name: string) => harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === name);

  async function answerAddQuestions(name: string): Promise<Exchange> {
    let last: Exchange | undefined;
    for (const answer of [`add ${name}`, 'Played on Tuesdays at lunch.', 'Games, Strategy', 'ask me about', 'skip', 'https://example.com/chess']) {
      last = await harness.say(answer);
      expect(last.status).toBe(200);
    }
    if (!last) throw new Error('no answers sent');
    return last;
  }

  it('tells the user to try later, keeps every answer, and a later yes creates the interest', async () => {
    const summary = cardsIn(await answerAddQuestions('Chess'))[0];
    const create = executeActionsOf(summary).find((action) => action.verb === CARD_VERBS.confirmAdd);
    expect(create).toBeDefined();
    harness.service.faults.inject({ status: 503, retryAfterSeconds: 0.05, count: 100, method: 'POST' });

    const { body } = await harness.act(CARD_VERBS.confirmAdd, { ...create?.data });
    // The card stays (a message response), and the chat asks to try again.
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(storedNamed('Chess')).toHaveLength(0);

    const stillDown = await harness.say('yes');
    expect(textsIn(stillDown)).toContain(BUSY_RETRY_TEXT);
    expect(storedNamed('Chess')).toHaveLength(0);

    harness.service.faults.clear();
    const done = await harness.say('yes');

    expect(cardText(cardsIn(done)[0])).toContain('Chess');
    const [created] = storedNamed('Chess');
    expect(created).toMatchObject({
      description: 'Played on Tuesdays at lunch.',
      categories: ['Games', 'Strategy'],
      collaborationTags: ['askMeAbout'],
      webUrl: 'https://example.com/chess',
    });
    expect(storedNamed('Chess')).toHaveLength(1);
  });

  it('a list asked for while Graph is down says to try later, and works once it is back', async () => {
    harness.service.faults.inject({ status: 503, retryAfterSeconds: 0.05, count: 100, method: 'GET' });
    expect(textsIn(await harness.say('list'))).toContain(SOURCE_TEXT.t(GRAPH_FAILURE_KEYS.unavailable));
    harness.service.faults.clear();
    expect(cardText(cardsIn(await harness.say('list'))[0])).toContain('Machine learning');
  });

  it('a card action while Graph is down keeps the card and says to try later', async () => {
    const interest = harness.service.store.listInterests(ALEX.aadObjectId)[0];
    harness.service.faults.inject({ status: 503, retryAfterSeconds: 0.05, count: 100 });
    const { body } = await harness.act(CARD_VERBS.openInterest, { ownerId: ALEX.aadObjectId, interestId: interest?.id });
    expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: SOURCE_TEXT.t(GRAPH_FAILURE_KEYS.unavailable) });
  });
});
