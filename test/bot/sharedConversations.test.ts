/**
 * Group chats and channels over real HTTP: what the bot posts where everyone reads it, and that every reply is
 * one the client can show (typing only where it shows, replies in the thread they answer).
 */
import { randomUUID } from 'node:crypto';
import { mintDevToken } from '../../src/auth/devToken';
import { ALEX, BOT, cardsIn, cardText, executeActionsOf, startBotHarness, textsIn, type BotHarness, type Exchange } from '../support/botHarness';
import { SOURCE_TEXT } from '../../src/i18n/text';

const SHARED_VIEW_NOTE = SOURCE_TEXT.t('shared.viewNote');

const GROUP = { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const CHANNEL_THREAD = { id: '19:general-channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true } as const;
const PERSONAL = { id: 'a:personal-alex', conversationType: 'personal' } as const;
type Conversation = typeof GROUP | typeof CHANNEL_THREAD | typeof PERSONAL;

/** Alex's seeded profile: "Public speaking" is Only me, "Trail running" My contacts; the other three My organization. */
const SHARED_NAMES = ['Machine learning', 'Project management', 'Data visualization'];
const PRIVATE_NAMES = ['Public speaking', 'Trail running'];

describe('group chats and channels', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  const say = (text: string, conversation: Conversation): Promise<Exchange> =>
    harness.send({ type: 'message', text: conversation === PERSONAL ? text : `<at>${BOT.name}</at> ${text}`, conversation });

  const act = async (verb: string, data: Record<string, unknown>, conversation: Conversation) => {
    const exchange = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation,
      value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' },
    });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse');
    const body = (response?.value as { body?: { value?: unknown } } | undefined)?.body;
    return cardText(body?.value);
  };

  const onlyCard = (exchange: Exchange): string => {
    const cards = cardsIn(exchange);
    expect(cards).toHaveLength(1);
    return cardText(cards[0]);
  };

  const idOf = (name: string): string => {
    const found = harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.displayName === name);
    if (!found?.id) throw new Error(`no seeded interest ${name}`);
    return found.id;
  };

  it('in personal chat the list shows the owner every interest', async () => {
    const text = onlyCard(await say('list', PERSONAL));
    for (const name of [...SHARED_NAMES, ...PRIVATE_NAMES]) expect(text).toContain(name);
    expect(text).not.toContain('not shown here');
  });

  it.each([
    ['a group chat', GROUP],
    ['a channel', CHANNEL_THREAD],
  ])('in %s the posted list holds no private interest and never says how many it left out', async (_kind, conversation) => {
    const exchange = await say('list', conversation);
    const text = onlyCard(exchange);
    for (const name of SHARED_NAMES) expect(text).toContain(name);
    for (const name of PRIVATE_NAMES) expect(text).not.toContain(name);
    expect(text).not.toContain(idOf('Public speaking'));
    expect(text).toContain(SHARED_VIEW_NOTE);
    expect(text).not.toMatch(/\b2\b/);
    // The reply goes into the conversation (for a channel: the thread) the message came from.
    const posted = exchange.activities.filter((activity) => activity.type === 'message');
    expect(posted.map((activity) => activity.conversation?.id)).toEqual([conversation.id]);
    expect(posted.map((activity) => activity.replyToId)).toEqual([expect.any(String)]);
  });

  it.each([
    ['no type and no group flag (the Playground\'s personal chat)', { id: 'a:personal-alex' }, true],
    ['a group flag without a type', { id: '19:other-group@thread.v2', isGroup: true }, false],
    ['a type Teams may add later', { id: '19:meeting@thread.v2', conversationType: 'meeting' }, false],
  ])('a conversation with %s is personal: %s', async (_case, conversation, personal) => {
    const exchange = await harness.send({ type: 'message', text: 'list', conversation });
    const text = onlyCard(exchange);
    expect(text.includes('Public speaking')).toBe(personal);
    expect(text.includes(SHARED_VIEW_NOTE)).toBe(!personal);
  });

  it.each([
    ['interest.open', 'Public speaking'],
    ['interest.edit', 'Public speaking'],
    ['interest.tag', 'Trail running'],
    ['interest.delete', 'Trail running'],
  ])('in a group chat %s on a private interest answers with a placeholder', async (verb, name) => {
    const text = await act(verb, { ownerId: ALEX.aadObjectId, interestId: idOf(name) }, GROUP);
    expect(text).toContain('A private interest');
    expect(text).not.toContain(name);
    // The same action in personal chat shows it.
    expect(await act(verb, { ownerId: ALEX.aadObjectId, interestId: idOf(name) }, PERSONAL)).toContain(name);
  });

  it.each([
    ['edit', 'a group chat', GROUP],
    ['delete', 'a group chat', GROUP],
    ['edit', 'a channel', CHANNEL_THREAD],
    ['delete', 'a channel', CHANNEL_THREAD],
  ])('typed "%s <private name>" in %s answers as for a name never added, so the room learns nothing', async (command, _kind, conversation) => {
    const answer = async (name: string) => onlyCard(await say(`${command} ${name}`, conversation)).replace(name, '<typed>');
    const forPrivate = await answer('Public speaking');
    expect(forPrivate).toBe(await answer('Underwater origami'));
    expect(forPrivate).toContain('I couldn’t find');
    expect(forPrivate).not.toContain('A private interest');
    // In personal chat the same command finds it.
    expect(onlyCard(await say(`${command} Public speaking`, PERSONAL))).toContain('Public speaking');
  });

  it('an interest changed to "Only me" in a group chat is not shown there afterwards', async () => {
    const interestId = idOf('Project management');
    const editCard = cardsIn(await say('edit Project management', GROUP))[0];
    const save = executeActionsOf(editCard).find((action) => action.verb === 'interest.save');
    expect(save).toBeDefined();
    const text = await act('interest.save', { ...save!.data, allowedAudiences: 'me' }, GROUP);
    expect(text).toContain('Saved.');
    expect(text).toContain('A private interest');
    expect(text).not.toContain('Project management');
    expect(harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.id === interestId)?.allowedAudiences).toBe('me');
    const list = onlyCard(await say('list', GROUP));
    expect(list).not.toContain('Project management');
    expect(list).toContain(SHARED_VIEW_NOTE);
  });

  it('an Undo drawn in personal chat restores nothing in a group chat and names nothing there', async () => {
    const deleteCard = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: PERSONAL,
      value: { action: { type: 'Action.Execute', verb: 'interest.delete', data: { ownerId: ALEX.aadObjectId, interestId: idOf('Public speaking') }, id: randomUUID() }, trigger: 'manual' },
    });
    const confirmBody = (deleteCard.activities.find((activity) => activity.type === 'invokeResponse')?.value as { body: { value: unknown } }).body.value;
    const confirm = executeActionsOf(confirmBody).find((action) => action.verb === 'interest.confirmDelete')!;
    const deleted = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: PERSONAL,
      value: { action: { type: 'Action.Execute', verb: confirm.verb, data: confirm.data, id: randomUUID() }, trigger: 'manual' },
    });
    const deletedBody = (deleted.activities.find((activity) => activity.type === 'invokeResponse')?.value as { body: { value: unknown } }).body.value;
    const undo = executeActionsOf(deletedBody).find((action) => action.verb === 'interest.undoDelete')!;
    // The token is bound to the conversation its card was drawn in: elsewhere it answers like another user's.
    const refused = await act(undo.verb, undo.data, GROUP);
    expect(refused).toContain('no longer available');
    expect(refused).not.toContain('Public speaking');
    expect(harness.service.store.listInterests(ALEX.aadObjectId).map((interest) => interest.displayName)).not.toContain('Public speaking');
    expect(await act(undo.verb, undo.data, PERSONAL)).toContain('Restored as a new item');
    expect(harness.service.store.listInterests(ALEX.aadObjectId).map((interest) => interest.displayName)).toContain('Public speaking');
  });

  it('the tag dialog in a channel offers only shared interests and says so, without counting the others', async () => {
    const exchange = await say('tag', CHANNEL_THREAD);
    // The picker is a choice prompt: a hero card or a text list.
    const everything = [...textsIn(exchange), ...exchange.activities.flatMap((activity) => (activity.attachments ?? []).map((attachment) => cardText(attachment.content)))].join('\n');
    expect(everything).toContain('Machine learning');
    for (const name of PRIVATE_NAMES) expect(everything).not.toContain(name);
    expect(everything).toContain(SHARED_VIEW_NOTE);
    expect(everything).not.toMatch(/private interests? (is|are)/);
    await say('cancel', CHANNEL_THREAD);
  });

  it('"Back to list" returns to the page the interest was opened from', async () => {
    const opened = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: PERSONAL,
      value: { action: { type: 'Action.Execute', verb: 'interest.open', data: { ownerId: ALEX.aadObjectId, interestId: idOf('Machine learning'), page: 1 }, id: randomUUID() }, trigger: 'manual' },
    });
    const card = (opened.activities.find((activity) => activity.type === 'invokeResponse')?.value as { body: { value: unknown } }).body.value;
    expect(executeActionsOf(card).find((action) => action.title === 'Back to list')?.data).toEqual({ ownerId: ALEX.aadObjectId, page: 1 });
  });

  it('the personal list marks the suggestion waiting for confirmation and counts it', async () => {
    const text = onlyCard(await say('list', PERSONAL));
    expect(text).toContain('1 suggestion is waiting for your confirmation.');
    expect(text).toContain('Suggested');
  });
});

describe('welcome per conversation kind', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  it.each([
    ['personal', PERSONAL, false],
    ['groupChat', GROUP, true],
    ['channel', { ...CHANNEL_THREAD, id: '19:general-channel@thread.tacv2' }, true],
  ])('in a %s conversation the welcome says whether to @mention the bot', async (_kind, conversation, mentions) => {
    const exchange = await harness.send({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], conversation });
    const text = cardText(cardsIn(exchange)[0]);
    expect(text).toContain('Welcome');
    if (mentions) expect(text).toContain(`**@${BOT.name} list**`);
    else expect(text).not.toContain('@mention');
  });
});

describe('user text in plain messages shows as typed', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  /** What a CommonMark renderer (Teams, the Playground) shows for escaped text: the backslash escapes removed. */
  const rendered = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  /** Markdown that would take effect: a marker not escaped by a backslash. */
  const unescapedMarkdown = /(^|[^\\])(\*\*|<b>|\[link\]|_)/;

  const NAME = 'Guitar **bold** <b>loud</b> [link](https://x.io) ${x} _it_';

  const createInterest = async (displayName: string) => {
    const response = await fetch(`${harness.service.graphBaseUrl}/me/profile/interests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${mintDevToken({ oid: ALEX.aadObjectId })}` },
      body: JSON.stringify({ displayName, allowedAudiences: 'organization' }),
    });
    expect(response.status).toBe(201);
  };

  /** The choice card's question (a Markdown TextBlock) and its option titles (plain text, never Markdown). */
  const choiceCardIn = (exchange: Exchange) => {
    const card = cardsIn(exchange).find((candidate) => JSON.stringify(candidate).includes('Input.ChoiceSet'));
    expect(card).toBeDefined();
    const body = card!['body'] as { type: string; text?: string; choices?: { title: string }[] }[];
    return { question: body[0]!.text!, titles: body.find((element) => element.type === 'Input.ChoiceSet')!.choices!.map((choice) => choice.title) };
  };

  it('the numbered picker lists long names literally', async () => {
    await createInterest(NAME);
    const exchange = await harness.say('tag');
    const picker = choiceCardIn(exchange);
    expect(picker.question.startsWith('Which interest do you want to tag?')).toBe(true);
    // Choice titles are plain text in every host: the name as typed, numbered, no backslashes.
    const line = picker.titles.find((candidate) => candidate.includes('Guitar'))!;
    expect(line).toMatch(/^\d+\. Guitar \*\*bold\*\* <b>loud<\/b> \[link\]\(https:\/\/x\.io\) \$\{x\} _it_$/);
    expect(textsIn(exchange).join('\n')).not.toContain('Guitar');
    await harness.say('cancel');
  });

  it('the tag question names the interest literally and lists its options one per line', async () => {
    const exchange = await harness.say(`tag ${NAME}`);
    const { question, titles } = choiceCardIn(exchange);
    expect(question).toContain('Which tags should it have?');
    const lead = question.split(' has no tags yet.')[0]!;
    expect(lead).not.toMatch(unescapedMarkdown);
    expect(rendered(lead)).toBe(`"${NAME}"`);
    // One option per line: a multi-select's choices.
    expect(titles).toEqual(['1. Ask me about', '2. Can mentor', '3. Wants to learn', '4. Wants to improve']);
    await harness.say('cancel');
  });

  it('"I couldn\'t find" repeats the typed name literally', async () => {
    const exchange = await harness.say('tag Piano **loud** <i>x</i>');
    const notice = textsIn(exchange).find((text) => text.startsWith('I couldn’t find'))!;
    expect(notice).not.toMatch(/(^|[^\\])(\*\*|<i>)/);
    expect(rendered(notice)).toContain('"Piano **loud** <i>x</i>"');
    await harness.say('cancel');
  });
});

describe('typing indicators', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ connector: true });
  });
  afterAll(() => harness.close());

  /** What reached the client for one `list`: through the Bot Connector, or in the HTTP response (`expectReplies`). */
  const typesSent = async (conversation: Conversation, expectReplies: boolean): Promise<(string | undefined)[]> => {
    const before = harness.connector.accepted().length;
    const text = conversation === PERSONAL ? 'list' : `<at>${BOT.name}</at> list`;
    const exchange = await harness.send({ type: 'message', text, conversation }, { expectReplies });
    const sent = expectReplies ? exchange.activities : harness.connector.accepted().slice(before);
    return sent.map((activity) => activity.type);
  };

  it('go before the answer in personal and group chats, never into a channel thread', async () => {
    expect(await typesSent(PERSONAL, false)).toEqual(['typing', 'message']);
    expect(await typesSent(GROUP, false)).toEqual(['typing', 'message']);
    expect(await typesSent(CHANNEL_THREAD, false)).toEqual(['message']);
  });

  it('are not sent to a client that takes every reply at once in the HTTP response', async () => {
    expect(await typesSent(PERSONAL, true)).toEqual(['message']);
    expect(await typesSent(GROUP, true)).toEqual(['message']);
  });
});
