/**
 * A late card answer whose state save loses a race, end to end through the bot. Of the card actions that can miss
 * their time budget (kinds `read` and `change`), only Undo writes bot state: it drops what older versions kept per
 * user about Undo (`restoredUndos` in user state). Everything else a card action keeps (undo snapshots, once
 * records) is in records of their own, outside turn state. So the race here is two Undos of one user: the slow one
 * loaded user state before its Graph write, the fast one saves user state meanwhile, and the slow one's late save
 * then meets a changed eTag.
 */
import { MemoryStorage, type Activity } from 'botbuilder';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { SAVING_NOTICE_KEYS } from '../../src/conversation/cardActionDeadline';
import { SOURCE_TEXT } from '../../src/i18n/text';
import type { GraphInterestsClient } from '../../src/graph/interestsClient';
import { ALEX, cardText, executeActionsOf, pause, startBotHarness, type BotHarness } from '../support/botHarness';

const RESTORED_NOTICE = SOURCE_TEXT.t('undo.restored');
const TAGS_SAVED_NOTICE = SOURCE_TEXT.t('tagDialog.saved');

const CARD = 'application/vnd.microsoft.card.adaptive';
const owner = { ownerId: ALEX.aadObjectId };
/** Where botbuilder's `UserState` keeps Alex's state: `<channelId>/users/<from.id>/<namespace>` (no namespace). */
const ALEX_USER_STATE_KEY = `msteams/users/${ALEX.id}/`;
/** What an older version left in user state, which Undo now drops. */
const LEGACY_USER_STATE = { restoredUndos: { 'older-undo-token': { interestId: 'older-interest-id', restoredAt: '2024-05-01T10:00:00.000Z' } } };
const MISSED_BUDGET_WARNING = 'A card action missed its time budget; its answer will follow in the conversation';

/**
 * Graph slow on one write, for as long as a test wants: the next create waits until `release` before it is sent, so
 * the other turns run while it is in flight whatever the machine's speed.
 */
function slowNextCreate() {
  let holding = false;
  let release = (): void => undefined;
  return {
    holdNext(): void {
      holding = true;
    },
    release: (): void => release(),
    wrap: (client: GraphInterestsClient): GraphInterestsClient => ({
      ...client,
      async create(getToken, draft) {
        if (holding) {
          holding = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return client.create(getToken, draft);
      },
    }),
  };
}

describe('a late Undo whose state save loses a race to another turn', () => {
  let storage: MemoryStorage;
  let harness: BotHarness;
  let slowWrite: ReturnType<typeof slowNextCreate>;
  beforeEach(async () => {
    storage = new MemoryStorage();
    slowWrite = slowNextCreate();
    harness = await startBotHarness({ storage, connector: true, cardActionBudgetMs: 300, wrapInterests: slowWrite.wrap });
    await storage.write({ [ALEX_USER_STATE_KEY]: { ...LEGACY_USER_STATE, eTag: '*' } });
  });
  afterEach(() => harness.close());

  const storedNamed = (name: string) => harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === name);
  const idOf = (name: string): string => {
    const id = storedNamed(name)[0]?.id;
    if (!id) throw new Error(`no stored interest named ${name}`);
    return id;
  };
  const userState = async (): Promise<Record<string, unknown> | undefined> => (await storage.read([ALEX_USER_STATE_KEY]))[ALEX_USER_STATE_KEY] as Record<string, unknown> | undefined;
  const cardOf = (body: unknown): unknown => {
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    return (body as { value: unknown }).value;
  };
  const dataOf = (card: unknown, verb: string): Record<string, unknown> => {
    const action = executeActionsOf(card).find((candidate) => candidate.verb === verb);
    if (!action) throw new Error(`no ${verb} on the card`);
    return action.data;
  };
  /** Deletes through the cards as a user would; returns the Undo button's data. */
  const deleteThroughCards = async (name: string): Promise<Record<string, unknown>> => {
    const confirm = cardOf((await harness.act(CARD_VERBS.deleteInterest, { ...owner, interestId: idOf(name) })).body);
    const deleted = cardOf((await harness.act(CARD_VERBS.confirmDelete, dataOf(confirm, CARD_VERBS.confirmDelete))).body);
    expect(storedNamed(name)).toHaveLength(0);
    return dataOf(deleted, CARD_VERBS.undoDelete);
  };
  const creates = (name: string) => harness.graphCalls.filter((call) => call.method === 'POST' && call.body?.includes(`"${name}"`));
  /** What the bot logged at warn or error: a lost race that was not made good would say so here. */
  const warnings = (): string[] => harness.logLines.filter((line) => /"level":"(warn|error)"/.test(line)).map((line) => (JSON.parse(line) as { msg: string }).msg);
  /** Waits for the late answer, then long enough that a second post of it would have arrived too. */
  const lateAnswers = async (): Promise<Partial<Activity>[]> => {
    await harness.connector.waitForAccepted(1, 10_000);
    await pause(500);
    return harness.connector.accepted();
  };

  it('posts the answer once, writes once, and keeps what the other turns saved meanwhile', async () => {
    const undoTrailRunning = await deleteThroughCards('Trail running');
    const undoMachineLearning = await deleteThroughCards('Machine learning');
    slowWrite.holdNext();

    // The slow Undo loads user state (with the older record) and answers "Saving…" while its Graph write waits.
    const slow = await harness.act(CARD_VERBS.undoDelete, undoTrailRunning);
    expect(cardText(cardOf(slow.body))).toContain(SOURCE_TEXT.t(SAVING_NOTICE_KEYS.title));
    // Meanwhile: another Undo saves user state first, and a message starts a dialog (private conversation state).
    const fast = await harness.act(CARD_VERBS.undoDelete, undoMachineLearning);
    expect(cardText(cardOf(fast.body))).toContain(RESTORED_NOTICE);
    const dialogStarted = await harness.say('tag Project management');
    expect(cardText(dialogStarted.activities)).toContain('Which tags should it have?');
    expect(harness.connector.accepted()).toEqual([]);

    slowWrite.release();
    const posted = await lateAnswers();
    expect(posted).toHaveLength(1);
    const answer = posted[0]!;
    expect(answer.conversation?.id).toBe('a:personal-alex');
    expect(answer.attachments).toHaveLength(1);
    expect(cardText(answer.attachments![0]!.content)).toContain('Trail running');
    expect(cardText(answer.attachments![0]!.content)).toContain(RESTORED_NOTICE);

    // One Graph write each, one copy each on the profile.
    expect(creates('Trail running')).toHaveLength(1);
    expect(creates('Machine learning')).toHaveLength(1);
    expect(storedNamed('Trail running')).toHaveLength(1);
    expect(storedNamed('Machine learning')).toHaveLength(1);
    // The save lost the race, so the answer ran again on the winner's state: it read back the copy its first run made
    // (the once record), and wrote nothing more.
    const restoredId = idOf('Trail running');
    const [written] = creates('Trail running');
    const readsBack = harness.graphCalls.filter((call) => call.method === 'GET' && call.path.endsWith(`/${restoredId}`));
    expect(readsBack).toHaveLength(1);
    expect(readsBack[0]!.sentAt).toBeGreaterThanOrEqual(written!.answeredAt);
    // Its second save went through: nothing says the state could not be saved.
    expect(warnings()).toEqual([MISSED_BUDGET_WARNING]);

    // What the other turns saved stands: the older record stays gone, and the dialog carries on where it was.
    expect(await userState()).not.toHaveProperty('restoredUndos');
    const tagged = await harness.say('1');
    expect(cardText(tagged.activities)).toContain(TAGS_SAVED_NOTICE);
    expect(storedNamed('Project management')[0]?.collaborationTags).toEqual(['askMeAbout']);

    // What the late answer kept stands too: pressing its Undo again shows the same copy and writes nothing.
    const again = await harness.act(CARD_VERBS.undoDelete, undoTrailRunning);
    expect(cardText(cardOf(again.body))).toContain('Trail running');
    expect(creates('Trail running')).toHaveLength(1);
    expect(storedNamed('Trail running')).toHaveLength(1);
  }, 20_000);

  it('with no race, the late save alone drops what older versions kept in user state', async () => {
    const undoTrailRunning = await deleteThroughCards('Trail running');
    slowWrite.holdNext();

    const slow = await harness.act(CARD_VERBS.undoDelete, undoTrailRunning);
    expect(cardText(cardOf(slow.body))).toContain(SOURCE_TEXT.t(SAVING_NOTICE_KEYS.title));
    // The invoke's turn is over and the answer not yet saved: the older record is still there.
    expect(await userState()).toHaveProperty('restoredUndos');

    slowWrite.release();
    const posted = await lateAnswers();
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!.attachments?.[0]?.content)).toContain(RESTORED_NOTICE);
    expect(await userState()).not.toHaveProperty('restoredUndos');
    expect(creates('Trail running')).toHaveLength(1);
    expect(warnings()).toEqual([MISSED_BUDGET_WARNING]);
  }, 20_000);
});
