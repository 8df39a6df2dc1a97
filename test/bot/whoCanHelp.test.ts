/**
 * "Who can help with X?" over real HTTP: the bot from `createBot` on /api/messages, the conversation's members
 * listed by the local Bot Connector stand-in (`pagedmembers`, with continuation tokens), their interests read from
 * the local profile service through the real Graph client, which counts every request it answers.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { mintDevToken } from '../../src/auth/devToken';
import { NOT_GRANTED_KEY } from '../../src/features/helpers/whoCanHelp';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { MAX_PEOPLE_PER_ROLE } from '../../src/features/helpers/helpersCard';
import { createGraphInterestsClient } from '../../src/graph/interestsClient';
import type { InterestDraft } from '../../src/domain/personInterest';
import { silentLogger } from '../../src/logger';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { SEED_COLLEAGUES } from '../../profileService/seedColleagues';
import { ALEX, BOT, cardsIn, cardText, startBotHarness, textsIn, type BotHarness, type Exchange, type User } from '../support/botHarness';
import type { ConnectorMember } from '../support/localConnector';

const NOT_GRANTED_TEXT = SOURCE_TEXT.t(NOT_GRANTED_KEY);
const SHARED_RULE_NOTE = SOURCE_TEXT.t('helpers.note.sharedRule');

const GROUP = { id: '19:kubernetes-fans@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const BIG_GROUP = { id: '19:everyone@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const PERSONAL = { id: 'a:personal-alex', conversationType: 'personal' } as const;

const draft = (displayName: string, allowedAudiences: InterestDraft['allowedAudiences'], collaborationTags: InterestDraft['collaborationTags'], categories: string[] = []): InterestDraft => ({
  displayName,
  description: null,
  categories,
  collaborationTags,
  allowedAudiences,
  webUrl: null,
});

interface Member {
  readonly oid: string;
  readonly name: string;
  readonly upn: string;
}

/**
 * Member i: i%5 = 0 mentors Kubernetes (organization), 1 answers questions on "Kubernetes operators" (everyone),
 * 2 wants to learn it through a category (federated organizations), 3 has only an untagged Kubernetes interest,
 * 4 only gardening. Every member also has private Kubernetes items tagged "Can mentor" (Only me, contacts, group
 * members), which would make them all mentors if any leaked.
 */
function draftsOf(index: number): InterestDraft[] {
  const privateItems = [
    draft(`Private Kubernetes ${index}`, 'me', ['ableToMentor']),
    draft(`Contacts Kubernetes ${index}`, 'contacts', ['ableToMentor']),
    draft(`Group Kubernetes ${index}`, 'groupMembers', ['ableToMentor']),
  ];
  switch (index % 5) {
    case 0:
      return [draft('Kubernetes', 'organization', ['ableToMentor']), ...privateItems];
    case 1:
      return [draft('Kubernetes operators', 'everyone', ['askMeAbout']), ...privateItems];
    case 2:
      return [draft('Cloud platforms', 'federatedOrganizations', ['wantsToImprove'], ['Kubernetes']), ...privateItems];
    case 3:
      return [draft('Kubernetes', 'organization', []), ...privateItems];
    default:
      return [draft('Gardening', 'organization', ['askMeAbout']), ...privateItems];
  }
}

async function seedMembers(service: RunningProfileService, count: number, prefix: string): Promise<Member[]> {
  const client = createGraphInterestsClient({ graphBaseUrl: service.graphBaseUrl, timeoutMs: 5000, maxRetries: 0, maxRetryWaitSeconds: 1, logger: silentLogger });
  const members: Member[] = [];
  for (let index = 0; index < count; index++) {
    const member = { oid: randomUUID(), name: `${prefix} ${index}`, upn: `${prefix.toLowerCase()}${index}@contoso.example` };
    const token = mintDevToken({ oid: member.oid, name: member.name, upn: member.upn });
    const outcomes = await client.createInterests(async () => token, draftsOf(index));
    expect(outcomes.every((outcome) => outcome.kind === 'created')).toBe(true);
    members.push(member);
  }
  return members;
}

const asConnectorMembers = (members: readonly Member[]): ConnectorMember[] =>
  members.map((member) => ({ id: `29:${member.oid}`, name: member.name, aadObjectId: member.oid, userPrincipalName: member.upn }));

const chatUrl = (upn: string): string => `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`;

/** The card's people under a heading, as "name — interest". */
function section(card: Record<string, unknown>, heading: string): string[] {
  const body = card.body as Record<string, unknown>[];
  const start = body.findIndex((item) => item.type === 'TextBlock' && item.text === heading);
  if (start < 0) return [];
  const rows: string[] = [];
  for (const item of body.slice(start + 1)) {
    if (item.type !== 'Container') break;
    const texts = (item.items as { type: string; text: string }[]).filter((part) => part.type === 'TextBlock' && !part.text.startsWith('[Chat with '));
    rows.push(`${texts[0]?.text} — ${texts.at(-1)?.text}`);
  }
  return rows;
}

describe('who can help with X', () => {
  let dataDir: string;
  let service: RunningProfileService;
  let harness: BotHarness;
  let members: Member[];

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'who-can-help-'));
    service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId], colleagues: true } });
    harness = await startBotHarness({ service, connector: true });
    members = await seedMembers(service, 45, 'Member');
    // The asker mentors Kubernetes too, but nobody needs the bot to point them at themselves.
    const alexToken = mintDevToken({ oid: ALEX.aadObjectId, name: ALEX.name });
    const client = createGraphInterestsClient({ graphBaseUrl: service.graphBaseUrl, timeoutMs: 5000, maxRetries: 0, maxRetryWaitSeconds: 1, logger: silentLogger });
    await client.createInterests(async () => alexToken, [draft('Kubernetes', 'organization', ['ableToMentor'])]);
    harness.connector.setMembers(GROUP.id, [
      { id: BOT.id, name: BOT.name },
      { id: ALEX.id, name: ALEX.name, aadObjectId: ALEX.aadObjectId, userPrincipalName: 'alexw@contoso.example' },
      ...asConnectorMembers(members),
    ]);
  }, 60_000);
  afterAll(async () => {
    await harness.close();
    await service.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const ask = (text: string, conversation: typeof GROUP | typeof BIG_GROUP | typeof PERSONAL, from: User = ALEX): Promise<Exchange> =>
    harness.send({ type: 'message', text: conversation === PERSONAL ? text : `<at>${BOT.name}</at> ${text}`, conversation, from });

  it('answers a group chat with one card from its 45 other members, in 3 Graph requests, following the shared rule', async () => {
    service.stats.reset();
    const requestsBefore = harness.connector.memberRequests.length;
    const exchange = await ask('who can help with Kubernetes?', GROUP);

    expect(service.stats.snapshot()).toEqual({ total: 3, byRoute: { 'POST batch': 3 }, byStatus: { '200': 3 } });
    expect(service.stats.batchItems().byRoute).toEqual({ 'GET interests': 45 });
    expect(harness.connector.memberRequests.length).toBeGreaterThan(requestsBefore);
    const cards = cardsIn(exchange);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    const text = cardText(card);
    expect(text).toContain('I looked at the 45 other members of this conversation.');
    expect(text).toContain(SHARED_RULE_NOTE);

    const expected = (remainder: number, interest: string): string[] =>
      members.filter((_, index) => index % 5 === remainder).map((member) => `${member.name} — ${interest}`).slice(0, MAX_PEOPLE_PER_ROLE);
    expect(section(card, 'Can mentor')).toEqual(expected(0, 'Kubernetes'));
    expect(section(card, 'Ask them about it')).toEqual(expected(1, 'Kubernetes operators'));
    expect(section(card, 'Also want to learn or improve it (a study partner)')).toEqual(expected(2, 'Cloud platforms'));
    // Nobody's Only me, contacts or group-members item appears, whatever its tags.
    expect(text).not.toMatch(/Private Kubernetes|Contacts Kubernetes|Group Kubernetes/);
    // Untagged interests give no role; the asker and the bot are left out.
    for (const member of members.filter((_, index) => index % 5 >= 3)) expect(text).not.toContain(`${member.name} `);
    expect(text).not.toContain(ALEX.name);
    expect(JSON.stringify(harness.graphCalls.slice(-3).map((call) => call.body))).not.toContain(ALEX.aadObjectId);
    // Each person has a link that opens a 1:1 chat with them.
    expect(text).toContain(chatUrl(members[0]!.upn));
    expect(JSON.stringify(card)).toContain(`[Chat with ${members[0]!.name}](${chatUrl(members[0]!.upn)})`);
  });

  it("answers the same asker's next question from the cache: no Graph request, no member listing", async () => {
    await ask('who can help with Kubernetes', GROUP);
    service.stats.reset();
    const requestsBefore = harness.connector.memberRequests.length;
    const exchange = await ask('who knows cloud platforms', GROUP);
    expect(service.stats.snapshot().total).toBe(0);
    expect(harness.connector.memberRequests.length).toBe(requestsBefore);
    expect(section(cardsIn(exchange)[0]!, 'Also want to learn or improve it (a study partner)')).toHaveLength(MAX_PEOPLE_PER_ROLE);
    expect(cardText(cardsIn(exchange)[0])).toContain('and 4 more people');
  });

  it('reads again for another asker in the same chat', async () => {
    const asker = members[4]!;
    service.stats.reset();
    await ask('mentor for Kubernetes', GROUP, { id: `29:${asker.oid}`, aadObjectId: asker.oid, name: asker.name });
    expect(service.stats.snapshot().total).toBe(3);
  });

  it('says first that nobody mentions it, then suggests a word of the topic that does find someone', async () => {
    const exchange = await ask('who can help with Kubernetes networking', GROUP);
    expect(cardsIn(exchange)).toHaveLength(0);
    expect(textsIn(exchange).join(' ')).toMatch(/^No one in this conversation mentions "Kubernetes networking" yet\. Try asking about "Kubernetes" instead/);
  });

  it('suggests no word that would find nobody either', async () => {
    const exchange = await ask('who can help with underwater networking', GROUP);
    const [answer] = textsIn(exchange);
    expect(answer).toMatch(/^No one in this conversation mentions "underwater networking" yet\. People show up here once they add it/);
    expect(answer).not.toMatch(/Try/);
  });

  it('quotes the topic as typed: Markdown in it shows literally', async () => {
    const exchange = await ask('who can help with **Rust** _today_', GROUP);
    expect(textsIn(exchange).join(' ')).toContain('No one in this conversation mentions "\\*\\*Rust\\*\\* \\_today\\_" yet.');
  });

  it('looks at the first 200 members only, and says so', async () => {
    const many = await seedMembers(service, 5, 'Crowd');
    const filler: ConnectorMember[] = Array.from({ length: 225 }, (_, index) => ({ id: `29:filler-${index}`, name: `Filler ${index}`, aadObjectId: randomUUID() }));
    harness.connector.setMembers(BIG_GROUP.id, [{ id: BOT.id, name: BOT.name }, ...asConnectorMembers(many), ...filler]);
    service.stats.reset();
    const exchange = await ask('who can help with Kubernetes', BIG_GROUP);
    expect(service.stats.snapshot().total).toBe(10);
    expect(service.stats.batchItems().byRoute).toEqual({ 'GET interests': 200 });
    const text = cardText(cardsIn(exchange)[0]);
    expect(text).toContain('I looked at the 200 other members of this conversation.');
    expect(text).toContain('This conversation has more than 200 other members; I looked at the first 200.');
    expect(harness.connector.memberRequests.filter((request) => request.conversationId === BIG_GROUP.id).some((request) => request.continuationToken !== undefined)).toBe(true);
  });

  it('in personal chat looks at the 25 people the asker works with most, and says so', async () => {
    service.stats.reset();
    const exchange = await ask('who can help with Kubernetes', PERSONAL);
    expect(service.stats.snapshot()).toEqual({ total: 3, byRoute: { 'GET people': 1, 'POST batch': 2 }, byStatus: { '200': 3 } });
    expect(service.stats.batchItems().byRoute).toEqual({ 'GET interests': 25 });
    const card = cardsIn(exchange)[0]!;
    const text = cardText(card);
    expect(text).toContain('I looked at the 25 people you work with most.');
    expect(text).not.toContain(SHARED_RULE_NOTE);
    // Seeded colleagues rank first: Megan mentors Kubernetes, Adele wants to learn it.
    const megan = SEED_COLLEAGUES[0]!;
    expect(section(card, 'Can mentor')).toContain(`${megan.displayName} — Kubernetes`);
    // People the asker works with come with their job title, under their name.
    const meganRow = (card.body as { type: string; items?: { type: string; text?: string }[] }[]).find((item) => item.type === 'Container' && item.items?.[0]?.text === megan.displayName);
    expect(meganRow?.items?.filter((item) => item.type === 'TextBlock' && !item.text?.startsWith('[Chat with ')).map((item) => item.text)).toEqual([megan.displayName, megan.jobTitle, 'Kubernetes']);
    expect(section(card, 'Also want to learn or improve it (a study partner)')).toContain('Adele Vance — Kubernetes');
    expect(text).toContain(chatUrl(megan.upn));
    expect(text).not.toMatch(/Private Kubernetes|Contacts Kubernetes|Group Kubernetes/);
  });

  it('asks for a topic when none is given', async () => {
    const exchange = await ask('who knows', GROUP);
    expect(textsIn(exchange).join(' ')).toMatch(/Who can help with what\?/);
  });
});

describe('who can help with X without the permissions', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    // Scopes configured wrong: the tokens carry neither User.Read.All nor People.Read, so Graph answers 403.
    harness = await startBotHarness({ connector: true, env: { HELPERS_COLLEAGUE_SCOPES: 'User.Read', HELPERS_PEOPLE_SCOPES: 'User.Read' } });
    harness.connector.setMembers(GROUP.id, [{ id: BOT.id, name: BOT.name }, { id: '29:someone', name: 'Someone', aadObjectId: 'aad-someone-0003' }]);
  });
  afterAll(() => harness.close());

  it('says in one sentence that the permission is missing when Graph refuses the colleagues (403)', async () => {
    // The member must exist for Graph to answer about them rather than 404.
    const token = mintDevToken({ oid: 'aad-someone-0003', name: 'Someone' });
    const client = createGraphInterestsClient({ graphBaseUrl: harness.service.graphBaseUrl, timeoutMs: 5000, maxRetries: 0, maxRetryWaitSeconds: 1, logger: silentLogger });
    await client.createInterests(async () => token, [draft('Kubernetes', 'organization', ['ableToMentor'])]);
    const exchange = await harness.send({ type: 'message', text: `<at>${BOT.name}</at> who can help with Kubernetes`, conversation: GROUP });
    expect(textsIn(exchange)).toEqual([NOT_GRANTED_TEXT]);
    expect(cardsIn(exchange)).toHaveLength(0);
    expect(harness.graphCalls.at(-1)?.status).toBe(200);
  });

  it('says the same when Graph refuses /me/people (403), and everything else still works', async () => {
    const exchange = await harness.send({ type: 'message', text: 'who can help with Kubernetes', conversation: PERSONAL });
    expect(textsIn(exchange)).toEqual([NOT_GRANTED_TEXT]);
    expect(harness.graphCalls.at(-1)).toMatchObject({ path: '/beta/me/people', status: 403 });
    const list = await harness.send({ type: 'message', text: 'list', conversation: PERSONAL });
    expect(cardsIn(list)).toHaveLength(1);
  });
});

describe('who can help with X when Graph returns private items (the bot filters too)', () => {
  let harness: BotHarness;
  const CHANNEL = { id: '19:helpers-channel@thread.tacv2', conversationType: 'channel', isGroup: true } as const;
  const PUBLIC = { oid: randomUUID(), name: 'Pat Public', upn: 'pat@contoso.example' };
  const PRIVATE = { oid: randomUUID(), name: 'Rene Private', upn: 'rene@contoso.example' };
  // Every audience a group chat or channel may not see, each on an item that would make its owner a mentor.
  const PRIVATE_AUDIENCES = ['contacts', 'groupMembers', 'contacts,groupMembers', 'me', 'family', null, ''] as const;
  const markerOf = (index: number): string => `PRIVMARK${index}`;

  beforeAll(async () => {
    harness = await startBotHarness({ connector: true });
    const now = new Date().toISOString();
    const stored = (displayName: string, allowedAudiences: string | null) => ({
      id: randomUUID(),
      displayName,
      allowedAudiences: allowedAudiences as never,
      categories: [],
      collaborationTags: ['ableToMentor'],
      createdDateTime: now,
      lastModifiedDateTime: now,
    });
    await harness.service.store.putInterest(PUBLIC.oid, stored('Kubernetes', 'organization'));
    for (const [index, audience] of PRIVATE_AUDIENCES.entries()) {
      await harness.service.store.putInterest(PRIVATE.oid, stored(`Kubernetes ${markerOf(index)}`, audience));
      await harness.service.store.putInterest(PUBLIC.oid, stored(`Kubernetes ${markerOf(index)}`, audience));
    }
    for (const conversation of [GROUP, CHANNEL]) {
      harness.connector.setMembers(conversation.id, [{ id: BOT.id, name: BOT.name }, ...asConnectorMembers([PUBLIC, PRIVATE])]);
    }
  });
  beforeEach(() => harness.service.faults.ignoreAudiences());
  afterAll(() => harness.close());

  it("the stand-in really returns a colleague's private items while its audience rule is off", async () => {
    const client = createGraphInterestsClient({ graphBaseUrl: harness.service.graphBaseUrl, timeoutMs: 5000, maxRetries: 0, maxRetryWaitSeconds: 1, logger: silentLogger });
    const reader = mintDevToken({ oid: ALEX.aadObjectId, scp: 'User.Read User.Read.All' });
    const [outcome] = await client.listInterestsOfUsers(async () => reader, [PRIVATE.oid]);
    expect(outcome?.kind === 'read' ? outcome.interests.map((interest) => interest.displayName) : outcome?.kind).toEqual(PRIVATE_AUDIENCES.map((_, index) => `Kubernetes ${markerOf(index)}`));
  });

  it.each([
    ['a group chat', GROUP],
    ['a channel', CHANNEL],
  ])('in %s names only what everyone may see, whatever Graph returned', async (_kind, conversation) => {
    const exchange = await harness.send({ type: 'message', text: `<at>${BOT.name}</at> who can help with Kubernetes`, conversation, from: ALEX });
    const card = cardsIn(exchange)[0]!;
    expect(section(card, 'Can mentor')).toEqual([`${PUBLIC.name} — Kubernetes`]);
    const sent = JSON.stringify(exchange.activities);
    expect(sent).not.toMatch(/PRIVMARK/);
    expect(sent).not.toContain(PRIVATE.name);
  });
});

describe('who can help with X: replies that quote a very long topic stay small and helpful', () => {
  let dataDir: string;
  let service: RunningProfileService;
  let harness: BotHarness;
  const CHANNEL = { id: '19:long-topics@thread.tacv2', conversationType: 'channel', isGroup: true } as const;
  /** Teams refuses an activity over about 28 KB, counted as the serialized activity in UTF-16. */
  const TEAMS_LIMIT_BYTES = 28 * 1024;
  const utf16Bytes = (activity: unknown): number => 2 * JSON.stringify(activity).length;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'who-can-help-long-'));
    service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId], colleagues: true } });
    harness = await startBotHarness({ service, connector: true });
    harness.connector.setMembers(CHANNEL.id, [
      { id: BOT.id, name: BOT.name },
      ...SEED_COLLEAGUES.map((colleague) => ({ id: `29:${colleague.oid}`, name: colleague.displayName, aadObjectId: colleague.oid, userPrincipalName: colleague.upn })),
    ]);
  });
  afterAll(async () => {
    await harness.close();
    await service.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['a channel', CHANNEL, `<at>${BOT.name}</at> `],
    ['personal chat', PERSONAL, ''],
  ])('in %s, a 16,000-character CJK topic gets a short no-match answer that quotes its start', async (_kind, conversation, mention) => {
    const asked = 'who knows a ';
    const text = `${mention}${asked}${'中'.repeat(16_000 - mention.length - asked.length)}`;
    expect(text).toHaveLength(16_000);

    const exchange = await harness.send({ type: 'message', text, conversation, from: ALEX });

    const replies = exchange.activities.filter((activity) => activity.type === 'message');
    expect(replies).toHaveLength(1);
    for (const activity of exchange.activities) expect(utf16Bytes(activity)).toBeLessThan(TEAMS_LIMIT_BYTES);
    const [answer] = textsIn(exchange);
    // Still the helpful answer: nobody mentions it, the topic recognisable by its start, and what to do next.
    expect(answer).toMatch(/^No one (in this conversation|among the people you work with most) mentions "a 中+…" yet\. People show up here/);
    expect(answer!.length).toBeLessThan(1000);
  });
});
