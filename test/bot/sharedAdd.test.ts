/**
 * Adding in a group chat or channel over real HTTP: whatever is already on the asker's profile, no answer posted
 * there says that a private interest exists. A private match creates no duplicate, and reads in the room exactly
 * like a match of an interest everyone may see.
 */
import { randomUUID } from 'node:crypto';
import type { PersonInterest } from '../../src/domain/personInterest';
import { ALEX, BOT, cardsIn, cardText, executeActionsOf, startBotHarness, textsIn, type BotHarness, type Exchange } from '../support/botHarness';

const GROUP = { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const CHANNEL_THREAD = { id: '19:general-channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true } as const;
type Shared = typeof GROUP | typeof CHANNEL_THREAD;

/** Every free-text field of the private fixtures carries a marker no other text contains. */
const MARKER = 'qx7-private-marker';
const PRIVATE_NAME = `Orchid grafting ${MARKER}-name`;
const PRIVATE_LATE_NAME = `Bonsai wiring ${MARKER}-late`;
/** Seeded by the profile service: "My organization", so everyone may see it. */
const PUBLIC_NAME = 'Machine learning';

type Stored = PersonInterest & { id: string };

function privateInterest(displayName: string, allowedAudiences: string): Stored {
  return {
    id: randomUUID(),
    displayName,
    description: `Grafts on Sundays ${MARKER}-description`,
    categories: [`Botany ${MARKER}-category`],
    collaborationTags: ['askMeAbout'],
    allowedAudiences,
    webUrl: `https://example.com/${MARKER}-link`,
    createdDateTime: '2025-01-02T03:04:05.0000000Z',
    lastModifiedDateTime: '2025-01-02T03:04:05.0000000Z',
  } as Stored;
}

/** Everything the bot sent in a turn, as it went over the wire (texts, cards, card data). */
const wire = (exchange: Exchange): string => JSON.stringify(exchange.activities).toLowerCase();

/** What a reply says, without what differs from one posting to the next (ids, timestamps, batch ids). */
function replyShape(exchange: Exchange): unknown {
  return exchange.activities.filter((activity) => activity.type !== 'typing').map((activity) => ({ text: activity.text, cards: JSON.parse(JSON.stringify(cardsIn({ status: 200, activities: [activity] })).replace(/"batchId":"[^"]+"/g, '"batchId":""')) as unknown }));
}

describe.each([
  ['a group chat', GROUP],
  ['a channel', CHANNEL_THREAD],
])('adding in %s', (_kind, conversation: Shared) => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness();
    await harness.service.store.putInterest(ALEX.aadObjectId, privateInterest(PRIVATE_NAME, 'me'));
  });
  afterEach(() => harness.close());

  const say = (text: string): Promise<Exchange> => harness.send({ type: 'message', text: `<at>${BOT.name}</at> ${text}`, conversation });
  const act = async (verb: string, data: Record<string, unknown>): Promise<{ body: unknown; exchange: Exchange }> => {
    const exchange = await harness.send({ type: 'invoke', name: 'adaptiveCard/action', conversation, value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' } });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse');
    return { body: (response?.value as { body?: { value?: unknown } } | undefined)?.body?.value, exchange };
  };
  const copiesOf = (name: string): number => harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName?.toLowerCase() === name.toLowerCase()).length;
  const createOf = (card: unknown) => executeActionsOf(card).find((action) => action.verb === 'addMany.create')!;
  const submitted = (data: Record<string, unknown>): Record<string, unknown> => ({
    ...data,
    ...Object.fromEntries((data.names as string[]).map((_, index) => [`pick${index}`, 'true'])),
    bulkTags: '',
    bulkAudience: 'organization',
  });

  it('answers `add` of a private name as it answers a name everyone may see, naming neither, and creates nothing', async () => {
    // Typed in another letter case: the stored spelling must not come back either.
    const privateAnswer = await say(`add ${PRIVATE_NAME.toUpperCase()}`);
    const publicAnswer = await say(`add ${PUBLIC_NAME.toLowerCase()}`);
    expect(wire(privateAnswer)).not.toContain(MARKER);
    expect(wire(privateAnswer)).not.toContain('already');
    expect(replyShape(privateAnswer)).toEqual(replyShape(publicAnswer));
    expect(cardText(cardsIn(privateAnswer))).toMatch(/personal chat/);
    expect(copiesOf(PRIVATE_NAME)).toBe(1);
    // The dialog ended: the next message is not taken as a description.
    expect(textsIn(await say('skip')).join(' ')).not.toMatch(/categor/i);
    expect(copiesOf(PRIVATE_NAME)).toBe(1);
  });

  it.each([
    ['Only me', 'me'],
    ['My contacts', 'contacts'],
    ['no audience', ''],
    ['a combined private audience', 'contacts,groupMembers'],
  ])('leaves a private name (%s) off the bulk card exactly as a shared one, naming neither', async (_audience, audience) => {
    await harness.service.store.putInterest(ALEX.aadObjectId, privateInterest(PRIVATE_LATE_NAME, audience));
    const privateCard = await say(`add ${PRIVATE_LATE_NAME}; Chess`);
    const publicCard = await say(`add ${PUBLIC_NAME}; Chess`);
    expect(wire(privateCard)).not.toContain(MARKER);
    expect(wire(privateCard)).not.toContain('already on your profile');
    expect(replyShape(privateCard)).toEqual(replyShape(publicCard));
    expect(createOf(cardsIn(privateCard)[0]).data.names).toEqual(['Chess']);
  });

  it('answers "one interest or several?" with a bulk card that names no private interest', async () => {
    const split = await act('addMany.choose', { ownerId: ALEX.aadObjectId, names: [PRIVATE_NAME, 'Chess'] });
    expect(wire(split.exchange)).not.toContain(MARKER);
    expect(createOf(split.body).data.names).toEqual(['Chess']);
  });

  it('creates no duplicate of a private interest added after the card was drawn, and names it nowhere', async () => {
    const drawn = await say(`add Chess; ${PRIVATE_LATE_NAME}`);
    const create = createOf(cardsIn(drawn)[0]);
    await harness.service.store.putInterest(ALEX.aadObjectId, privateInterest(PRIVATE_LATE_NAME, 'me'));
    const result = await act('addMany.create', submitted(create.data));
    expect(wire(result.exchange)).not.toContain(MARKER);
    expect(wire(result.exchange)).not.toContain('on your profile');
    expect(copiesOf(PRIVATE_LATE_NAME)).toBe(1);
    expect(copiesOf('Chess')).toBe(1);
    expect(cardText(result.body)).toMatch(/personal chat/);
  });

  it('retries a private name without creating it again or naming it', async () => {
    const result = await act('addMany.retry', { ownerId: ALEX.aadObjectId, batchId: randomUUID(), names: [PRIVATE_NAME, 'Chess'], collaborationTags: [], allowedAudiences: 'organization' });
    expect(wire(result.exchange)).not.toContain(MARKER);
    expect(wire(result.exchange)).not.toContain('found on your profile');
    expect(copiesOf(PRIVATE_NAME)).toBe(1);
    expect(copiesOf('Chess')).toBe(1);
  });
});
