import { normalizeCommandText } from '../../src/conversation/commandText';
import { COMMAND_ROUTES, matchCommand } from '../../src/app/commands';
import { en } from '../../src/i18n/catalogs/en';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { typedWordsFrom } from '../../src/i18n/typedWords';
import { ALEX, BOT, cardsIn, cardText, executeActionsOf, startBotHarness, textsIn, type BotHarness, type Exchange } from '../support/botHarness';

const HELP_HEADING = 'What I can do';

describe('command text', () => {
  it.each([
    ['  LIST  ', 'list'],
    ['<at>Interests</at> list', 'list'],
    ['<at id="0">Interests</at>\n my   interests', 'my interests'],
    ['edit <at>Interests</at> Trail   Running', 'edit trail running'],
    ['', ''],
  ])('normalizes %j to %j', (raw, key) => {
    expect(normalizeCommandText(raw).key).toBe(key);
  });

  it('keeps the letter case of the text for arguments', () => {
    expect(normalizeCommandText('<at>Bot</at> edit  Trail Running').text).toBe('edit Trail Running');
  });

  it.each([
    ['help', 'help', ''],
    ['list', 'list', ''],
    ['my interests', 'list', ''],
    ['add', 'add', ''],
    ['add Chess', 'add', 'Chess'],
    ['tag Trail running', 'tag', 'Trail running'],
    ['edit Machine learning', 'edit', 'Machine learning'],
    ['delete Chess', 'delete', 'Chess'],
    ['cancel', 'cancel', ''],
    ['sign out', 'sign out', ''],
    ['logout', 'sign out', ''],
  ])('routes %j to the %s command with argument %j', (typed, phrase, argument) => {
    const match = matchCommand(normalizeCommandText(typed), SOURCE_TEXT);
    expect(match?.route.words && typedWordsFrom([en], match.route.words)[0]).toBe(phrase);
    expect(match?.argument).toBe(argument);
  });

  it.each(['list everything', 'hello', 'addition', 'cancel my plans', ''])('matches nothing for %j', (typed) => {
    expect(matchCommand(normalizeCommandText(typed), SOURCE_TEXT)).toBeUndefined();
  });

  it('has no phrase in two routes', () => {
    const phrases = COMMAND_ROUTES.flatMap((route) => (route.words ? typedWordsFrom([en], route.words) : []));
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});

describe('chat commands', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.service.stats.reset();
    harness.service.faults.clear();
  });

  const onlyCard = (exchange: Exchange): Record<string, unknown> => {
    const cards = cardsIn(exchange);
    expect(cards).toHaveLength(1);
    return cards[0] as Record<string, unknown>;
  };

  it('help shows the help card', async () => {
    const exchange = await harness.say('help');
    expect(cardText(onlyCard(exchange))).toContain(HELP_HEADING);
    expect(harness.service.stats.snapshot().total).toBe(0);
  });

  it.each(['list', 'my interests', 'LIST'])('%j shows the list card, with one Graph request', async (typed) => {
    const exchange = await harness.say(typed);
    const text = cardText(onlyCard(exchange));
    expect(text).toContain('Machine learning');
    expect(text).toContain('Trail running');
    expect(harness.service.stats.snapshot().byRoute).toEqual({ 'GET interests': 1 });
  });

  it('strips the bot mention in a group chat', async () => {
    const exchange = await harness.say('<at>Interests</at> list', {
      conversationType: 'groupChat',
      conversationId: '19:group-chat',
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>Interests</at>' }],
    });
    expect(cardText(onlyCard(exchange))).toContain('Machine learning');
  });

  it('answers unknown text with the help card, never silence', async () => {
    const exchange = await harness.say('what is the weather');
    expect(textsIn(exchange)).toEqual([expect.stringContaining('didn’t understand')]);
    expect(cardText(onlyCard(exchange))).toContain(HELP_HEADING);
  });

  it('treats an Action.Submit message (a value, no text) as unknown instead of crashing', async () => {
    const exchange = await harness.send({ type: 'message', value: { action: 'legacySubmit' } });
    expect(exchange.status).toBe(200);
    expect(cardText(onlyCard(exchange))).toContain(HELP_HEADING);
  });

  it('edit <name> shows the edit card for that interest, found ignoring case', async () => {
    const exchange = await harness.say('edit trail RUNNING');
    const card = onlyCard(exchange);
    expect(executeActionsOf(card).map((action) => action.verb)).toContain('interest.save');
    expect(cardText(card)).toContain('Trail running');
    expect(harness.service.stats.snapshot().byRoute).toEqual({ 'GET interests': 1 });
  });

  it('edit <unknown name> says so and shows the list', async () => {
    const exchange = await harness.say('edit Underwater basket weaving');
    const text = cardText(onlyCard(exchange));
    expect(text).toContain("couldn’t find");
    expect(text).toContain('Machine learning');
  });

  it('delete <name> shows the delete confirmation and deletes nothing yet', async () => {
    const exchange = await harness.say('delete Machine learning');
    const card = onlyCard(exchange);
    expect(executeActionsOf(card).map((action) => action.verb)).toContain('interest.confirmDelete');
    expect(harness.service.store.listInterests(ALEX.aadObjectId).map((interest) => interest.displayName)).toContain('Machine learning');
    expect(harness.service.stats.snapshot().byRoute).toEqual({ 'GET interests': 1 });
  });

  it('cancel with no dialog says there is nothing to cancel', async () => {
    expect(textsIn(await harness.say('cancel'))).toEqual(['Nothing to cancel.']);
  });

  it('cancel in the middle of adding ends the dialog and changes nothing', async () => {
    const before = harness.service.store.listInterests(ALEX.aadObjectId).length;
    const started = await harness.say('add');
    expect(textsIn(started).join(' ')).toMatch(/name/i);
    expect(textsIn(await harness.say('cancel'))).toEqual(['Cancelled. Nothing was changed.']);
    expect(textsIn(await harness.say('cancel'))).toEqual(['Nothing to cancel.']);
    expect(harness.service.store.listInterests(ALEX.aadObjectId)).toHaveLength(before);
  });

  it('help in the middle of a dialog answers and asks the question again', async () => {
    await harness.say('add');
    const exchange = await harness.say('help');
    expect(cardText(onlyCard(exchange))).toContain(HELP_HEADING);
    expect(textsIn(exchange).join(' ')).toMatch(/name/i);
    await harness.say('cancel');
  });

  it('sign out replies (local mode has nothing to sign out of)', async () => {
    expect(textsIn(await harness.say('sign out'))).toEqual(['Local mode has no sign-in, so there is nothing to sign out of.']);
    expect(textsIn(await harness.say('logout'))).toEqual(['Local mode has no sign-in, so there is nothing to sign out of.']);
  });

  it('tells the user Microsoft 365 is busy when Graph fails, and logs the request-id', async () => {
    harness.service.faults.inject({ status: 503, count: 10 });
    const exchange = await harness.say('list');
    expect(textsIn(exchange)).toEqual(['Microsoft 365 is busy right now. Try again in a minute.']);
    expect(cardsIn(exchange)).toHaveLength(0);
    const failure = harness.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'Turn failed');
    expect(failure).toMatchObject({ code: 'graph-unavailable', status: 503 });
    expect(typeof failure?.requestId).toBe('string');
    expect(harness.logLines.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  });

  it('logs a Graph failure once, at the boundary that answered the user, with both request ids', async () => {
    harness.service.faults.inject({ status: 503, count: 10 });
    const linesBefore = harness.logLines.length;
    await harness.say('list');
    const entries = harness.logLines.slice(linesBefore).map((line) => JSON.parse(line) as Record<string, unknown>);
    const warnings = entries.filter((entry) => entry.level === 'warn' || entry.level === 'error');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: 'Turn failed', code: 'graph-unavailable', requestId: expect.any(String), clientRequestId: expect.any(String) });
    // The transport keeps its detail at debug only.
    expect(entries.filter((entry) => entry.msg === 'Graph request failed').map((entry) => entry.level)).toEqual(['debug']);
  });
});
