/**
 * The owner's full view of a card posted in a group chat or channel (Universal Actions user-specific views), over
 * real HTTP: the posted card lists the owner in `refresh.userIds`, the owner's automatic refresh gets the full,
 * editable card, and any other member's gets nothing but the card as posted.
 */
import { randomUUID } from 'node:crypto';
import { OWNER_VIEW_ONLY_KEY } from '../../src/app/handleCardAction';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { ALEX, BOT, MEGAN, cardsIn, cardText, executeActionsOf, startBotHarness, type BotHarness, type User } from '../support/botHarness';

const GROUP = { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const CHANNEL_THREAD = { id: '19:general-channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true } as const;
type Shared = typeof GROUP | typeof CHANNEL_THREAD;

interface Refresh {
  action: { type: string; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

describe("the owner's view of a shared card", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  const idOf = (name: string): string => {
    const found = harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.displayName === name);
    if (!found?.id) throw new Error(`no seeded interest ${name}`);
    return found.id;
  };

  const invoke = async (conversation: Shared, from: User, verb: string, data: Record<string, unknown>, trigger: 'automatic' | 'manual') => {
    const exchange = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from,
      conversation,
      value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger },
    });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse');
    return { exchange, body: (response?.value as { body?: { statusCode: number; type: string; value: unknown } } | undefined)?.body };
  };

  const postedList = async (conversation: Shared) => {
    const exchange = await harness.send({ type: 'message', text: `<at>${BOT.name}</at> list`, conversation });
    const [card] = cardsIn(exchange);
    return card!;
  };

  it.each([
    ['a group chat', GROUP],
    ['a channel', CHANNEL_THREAD],
  ])('in %s the posted list asks for the owner\'s view for the owner alone; the owner gets every interest, editable', async (_kind, conversation) => {
    const card = await postedList(conversation);
    expect(cardText(card)).not.toContain('Public speaking');
    const refresh = card['refresh'] as Refresh;
    // The owner's Teams user id (`from.id`), not the AAD object id: that is what `userIds` takes. At most 60 ids.
    expect(refresh).toEqual({ action: { type: 'Action.Execute', title: 'Show my view', verb: CARD_VERBS.ownerView, data: { ownerId: ALEX.aadObjectId, card: 'list', page: 0 } }, userIds: [ALEX.id] });

    const { body, exchange } = await invoke(conversation, ALEX, refresh.action.verb, refresh.action.data, 'automatic');
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const full = cardText(body!.value);
    expect(full).toContain('Public speaking');
    expect(full).toContain('Trail running');
    expect(full).not.toContain('not shown here');
    // Editable: every interest, the private ones included, opens from the owner's view.
    const opened = executeActionsOf(body!.value).filter((action) => action.verb === CARD_VERBS.openInterest).map((action) => action.data['interestId']);
    expect(opened).toEqual(expect.arrayContaining([idOf('Public speaking'), idOf('Trail running')]));
    // The refreshed view keeps listing the owner, so it is the owner's again the next time the card shows.
    expect((body!.value as { refresh?: Refresh }).refresh?.userIds).toEqual([ALEX.id]);
    // Nothing is posted into the conversation for the refresh.
    expect(exchange.activities.filter((activity) => activity.type === 'message')).toHaveLength(0);
  });

  it.each([
    ['automatic', 'automatic'],
    ['manual', 'manual'],
  ] as const)('another member\'s %s refresh keeps the card as posted and reads nothing', async (_kind, trigger) => {
    const card = await postedList(GROUP);
    const refresh = card['refresh'] as Refresh;
    const callsBefore = harness.graphCalls.length;
    const { body, exchange } = await invoke(GROUP, MEGAN, refresh.action.verb, refresh.action.data, trigger);
    expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: SOURCE_TEXT.t(OWNER_VIEW_ONLY_KEY) });
    expect(JSON.stringify(exchange.activities)).not.toContain('Public speaking');
    expect(harness.graphCalls.length).toBe(callsBefore);
  });

  it("a private interest's placeholder refreshes into the owner's full interest card", async () => {
    const interestId = idOf('Public speaking');
    const { body: placeholder } = await invoke(GROUP, ALEX, CARD_VERBS.openInterest, { ownerId: ALEX.aadObjectId, interestId, page: 1 }, 'manual');
    expect(cardText(placeholder!.value)).not.toContain('Public speaking');
    const refresh = (placeholder!.value as { refresh: Refresh }).refresh;
    expect(refresh.userIds).toEqual([ALEX.id]);
    expect(refresh.action.data).toEqual({ ownerId: ALEX.aadObjectId, card: 'interest', interestId, page: 1 });

    const { body } = await invoke(GROUP, ALEX, refresh.action.verb, refresh.action.data, 'automatic');
    expect(cardText(body!.value)).toContain('Public speaking');
    expect(executeActionsOf(body!.value).map((action) => action.verb)).toEqual(expect.arrayContaining([CARD_VERBS.editInterest, CARD_VERBS.tagInterest, CARD_VERBS.deleteInterest]));
    // Back to list returns to the page the card came from.
    expect(executeActionsOf(body!.value).find((action) => action.verb === CARD_VERBS.showList)?.data['page']).toBe(1);
  });

  it('in personal chat the cards carry no refresh (the owner is the only reader)', async () => {
    const exchange = await harness.send({ type: 'message', text: 'list' });
    expect(cardsIn(exchange)[0]?.['refresh']).toBeUndefined();
  });

  it('a malformed refresh is refused with a clear 400, not an error', async () => {
    const { body } = await invoke(GROUP, ALEX, CARD_VERBS.ownerView, { ownerId: ALEX.aadObjectId, card: 'everything' }, 'automatic');
    expect(body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});
