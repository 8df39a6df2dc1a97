/**
 * Bulk add over /api/messages: the whole bot on a real HTTP server against the local profile service, the Graph
 * client's requests counted as they go over the wire, creates counted at the service.
 */
import { randomUUID } from 'node:crypto';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../src/cards/cardTemplate';
import { OUTCOME_KEYS, REFUSAL_KEYS } from '../../src/features/bulkAdd/cards/bulkResultCard';
import { NOT_YOUR_CARD_NOTICE_KEYS } from '../../src/app/handleCardAction';
import { INVISIBLE_NAME_MESSAGE } from '../../src/domain/validateInterest';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { ALEX, MEGAN, cardText, cardsIn, executeActionsOf, pause, startBotHarness, textsIn, type BotHarness } from '../support/botHarness';

type Action = { verb: string; data: Record<string, unknown>; title: string };

let harness: BotHarness;
beforeEach(async () => {
  harness = await startBotHarness({ graph: { timeoutMs: 1_000 } });
});
afterEach(() => harness.close());

const alexNames = (): string[] => harness.service.store.listInterests(ALEX.aadObjectId).map((interest) => String(interest.displayName));
/** Interests created through batches: each 201 inside a batch answer. */
const createdItems = (): number => harness.service.stats.batchItems().byStatus['201'] ?? 0;
const singleCreates = (): number => harness.service.stats.snapshot().byRoute['POST interests'] ?? 0;

function actionOf(card: unknown, verb: string, title?: RegExp): Action {
  const action = executeActionsOf(card).find((candidate) => candidate.verb === verb && (!title || title.test(candidate.title)));
  if (!action) throw new Error(`no ${verb} action on ${JSON.stringify(card).slice(0, 400)}`);
  return action;
}

/** Says `text`, expects one bulk card back, and returns it with its Create action. */
async function bulkCard(text: string): Promise<{ card: Record<string, unknown>; create: Action; names: string[] }> {
  const exchange = await harness.say(text);
  const [card, ...more] = cardsIn(exchange);
  expect(more).toHaveLength(0);
  const create = actionOf(card, 'addMany.create');
  return { card: card!, create, names: create.data.names as string[] };
}

/** What Teams sends for Create: the card's data plus every input (each toggle on or off, tags, audience). */
function submitted(create: Action, options: { untick?: string[]; tags?: string; audience?: string } = {}): Record<string, unknown> {
  const names = create.data.names as string[];
  const picks = Object.fromEntries(names.map((name, index) => [`pick${index}`, options.untick?.includes(name) ? 'false' : 'true']));
  return { ...create.data, ...picks, bulkTags: options.tags ?? '', bulkAudience: options.audience ?? 'organization' };
}

function toggleTitles(card: unknown): string[] {
  const titles: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.Toggle') titles.push(String(record.title));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return titles;
}

function resultCard(answer: { status: number; body: unknown }): Record<string, unknown> {
  expect(answer.status).toBe(200);
  const body = answer.body as { type: string; value: Record<string, unknown> };
  expect(body.type).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  return body.value;
}

describe('parsing what follows add', () => {
  it('takes one name per line, kept through the ingress, and lists them on one card', async () => {
    const { card, names } = await bulkCard('add Chess\nGo\n  Rock climbing  \n\n');
    expect(names).toEqual(['Chess', 'Go', 'Rock climbing']);
    expect(toggleTitles(card)).toEqual(['Chess', 'Go', 'Rock climbing']);
  });

  it('takes names separated by semicolons', async () => {
    const { names } = await bulkCard('add Chess; Go; Rock climbing');
    expect(names).toEqual(['Chess', 'Go', 'Rock climbing']);
  });

  it('keeps a quoted name whole', async () => {
    const { names } = await bulkCard('add "Food, wine"; Go');
    expect(names).toEqual(['Food, wine', 'Go']);
  });

  it('asks once whether a name with a comma is one interest or several, and goes on either way', async () => {
    const exchange = await harness.say('add Food, wine');
    const [question] = cardsIn(exchange);
    const one = actionOf(question, 'addMany.choose', /^1 interest$/);
    const two = actionOf(question, 'addMany.choose', /^2/);
    expect(one.data.names).toEqual(['Food, wine']);
    expect(two.data.names).toEqual(['Food', 'wine']);
    // Buttons only: Action.Execute, never a message the user would send.
    expect(JSON.stringify(question)).not.toMatch(/imBack|Action\.Submit/);

    const split = resultCard(await harness.act('addMany.choose', two.data));
    expect(toggleTitles(split)).toEqual(['Food', 'wine']);

    const whole = await harness.act('addMany.choose', one.data);
    expect(cardText(whole.body)).toContain('one interest');
    // Today's add dialog, started with that name: its next question comes in the chat.
    expect(textsIn(whole.exchange).join(' ')).toMatch(/description/i);
    expect(await harness.say('skip').then(textsIn)).toEqual(expect.arrayContaining([expect.stringMatching(/categor/i)]));
  });

  it('answers "One interest" with a name already taken by asking what to do instead, in place of the question', async () => {
    const [question] = cardsIn(await harness.say('add Food, wine'));
    const one = actionOf(question, 'addMany.choose', /^1 interest$/);
    // The name is taken by the time the user chooses (added elsewhere meanwhile).
    await harness.say('add "Food, wine"');
    for (const answer of ['skip', 'skip', 'none', 'skip', 'skip', 'yes']) await harness.say(answer);
    expect(alexNames()).toContain('Food, wine');

    const whole = await harness.act('addMany.choose', one.data);
    // The add dialog's duplicate-name question replaces the clicked card; nothing else is said in the chat.
    expect(cardText(whole.body)).toContain('You already have an interest called "Food, wine"');
    expect(executeActionsOf(whole.body).map((action) => action.verb)).toEqual(['choice.answer']);
    expect(textsIn(whole.exchange)).toEqual([]);
  });

  it('keeps a single name in the add dialog', async () => {
    const exchange = await harness.say('add Chess');
    expect(cardsIn(exchange)).toHaveLength(0);
    expect(textsIn(exchange).join(' ')).toMatch(/description/i);
  });

  it('marks names already on the profile, names listed twice and names the rules refuse, with no toggle for them', async () => {
    const long = 'L'.repeat(101);
    const { card, names } = await bulkCard(`add Trail running\nChess\nchess\n${long}\n\u200B\u200B\nGo`);
    expect(names).toEqual(['Chess', 'Go']);
    expect(toggleTitles(card)).toEqual(['Chess', 'Go']);
    const text = cardText(card);
    expect(text).toContain('"Trail running": already on your profile');
    expect(text).toContain('"chess": listed twice, added once');
    expect(text).toMatch(/"L+…": The name can be at most 100 characters/);
    expect(text).toContain(SOURCE_TEXT.say(INVISIBLE_NAME_MESSAGE));
  });

  it('refuses more than 100 names with a clear answer, reading nothing', async () => {
    const text = `add ${Array.from({ length: 101 }, (_, i) => `Interest ${i}`).join('\n')}`;
    const exchange = await harness.say(text);
    expect(textsIn(exchange)).toEqual([SOURCE_TEXT.t('bulkAdd.tooMany', { count: 101, max: 100 })]);
    expect(cardsIn(exchange)).toHaveLength(0);
    expect(harness.graphCalls).toHaveLength(0);
  });

  it('takes 50 names of ordinary length in one message and one card', async () => {
    const typed = Array.from({ length: 50 }, (_, i) => `Ordinary interest name ${i + 1}`);
    const { names } = await bulkCard(`add ${typed.join('\n')}`);
    expect(names).toEqual(typed);
  });
});

describe('the bulk card', () => {
  it('creates only the ticked names, with the tags and audience chosen for all', async () => {
    const { create } = await bulkCard('add Chess; Go; Jazz');
    const result = resultCard(await harness.act('addMany.create', submitted(create, { untick: ['Go'], tags: 'askMeAbout,wantsToLearn', audience: 'me' })));
    expect(cardText(result)).toContain('Added 2 interests to your profile.');
    const stored = harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => ['Chess', 'Go', 'Jazz'].includes(String(interest.displayName)));
    expect(stored.map((interest) => interest.displayName).sort()).toEqual(['Chess', 'Jazz']);
    for (const interest of stored) {
      expect(interest.collaborationTags).toEqual(['askMeAbout', 'wantsToLearn']);
      expect(interest.allowedAudiences).toBe('me');
    }
  });

  it('opens each added interest from the result card', async () => {
    const { create } = await bulkCard('add Chess; Go');
    const result = resultCard(await harness.act('addMany.create', submitted(create)));
    const stored = harness.service.store.listInterests(ALEX.aadObjectId);
    const opens = executeActionsOf(result).filter((action) => action.verb === 'interest.open');
    expect(opens.map((action) => action.title)).toEqual(['Open Chess', 'Open Go']);
    expect(opens.map((action) => action.data.interestId)).toEqual(['Chess', 'Go'].map((name) => stored.find((interest) => interest.displayName === name)?.id));
    const opened = resultCard(await harness.act('interest.open', opens[1]!.data));
    expect(cardText(opened)).toContain('Go');
    expect(executeActionsOf(opened).map((action) => action.verb)).toContain('interest.edit');
  });

  it('creates nothing when everything is unticked, and keeps the card', async () => {
    const { create, names } = await bulkCard('add Chess; Go');
    const answer = await harness.act('addMany.create', submitted(create, { untick: names }));
    expect(answer.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: SOURCE_TEXT.t('bulkAdd.nothingPicked') });
    expect(createdItems()).toBe(0);
  });

  it('refuses a click from anyone but the card owner, creating nothing', async () => {
    const { create } = await bulkCard('add Chess; Go');
    const answer = await harness.act('addMany.create', submitted(create), { from: MEGAN });
    expect(cardText(answer.body)).toContain(SOURCE_TEXT.t(NOT_YOUR_CARD_NOTICE_KEYS.title));
    const retry = await harness.act('addMany.retry', { ownerId: ALEX.aadObjectId, batchId: 'b1', names: ['Chess'], collaborationTags: [], allowedAudiences: 'me' }, { from: MEGAN });
    expect(cardText(retry.body)).toContain(SOURCE_TEXT.t(NOT_YOUR_CARD_NOTICE_KEYS.title));
    expect(createdItems()).toBe(0);
    expect(alexNames()).not.toContain('Chess');
  });
});

describe('Graph requests', () => {
  const namesOf = (count: number) => Array.from({ length: count }, (_, i) => `Bulk interest ${i + 1}`);

  it.each([
    [20, 1],
    [21, 2],
  ])('reads the list once to draw the card, and once more and ⌈N/20⌉ batches to create %i names (%i batches)', async (count, batches) => {
    const { create } = await bulkCard(`add ${namesOf(count).join('\n')}`);
    await harness.act('addMany.create', submitted(create));
    expect(harness.graphCalls.map((call) => `${call.method} ${call.path.replace(/^\/beta/, '')}`)).toEqual([
      'GET /me/profile/interests',
      // Create reads the list as it is at the click: a name added since the card was drawn is not created again.
      'GET /me/profile/interests',
      ...Array.from({ length: batches }, () => 'POST /$batch'),
    ]);
    expect(createdItems()).toBe(count);
    expect(singleCreates()).toBe(0);
  });
});

describe('names added since the card was drawn', () => {
  it('creates a name sent on two cards once, and the second Create marks it as already there', async () => {
    const first = await bulkCard('add Chess; Go');
    const second = await bulkCard('add Chess; Go');
    expect(cardText(resultCard(await harness.act('addMany.create', submitted(first.create))))).toContain('Added 2 interests to your profile.');
    const again = cardText(resultCard(await harness.act('addMany.create', submitted(second.create))));
    expect(again.match(/": already on your profile/g)).toHaveLength(2);
    expect(createdItems()).toBe(2);
    for (const name of ['Chess', 'Go']) expect(alexNames().filter((stored) => stored === name)).toHaveLength(1);
  });
});

describe('Retry checks what it writes with the rules Create uses', () => {
  const retryOf = (fields: { collaborationTags: unknown; allowedAudiences: unknown }) => harness.act('addMany.retry', { ownerId: ALEX.aadObjectId, batchId: randomUUID(), names: ['Chess'], ...fields });

  it.each([['unknownFutureValue'], ['organization, me'], ['nobody']])('refuses the audience %j, creating nothing', async (allowedAudiences) => {
    const answer = await retryOf({ collaborationTags: [], allowedAudiences });
    expect(answer.body).toMatchObject({ statusCode: 400 });
    expect(createdItems()).toBe(0);
    expect(alexNames()).not.toContain('Chess');
  });

  it('writes repeated tags once, in the order the bot offers them, as Create does', async () => {
    expect((await retryOf({ collaborationTags: ['wantsToLearn', 'askMeAbout', 'wantsToLearn', 'askMeAbout'], allowedAudiences: 'me' })).body).toMatchObject({ statusCode: 200 });
    const { create } = await bulkCard('add Go; Tea');
    await harness.act('addMany.create', submitted(create, { untick: ['Tea'], tags: 'wantsToLearn,askMeAbout,wantsToLearn,askMeAbout', audience: 'me' }));
    const stored = harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => ['Chess', 'Go'].includes(String(interest.displayName)));
    expect(stored.map((interest) => [interest.displayName, interest.collaborationTags, interest.allowedAudiences]).sort()).toEqual([
      ['Chess', ['askMeAbout', 'wantsToLearn'], 'me'],
      ['Go', ['askMeAbout', 'wantsToLearn'], 'me'],
    ]);
  });
});

describe('failures, retry and exactly once', () => {
  it('shows each outcome, and Retry adds only what failed: nothing is created twice', async () => {
    const { create } = await bulkCard('add Chess; Go; Jazz; Tea');
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 30, count: 1, method: 'POST', path: '/beta/me/profile/interests' });
    harness.service.faults.inject({ status: 500, count: 1, method: 'POST', path: '/beta/me/profile/interests' });
    const result = resultCard(await harness.act('addMany.create', submitted(create)));
    const text = cardText(result);
    expect(text).toContain('Added 2 of 4 interests.');
    expect(text.match(new RegExp(SOURCE_TEXT.t(OUTCOME_KEYS.busy), 'g'))).toHaveLength(1);
    expect(text.match(new RegExp(SOURCE_TEXT.t(REFUSAL_KEYS.unavailable), 'g'))).toHaveLength(1);
    // The two added open their interest: each shows its name on its button and "added" below it.
    expect(JSON.stringify(result).match(/"text":"added"/g)).toHaveLength(2);
    // Graph's own message text never shows.
    expect(text).not.toMatch(/generalException|TooManyRequests|Too many requests/i);
    expect(createdItems()).toBe(2);

    const retry = actionOf(result, 'addMany.retry');
    expect((retry.data.names as string[]).length).toBe(2);
    const retried = resultCard(await harness.act('addMany.retry', retry.data));
    expect(cardText(retried)).toContain('Added 2 interests to your profile.');
    expect(executeActionsOf(retried).map((action) => action.verb)).not.toContain('addMany.retry');
    expect(createdItems()).toBe(4);
    for (const name of ['Chess', 'Go', 'Jazz', 'Tea']) expect(alexNames().filter((stored) => stored === name)).toHaveLength(1);
  });

  it('answers a second click (or a resent invoke) with the same card, creating nothing more', async () => {
    const { create } = await bulkCard('add Chess; Go');
    const first = resultCard(await harness.act('addMany.create', submitted(create)));
    const again = resultCard(await harness.act('addMany.create', submitted(create)));
    expect(again).toEqual(first);
    expect(createdItems()).toBe(2);
  });

  it('creates once when two clicks arrive at the same moment', async () => {
    const { create } = await bulkCard('add Chess; Go; Jazz');
    harness.service.faults.addLatency({ ms: 300, count: 1, method: 'POST', path: '/beta/$batch' });
    const answers = await Promise.all([harness.act('addMany.create', submitted(create)), harness.act('addMany.create', submitted(create))]);
    expect(resultCard(answers[0])).toEqual(resultCard(answers[1]));
    expect(createdItems()).toBe(3);
  });

  it('answers the same across two bot instances sharing storage', async () => {
    const { MemoryStorage } = await import('botbuilder');
    const storage = new MemoryStorage();
    await harness.close();
    harness = await startBotHarness({ storage });
    const other = await startBotHarness({ storage, service: harness.service });
    try {
      const { create } = await bulkCard('add Chess; Go');
      const first = resultCard(await harness.act('addMany.create', submitted(create)));
      const second = resultCard(await other.act('addMany.create', submitted(create)));
      expect(second).toEqual(first);
      expect(createdItems()).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('reconciles a batch whose answer never came by reading the list before retrying', async () => {
    const { create } = await bulkCard('add Chess; Go; Jazz');
    // Each item is applied after 1.5 s; the Graph client gives up on the batch after 1 s.
    harness.service.faults.addLatency({ ms: 1_500, count: 3, method: 'POST', path: '/beta/me/profile/interests' });
    const result = resultCard(await harness.act('addMany.create', submitted(create)));
    expect(cardText(result)).toContain(SOURCE_TEXT.t('bulkAdd.result.unknownNotice'));
    expect(cardText(result).match(new RegExp(SOURCE_TEXT.t(OUTCOME_KEYS.unknown), 'g'))).toHaveLength(3);
    const retry = actionOf(result, 'addMany.retry', /Check and retry/);
    await pause(1_000);
    expect(createdItems()).toBe(3);

    harness.graphCalls.length = 0;
    const retried = resultCard(await harness.act('addMany.retry', retry.data));
    expect(cardText(retried)).toContain('Added 3 interests to your profile.');
    expect(cardText(retried).match(new RegExp(SOURCE_TEXT.t(OUTCOME_KEYS.found).replace(/[()]/g, '\\$&'), 'g'))).toHaveLength(3);
    expect(harness.graphCalls.map((call) => call.method)).toEqual(['GET']);
    expect(createdItems()).toBe(3);
    for (const name of ['Chess', 'Go', 'Jazz']) expect(alexNames().filter((stored) => stored === name)).toHaveLength(1);
  });
});
