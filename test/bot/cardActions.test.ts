import { randomUUID } from 'node:crypto';
import { ALL_CARD_VERBS, CARD_ACTION_ROUTES, CARD_VERBS } from '../../src/app/cardActionRoutes';
import type { PersonInterest } from '../../src/domain/personInterest';
import { ALEX, MEGAN, cardsIn, cardText, executeActionsOf, startBotHarness, textsIn, type BotHarness, type User } from '../support/botHarness';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const ERROR = 'application/vnd.microsoft.error';

type Body = { statusCode: number; type: string; value: unknown };

describe('card action routes', () => {
  it('has a handler for every verb the cards carry, and nothing else', () => {
    expect([...CARD_ACTION_ROUTES.keys()].sort()).toEqual([...ALL_CARD_VERBS].sort());
    for (const verb of ALL_CARD_VERBS) {
      expect(CARD_ACTION_ROUTES.get(verb)!.verb).toBe(verb);
      expect(typeof CARD_ACTION_ROUTES.get(verb)!.handle).toBe('function');
    }
  });

  it('declares what each route is: the add dialog buttons continue the dialog, reads and changes need Graph', () => {
    const kinds = Object.fromEntries(ALL_CARD_VERBS.map((verb) => [verb, CARD_ACTION_ROUTES.get(verb)!.kind]));
    expect(kinds).toEqual({
      [CARD_VERBS.showList]: 'read',
      [CARD_VERBS.openInterest]: 'read',
      [CARD_VERBS.editInterest]: 'read',
      [CARD_VERBS.tagInterest]: 'read',
      [CARD_VERBS.deleteInterest]: 'read',
      [CARD_VERBS.cancel]: 'read',
      [CARD_VERBS.saveInterest]: 'change',
      [CARD_VERBS.saveTags]: 'change',
      [CARD_VERBS.confirmDelete]: 'change',
      [CARD_VERBS.undoDelete]: 'change',
      [CARD_VERBS.confirmInference]: 'change',
      [CARD_VERBS.confirmAdd]: 'dialog',
      [CARD_VERBS.cancelAdd]: 'dialog',
      [CARD_VERBS.chooseSplit]: 'dialog',
      [CARD_VERBS.create]: 'change',
      [CARD_VERBS.retry]: 'change',
      [CARD_VERBS.answerChoice]: 'dialog',
      [CARD_VERBS.ownerView]: 'read',
    });
    const withoutGraph = ALL_CARD_VERBS.filter((verb) => CARD_ACTION_ROUTES.get(verb)!.needs === 'none');
    expect(withoutGraph).toEqual([CARD_VERBS.cancelAdd]);
    expect(ALL_CARD_VERBS.every((verb) => ['none', 'profile'].includes(CARD_ACTION_ROUTES.get(verb)!.needs))).toBe(true);
  });
});

describe('adaptiveCard/action invokes', () => {
  let harness: BotHarness;
  const owner = { ownerId: ALEX.aadObjectId };

  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.service.faults.clear();
    harness.service.stats.reset();
  });

  const stored = (): PersonInterest[] => harness.service.store.listInterests(ALEX.aadObjectId);
  const storedNamed = (name: string): PersonInterest & { id: string } => {
    const interest = stored().find((candidate) => candidate.displayName === name);
    if (!interest?.id) throw new Error(`no stored interest named ${name}`);
    return { ...interest, id: interest.id };
  };
  const requests = (): Record<string, number> => ({ ...harness.service.stats.snapshot().byRoute });

  /** Posts the action and checks the invoke is answered with HTTP 200 and a body of the given type. */
  const act = async (verb: string, data: Record<string, unknown>, type: string, from: User = ALEX): Promise<Body> => {
    const { status, body } = await harness.act(verb, data, { from });
    expect(status).toBe(200);
    expect(body).toMatchObject({ type });
    return body as Body;
  };
  const actForCard = async (verb: string, data: Record<string, unknown>, from: User = ALEX): Promise<Record<string, unknown>> =>
    (await act(verb, data, CARD, from)).value as Record<string, unknown>;

  it('list.show answers with the list card for the page asked, with one GET', async () => {
    const body = await act(CARD_VERBS.showList, { ...owner, page: 0 }, CARD);
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain('Machine learning');
    expect(requests()).toEqual({ 'GET interests': 1 });
  });

  it('interest.open answers with the interest card, with one GET', async () => {
    const interest = storedNamed('Trail running');
    const card = await actForCard(CARD_VERBS.openInterest, { ...owner, interestId: interest.id });
    expect(cardText(card)).toContain('Trail running');
    expect(executeActionsOf(card).map((action) => action.verb)).toEqual(expect.arrayContaining([CARD_VERBS.editInterest, CARD_VERBS.deleteInterest]));
    expect(requests()).toEqual({ 'GET interest': 1 });
  });

  it('interest.edit, interest.tag and interest.delete answer with their cards, one GET each', async () => {
    const interest = storedNamed('Trail running');
    const edit = await actForCard(CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
    expect(executeActionsOf(edit).map((action) => action.verb)).toContain(CARD_VERBS.saveInterest);
    const tag = await actForCard(CARD_VERBS.tagInterest, { ...owner, interestId: interest.id });
    expect(executeActionsOf(tag).map((action) => action.verb)).toContain(CARD_VERBS.saveTags);
    const confirm = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
    expect(executeActionsOf(confirm).map((action) => action.verb)).toContain(CARD_VERBS.confirmDelete);
    expect(requests()).toEqual({ 'GET interest': 3 });
    expect(stored().some((candidate) => candidate.id === interest.id)).toBe(true);
  });

  it('interest.save writes only the changed field, with one PATCH', async () => {
    const interest = storedNamed('Trail running');
    const edit = await actForCard(CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
    const save = executeActionsOf(edit).find((action) => action.verb === CARD_VERBS.saveInterest);
    expect(save).toBeDefined();
    harness.service.stats.reset();
    const data = { ...save?.data, description: 'Ultra training, Sundays.' };
    const saved = await actForCard(CARD_VERBS.saveInterest, data);
    expect(cardText(saved)).toContain('Saved.');
    expect(storedNamed('Trail running').description).toBe('Ultra training, Sundays.');
    expect(storedNamed('Trail running').categories).toEqual(interest.categories);
    expect(requests()).toEqual({ 'PATCH interest': 1 });
  });

  it('interest.save with nothing changed makes no request', async () => {
    const interest = storedNamed('Machine learning');
    const edit = await actForCard(CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
    const save = executeActionsOf(edit).find((action) => action.verb === CARD_VERBS.saveInterest);
    harness.service.stats.reset();
    const card = await actForCard(CARD_VERBS.saveInterest, { ...save?.data });
    expect(cardText(card)).toContain('Nothing was changed.');
    expect(harness.service.stats.snapshot().total).toBe(0);
  });

  it('interest.save with an invalid value answers with the edit card and its error, making no request', async () => {
    const interest = storedNamed('Machine learning');
    const edit = await actForCard(CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
    const save = executeActionsOf(edit).find((action) => action.verb === CARD_VERBS.saveInterest);
    harness.service.stats.reset();
    const card = await actForCard(CARD_VERBS.saveInterest, { ...save?.data, displayName: '   ' });
    expect(executeActionsOf(card).map((action) => action.verb)).toContain(CARD_VERBS.saveInterest);
    expect(harness.service.stats.snapshot().total).toBe(0);
    expect(storedNamed('Machine learning').displayName).toBe('Machine learning');
  });

  it('interest.saveTags PATCHes only collaborationTags, once', async () => {
    const interest = storedNamed('Trail running');
    const card = await actForCard(CARD_VERBS.saveTags, {
      ...owner,
      interestId: interest.id,
      tagsBefore: ['wantsToImprove'],
      collaborationTags: 'wantsToImprove,askMeAbout',
    });
    expect(cardText(card)).toContain('Saved.');
    expect(storedNamed('Trail running').collaborationTags).toEqual(expect.arrayContaining(['wantsToImprove', 'askMeAbout']));
    expect(requests()).toEqual({ 'PATCH interest': 1 });
  });

  it('interest.saveTags with the same tags in another order writes nothing and says so (one GET)', async () => {
    const interest = storedNamed('Trail running');
    const card = await actForCard(CARD_VERBS.saveTags, { ...owner, interestId: interest.id, tagsBefore: ['wantsToImprove', 'askMeAbout'], collaborationTags: 'askMeAbout,wantsToImprove' });
    expect(cardText(card)).toContain('Nothing was changed.');
    expect(requests()).toEqual({ 'GET interest': 1 });
  });

  it('interest.saveTags swapping one tag for another (as many tags) PATCHes the new set', async () => {
    const interest = storedNamed('Trail running');
    const card = await actForCard(CARD_VERBS.saveTags, { ...owner, interestId: interest.id, tagsBefore: ['wantsToImprove', 'askMeAbout'], collaborationTags: 'askMeAbout,ableToMentor' });
    expect(cardText(card)).toContain('Saved.');
    expect([...(storedNamed('Trail running').collaborationTags ?? [])].sort()).toEqual(['ableToMentor', 'askMeAbout']);
    expect(requests()).toEqual({ 'PATCH interest': 1 });
  });

  it('interest.saveTags removing one of two tags PATCHes the one left', async () => {
    const interest = storedNamed('Trail running');
    const card = await actForCard(CARD_VERBS.saveTags, { ...owner, interestId: interest.id, tagsBefore: ['ableToMentor', 'askMeAbout'], collaborationTags: 'askMeAbout' });
    expect(cardText(card)).toContain('Saved.');
    expect(storedNamed('Trail running').collaborationTags).toEqual(['askMeAbout']);
    expect(requests()).toEqual({ 'PATCH interest': 1 });
  });

  it('interest.confirmInference marks a suggestion as verified with one PATCH', async () => {
    const suggestion = storedNamed('Data visualization');
    const shown = await actForCard(CARD_VERBS.openInterest, { ...owner, interestId: suggestion.id });
    const confirm = executeActionsOf(shown).find((action) => action.verb === CARD_VERBS.confirmInference);
    harness.service.stats.reset();
    const card = await actForCard(CARD_VERBS.confirmInference, { ...confirm?.data });
    expect(cardText(card)).toContain('Data visualization');
    expect(storedNamed('Data visualization').inference).toMatchObject({ userHasVerifiedAccuracy: true });
    expect(requests()).toEqual({ 'PATCH interest': 1 });
  });

  it('interest.cancel goes back to the interest (one GET), or to a notice when the card had none', async () => {
    const interest = storedNamed('Machine learning');
    expect(cardText(await actForCard(CARD_VERBS.cancel, { ...owner, interestId: interest.id }))).toContain('Nothing was changed.');
    expect(requests()).toEqual({ 'GET interest': 1 });
    harness.service.stats.reset();
    expect(cardText(await actForCard(CARD_VERBS.cancel, owner))).toContain('Nothing was changed.');
    expect(harness.service.stats.snapshot().total).toBe(0);
  });

  it('delete then undo: one DELETE, one POST; running each twice changes nothing more', async () => {
    const interest = storedNamed('Project management');
    const confirm = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
    const confirmDelete = executeActionsOf(confirm).find((action) => action.verb === CARD_VERBS.confirmDelete);
    harness.service.stats.reset();

    const deleted = await actForCard(CARD_VERBS.confirmDelete, { ...confirmDelete?.data });
    // The GET reads the interest as it is when the delete is confirmed: that is what Undo re-creates.
    expect(requests()).toEqual({ 'GET interest': 1, 'DELETE interest': 1 });
    expect(stored().some((candidate) => candidate.id === interest.id)).toBe(false);
    const deletedAgain = await actForCard(CARD_VERBS.confirmDelete, { ...confirmDelete?.data });
    expect(deletedAgain).toEqual(deleted);

    const undo = executeActionsOf(deleted).find((action) => action.verb === CARD_VERBS.undoDelete);
    expect(undo).toBeDefined();
    harness.service.stats.reset();
    const restored = await actForCard(CARD_VERBS.undoDelete, { ...undo?.data });
    expect(cardText(restored)).toContain('Project management');
    expect(requests()).toEqual({ 'POST interests': 1 });
    const restoredAgain = await actForCard(CARD_VERBS.undoDelete, { ...undo?.data });
    expect(cardText(restoredAgain)).toContain('Project management');
    expect(stored().filter((candidate) => candidate.displayName === 'Project management')).toHaveLength(1);
    expect(requests()).toEqual({ 'POST interests': 1, 'GET interest': 1 });
  });

  it('add.confirm runs the add dialog to the end and answers with the created interest', async () => {
    const replies = [];
    for (const answer of ['add Chess', 'skip', 'skip', 'skip', 'skip', 'skip']) replies.push(await harness.say(answer));
    const summary = cardsIn(replies.at(-1) ?? { status: 0, activities: [] })[0];
    const create = executeActionsOf(summary).find((action) => action.verb === CARD_VERBS.confirmAdd);
    expect(create).toBeDefined();
    harness.service.stats.reset();
    const card = await actForCard(CARD_VERBS.confirmAdd, { ...create?.data });
    expect(cardText(card)).toContain('Chess');
    expect(stored().filter((candidate) => candidate.displayName === 'Chess')).toHaveLength(1);
    expect(requests()).toEqual({ 'POST interests': 1 });

    // A second click finds no add in progress: nothing is created twice.
    const again = await actForCard(CARD_VERBS.confirmAdd, { ...create?.data });
    expect(cardText(again)).toContain('already added');
    expect(stored().filter((candidate) => candidate.displayName === 'Chess')).toHaveLength(1);
  });

  it('add.cancel with no add in progress answers that nothing was changed', async () => {
    const card = await actForCard(CARD_VERBS.cancelAdd, owner);
    expect(cardText(card)).toContain('Nothing was changed.');
    expect(harness.service.stats.snapshot().total).toBe(0);
  });

  it("refuses an action on someone else's card and changes nothing", async () => {
    const interest = storedNamed('Machine learning');
    const card = await actForCard(
      CARD_VERBS.confirmDelete,
      { ...owner, interestId: interest.id, snapshot: { displayName: 'Machine learning', description: null, categories: [], collaborationTags: [], allowedAudiences: 'organization', webUrl: null } },
      MEGAN,
    );
    expect(cardText(card)).toContain('isn’t yours');
    expect(harness.service.stats.snapshot().total).toBe(0);
    expect(stored().some((candidate) => candidate.id === interest.id)).toBe(true);
  });

  it('answers a card for an interest that no longer exists with the fresh list and a notice', async () => {
    const card = await actForCard(CARD_VERBS.openInterest, { ...owner, interestId: randomUUID() });
    expect(cardText(card)).toContain('no longer exists');
    expect(cardText(card)).toContain('Machine learning');
  });

  it('keeps the card and says Microsoft 365 is busy when Graph fails', async () => {
    const interest = storedNamed('Machine learning');
    harness.service.faults.inject({ status: 503, count: 10 });
    const body = await act(CARD_VERBS.openInterest, { ...owner, interestId: interest.id }, MESSAGE);
    expect(body).toEqual({ statusCode: 200, type: MESSAGE, value: 'Microsoft 365 is busy right now. Try again in a minute.' });
  });

  it('answers a failure other than "not found" with its own message, not with the fresh list', async () => {
    const interest = storedNamed('Machine learning');
    // Once only: the list the stale-card answer would read afterwards succeeds, so only the right reading passes.
    harness.service.faults.inject({ status: 503, count: 1 });
    const body = await act(CARD_VERBS.openInterest, { ...owner, interestId: interest.id }, MESSAGE);
    expect(body).toEqual({ statusCode: 200, type: MESSAGE, value: 'Microsoft 365 is busy right now. Try again in a minute.' });
  });

  it('logs a failed card action once, at the invoke boundary, with both Graph request ids', async () => {
    const interest = storedNamed('Machine learning');
    harness.service.faults.inject({ status: 503, count: 10 });
    const linesBefore = harness.logLines.length;
    await act(CARD_VERBS.openInterest, { ...owner, interestId: interest.id }, MESSAGE);
    const entries = harness.logLines.slice(linesBefore).map((line) => JSON.parse(line) as Record<string, unknown>);
    const warnings = entries.filter((entry) => entry.level === 'warn' || entry.level === 'error');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ verb: CARD_VERBS.openInterest, code: 'graph-unavailable', requestId: expect.any(String), clientRequestId: expect.any(String) });
  });

  it.each([
    ['an unknown verb', { action: { type: 'Action.Execute', verb: 'interest.explode', data: owner } }],
    ['missing data', { action: { type: 'Action.Execute', verb: CARD_VERBS.openInterest, data: owner } }],
    ['no action at all', {}],
    ['an Action.Submit', { action: { type: 'Action.Submit', data: owner } }],
  ])('answers %s with the 400 error shape, inside HTTP 200', async (_case, value) => {
    const exchange = await harness.send({ type: 'invoke', name: 'adaptiveCard/action', value });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse')?.value as { status: number; body: Body };
    expect(response.status).toBe(200);
    // Says what to do next.
    expect(response.body).toMatchObject({ statusCode: 400, type: ERROR, value: { code: 'BadRequest', message: expect.stringContaining('Try the latest card, or say "help".') } });
    expect(harness.service.stats.snapshot().total).toBe(0);
  });

  it('returns the invoke response as the HTTP body when replies are not buffered', async () => {
    const { status, text } = await harness.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.invalid/teams/',
      from: ALEX,
      recipient: { id: '28:interests-bot' },
      conversation: { id: 'a:personal-alex', conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb: CARD_VERBS.showList, data: { ...owner, page: 0 } } },
    });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ statusCode: 200, type: CARD });
  });

  it('sends no chat messages for a card action: the card itself is the answer', async () => {
    const { exchange } = await harness.act(CARD_VERBS.showList, { ...owner, page: 0 });
    expect(textsIn(exchange)).toEqual([]);
    expect(exchange.activities.map((activity) => activity.type)).toEqual(['invokeResponse']);
  });
});
