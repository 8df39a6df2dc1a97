import { SOURCE_TEXT } from '../../src/i18n/text';
import { ALEX, BOT, cardsIn, cardText, startBotHarness, textsIn, type BotHarness } from '../support/botHarness';

const WELCOME_CONVERSATION = { id: 'a:welcome-test', conversationType: 'personal' };

describe('welcome on install', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  const conversationUpdate = (conversation: { id: string; conversationType: string }, membersAdded: { id: string; name: string }[] = [BOT]) =>
    harness.send({ type: 'conversationUpdate', conversation, membersAdded });
  const installationUpdate = (conversation: { id: string; conversationType: string }, action: string) =>
    harness.send({ type: 'installationUpdate', conversation, action });

  it('welcomes once when Teams sends both conversationUpdate and installationUpdate for the install', async () => {
    const first = await conversationUpdate(WELCOME_CONVERSATION);
    expect(cardsIn(first)).toHaveLength(1);
    expect(cardText(cardsIn(first)[0])).toContain(ALEX.name);
    const second = await installationUpdate(WELCOME_CONVERSATION, 'add');
    expect(cardsIn(second)).toHaveLength(0);
  });

  it('welcomes on installationUpdate add when it comes first, and again after an uninstall', async () => {
    const conversation = { id: 'a:reinstall-test', conversationType: 'personal' };
    expect(cardsIn(await installationUpdate(conversation, 'add'))).toHaveLength(1);
    expect(cardsIn(await installationUpdate(conversation, 'add-upgrade'))).toHaveLength(0);
    await installationUpdate(conversation, 'remove');
    expect(cardsIn(await installationUpdate(conversation, 'add'))).toHaveLength(1);
  });

  it('greets a personal chat opened again long after its welcome with a one-line hint, and stays quiet within the install', async () => {
    const conversation = { id: 'a:reopened-test', conversationType: 'personal' };
    expect(cardsIn(await installationUpdate(conversation, 'add'))).toHaveLength(1);
    expect((await conversationUpdate(conversation)).activities).toHaveLength(0);
    const later = Date.now() + 5 * 60_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      // The Agents Playground sends the install activities again on every page load, to an empty chat.
      const reopened = await installationUpdate(conversation, 'add');
      expect(cardsIn(reopened)).toHaveLength(0);
      expect(textsIn(reopened)).toEqual([SOURCE_TEXT.t('welcome.again')]);
      expect((await conversationUpdate(conversation)).activities).toHaveLength(0);
    } finally {
      clock.mockRestore();
    }
  });

  it('says nothing when someone other than the bot joins', async () => {
    const exchange = await conversationUpdate({ id: '19:group-join', conversationType: 'groupChat' }, [{ id: '29:someone-else', name: 'Someone' }]);
    expect(exchange.activities).toHaveLength(0);
  });

  it('welcomes a group chat without naming the installer', async () => {
    const exchange = await conversationUpdate({ id: '19:group-welcome', conversationType: 'groupChat' });
    expect(cardsIn(exchange)).toHaveLength(1);
    expect(cardText(cardsIn(exchange)[0])).not.toContain(ALEX.name);
  });
});

describe('turn error boundary', () => {
  const SECRET_DETAIL = 'internal detail that must stay in the log';
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({
      wrapInterests: (client) => ({
        ...client,
        list: () => Promise.reject(new TypeError(SECRET_DETAIL)),
        get: () => Promise.reject(new TypeError(SECRET_DETAIL)),
      }),
    });
  });
  afterAll(() => harness.close());

  it('answers a failing message turn with a short apology, never the error text, and keeps serving', async () => {
    const exchange = await harness.say('list');
    expect(textsIn(exchange)).toEqual(['Sorry, something went wrong on my side. Please try again.']);
    expect(JSON.stringify(exchange.activities)).not.toContain(SECRET_DETAIL);
    expect(harness.logLines.some((line) => line.includes(SECRET_DETAIL) && line.includes('"level":"error"'))).toBe(true);
    expect(textsIn(await harness.say('cancel'))).toEqual(['Nothing to cancel.']);
  });

  it('answers a failing card action with the 500 error shape and a friendly message', async () => {
    const { status, body } = await harness.act('interest.open', { ownerId: ALEX.aadObjectId, interestId: 'any' });
    expect(status).toBe(200);
    expect(body).toEqual({
      statusCode: 500,
      type: 'application/vnd.microsoft.error',
      value: { code: 'InternalError', message: 'Sorry, something went wrong on my side. Please try again.' },
    });
  });
});
