/**
 * Card actions that change an interest, over HTTP against the bot, in a group chat and in a channel: what a reply
 * there may show is decided by the interest's audience when the button is pressed, not when the card was drawn;
 * Undo re-creates the audience exactly (or more privately, saying so), and a token drawn in another conversation
 * does nothing. Every free-text field of a private fixture carries a unique marker, and no marker may appear in
 * any string of anything the bot sent back.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { mintDevToken } from '../../src/auth/devToken';
import { undoSnapshotKey } from '../../src/features/interests/undoSnapshots';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import type { PersonInterest } from '../../src/domain/personInterest';
import { RECORD_KINDS } from '../../src/storage/onceKinds';
import { ALEX, cardText, executeActionsOf, startBotHarness, type BotHarness } from '../support/botHarness';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const GROUP = { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
const CHANNEL = { id: '19:general-channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true } as const;
const PERSONAL = { id: 'a:personal-alex', conversationType: 'personal' } as const;
type Conversation = typeof GROUP | typeof CHANNEL | typeof PERSONAL;

type Stored = PersonInterest & { id: string };
type Body = { statusCode: number; type: string; value: unknown };
interface Answer {
  readonly body: Body;
  /** Everything the bot sent back in the turn (invoke response and any message), as JSON text. */
  readonly sent: string;
}

/** Said on a restored card whose audience could not be written back as it was. */
const AUDIENCE_REPLACED = /only you can see it now/i;

/** A unique marker for one fixture: every free-text field contains it, so a leak of any field is found by it. */
const newMarker = (): string => `mk${randomUUID().replace(/-/g, '')}`;

/** An interest synced in from another system, with a marker in every free-text field (source included). */
function markedInterest(marker: string, allowedAudiences: unknown): Stored {
  return {
    id: randomUUID(),
    displayName: `${marker} name`,
    description: `${marker} description`,
    categories: [`${marker} category`],
    collaborationTags: ['askMeAbout'],
    allowedAudiences: allowedAudiences as Stored['allowedAudiences'],
    webUrl: `https://example.com/${marker}/link`,
    source: { type: [`${marker}-source`] },
    createdBy: { application: { displayName: `${marker}-app`, id: null }, device: null, user: null },
    createdDateTime: '2025-01-02T03:04:05.0000000Z',
    lastModifiedDateTime: '2025-01-02T03:04:05.0000000Z',
  };
}

describe('card actions re-check privacy when pressed', () => {
  let harness: BotHarness;
  const storage = new MemoryStorage();
  const owner = { ownerId: ALEX.aadObjectId };

  beforeAll(async () => {
    harness = await startBotHarness({ storage });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.service.stats.reset());

  const stored = (): Stored[] => harness.service.store.listInterests(ALEX.aadObjectId) as Stored[];
  const storedNamed = (name: string): Stored[] => stored().filter((interest) => interest.displayName === name);
  const requests = (): Record<string, number> => ({ ...harness.service.stats.snapshot().byRoute });

  async function act(conversation: Conversation, verb: string, data: Record<string, unknown>): Promise<Answer> {
    const exchange = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation,
      value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' },
    });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse');
    const value = response?.value as { status: number; body: Body } | undefined;
    expect(value?.status).toBe(200);
    return { body: value!.body, sent: JSON.stringify(exchange.activities) };
  }

  const actionOn = (answer: Answer, verb: string): Record<string, unknown> => {
    const action = executeActionsOf(answer.body.value).find((candidate) => candidate.verb === verb);
    if (!action) throw new Error(`no ${verb} on the card: ${cardText(answer.body.value)}`);
    return action.data;
  };

  /** Changes the interest the way another client would (the bot is not involved). */
  async function changeAudience(interestId: string, allowedAudiences: unknown): Promise<void> {
    const response = await fetch(`${harness.service.graphBaseUrl}/me/profile/interests/${interestId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${mintDevToken({ oid: ALEX.aadObjectId })}` },
      body: JSON.stringify({ allowedAudiences }),
    });
    expect(response.status).toBe(200);
  }

  async function seed(marker: string, allowedAudiences: unknown): Promise<Stored> {
    const interest = markedInterest(marker, allowedAudiences);
    await harness.service.store.putInterest(ALEX.aadObjectId, interest);
    return interest;
  }

  describe('Undo keeps the audience exactly (personal chat)', () => {
    it.each([
      ['null', null, 'me', true],
      ['blank', '', 'me', true],
      ['a combination of private audiences', 'contacts,groupMembers', 'contacts,groupMembers', false],
      ['a combination with the organization', 'contacts,organization', 'contacts,organization', false],
      ['a numeric flags value', '10', 'contacts,organization', false],
      ['Only me', 'me', 'me', false],
      ['family', 'family', 'family', false],
      ['unknownFutureValue', 'unknownFutureValue', 'me', true],
      ['a value Graph does not define', 'planet', 'me', true],
      ['a combination with an unknown part', 'contacts,planet', 'me', true],
    ])('an interest whose audience is %s (%p) comes back as %p', async (_case, audience, expected, replaced) => {
      const marker = newMarker();
      const interest = await seed(marker, audience);
      const confirm = await act(PERSONAL, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
      const deleted = await act(PERSONAL, CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete));
      expect(storedNamed(interest.displayName!)).toHaveLength(0);
      const restored = await act(PERSONAL, CARD_VERBS.undoDelete, actionOn(deleted, CARD_VERBS.undoDelete));
      const copies = storedNamed(interest.displayName!);
      expect(copies).toHaveLength(1);
      expect(copies[0]!.allowedAudiences).toBe(expected);
      expect(cardText(restored.body.value)).toContain('Restored as a new item');
      expect(AUDIENCE_REPLACED.test(cardText(restored.body.value))).toBe(replaced);
    });
  });

  describe.each([
    ['a group chat', GROUP],
    ['a channel', CHANNEL],
  ])('in %s', (_kind, conversation) => {
    it.each([
      ['Only me', 'me', 'me'],
      ['no audience (null)', null, 'me'],
      ['a combination of private audiences', 'contacts,groupMembers', 'contacts,groupMembers'],
      ['unknownFutureValue', 'unknownFutureValue', 'me'],
    ])(
      'a delete card drawn while the interest was shared, confirmed after it became %s (%p), names nothing, and Undo restores it as %p without showing it',
      async (_case, laterAudience, expected) => {
        const marker = newMarker();
        const interest = await seed(marker, 'organization');
        const confirm = await act(conversation, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
        await changeAudience(interest.id, laterAudience);

        const deleted = await act(conversation, CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete));
        expect(deleted.sent).not.toContain(marker);
        expect(cardText(deleted.body.value)).toContain('was deleted');
        expect(storedNamed(interest.displayName!)).toHaveLength(0);

        const restored = await act(conversation, CARD_VERBS.undoDelete, actionOn(deleted, CARD_VERBS.undoDelete));
        expect(restored.sent).not.toContain(marker);
        expect(cardText(restored.body.value)).toContain('A private interest');
        const copies = storedNamed(interest.displayName!);
        expect(copies).toHaveLength(1);
        expect(copies[0]!.allowedAudiences).toBe(expected);
      },
    );

    it('Undo of a shared interest keeps a combined audience and does not name where it was synced from', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'contacts,organization');
      const confirm = await act(conversation, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
      const deleted = await act(conversation, CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete));
      expect(cardText(deleted.body.value)).toContain(`${marker} name was deleted.`);
      const restored = await act(conversation, CARD_VERBS.undoDelete, actionOn(deleted, CARD_VERBS.undoDelete));
      expect(cardText(restored.body.value)).toContain('Restored as a new item');
      expect(restored.sent).not.toContain(`${marker}-app`);
      expect(restored.sent).not.toContain(`${marker}-source`);
      expect(storedNamed(interest.displayName!).map((copy) => copy.allowedAudiences)).toEqual(['contacts,organization']);
    });

    it('a delete card drawn in personal chat deletes nothing here and names nothing', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'me');
      const confirm = await act(PERSONAL, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
      harness.service.stats.reset();
      const answer = await act(conversation, CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete));
      expect(answer.sent).not.toContain(marker);
      expect(cardText(answer.body.value)).toContain('Nothing was deleted');
      expect(requests()['DELETE interest'] ?? 0).toBe(0);
      expect(storedNamed(interest.displayName!)).toHaveLength(1);
      // The same card still works where it was drawn.
      const deleted = await act(PERSONAL, CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete));
      expect(cardText(deleted.body.value)).toContain(`${marker} name was deleted.`);
    });

    it('an Undo drawn in personal chat writes nothing here and names nothing', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'me');
      const confirm = await act(PERSONAL, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
      const deleted = await act(PERSONAL, CARD_VERBS.confirmDelete, actionOn(confirm, CARD_VERBS.confirmDelete));
      harness.service.stats.reset();
      const answer = await act(conversation, CARD_VERBS.undoDelete, actionOn(deleted, CARD_VERBS.undoDelete));
      expect(answer.sent).not.toContain(marker);
      expect(cardText(answer.body.value)).toContain('no longer available');
      expect(requests()['POST interests'] ?? 0).toBe(0);
      expect(storedNamed(interest.displayName!)).toHaveLength(0);
    });

    it('tokens issued before they were bound to a conversation do nothing here, and still work in personal chat', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'me');
      const now = new Date();
      const olderRecord = (record: Record<string, unknown>) => ({ ...record, claimedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60 * 60 * 1000).toISOString(), eTag: '*' });
      const deleteToken = randomBytes(32).toString('base64url');
      await storage.write({ [undoSnapshotKey(deleteToken)]: olderRecord({ ownerId: ALEX.aadObjectId, interest }) });

      harness.service.stats.reset();
      const refused = await act(conversation, CARD_VERBS.confirmDelete, { ...owner, interestId: interest.id, undoToken: deleteToken });
      expect(refused.sent).not.toContain(marker);
      expect(requests()['DELETE interest'] ?? 0).toBe(0);
      expect(storedNamed(interest.displayName!)).toHaveLength(1);

      // An Undo whose delete ran before the change.
      const undoToken = randomBytes(32).toString('base64url');
      await storage.write({
        [undoSnapshotKey(undoToken)]: olderRecord({ ownerId: ALEX.aadObjectId, interest: { ...interest, id: randomUUID() } }),
        [`${RECORD_KINDS.interestDeleted.prefix}${undoToken}`]: olderRecord({ done: true, result: 'deleted' }),
      });
      const undone = await act(conversation, CARD_VERBS.undoDelete, { ...owner, undoToken });
      expect(undone.sent).not.toContain(marker);
      expect(cardText(undone.body.value)).toContain('no longer available');
      expect(requests()['POST interests'] ?? 0).toBe(0);

      const deletedInPersonal = await act(PERSONAL, CARD_VERBS.confirmDelete, { ...owner, interestId: interest.id, undoToken: deleteToken });
      expect(cardText(deletedInPersonal.body.value)).toContain(`${marker} name was deleted.`);
      expect(storedNamed(interest.displayName!)).toHaveLength(0);
    });

    it('"already gone" does not name an interest that became private', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'organization');
      const first = await act(conversation, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
      const second = await act(conversation, CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
      await changeAudience(interest.id, 'me');
      const deleted = await act(conversation, CARD_VERBS.confirmDelete, actionOn(first, CARD_VERBS.confirmDelete));
      expect(deleted.sent).not.toContain(marker);
      const gone = await act(conversation, CARD_VERBS.confirmDelete, actionOn(second, CARD_VERBS.confirmDelete));
      expect(cardText(gone.body.value)).toContain('already gone');
      expect(gone.sent).not.toContain(marker);
    });

    it('a failed save that makes the interest "Only me" keeps what was typed and echoes none of it', async () => {
      const interest = await seed(newMarker(), 'organization');
      const edit = await act(conversation, CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
      const typed = newMarker();
      const elevenCategories = Array.from({ length: 11 }, (_, index) => `${typed} c${index}`).join(', ');
      const answer = await act(conversation, CARD_VERBS.saveInterest, {
        ...actionOn(edit, CARD_VERBS.saveInterest),
        displayName: `${typed} name`,
        description: `${typed} description`,
        categories: elevenCategories,
        webUrl: `https://example.com/${typed}`,
        allowedAudiences: 'me',
      });
      expect(answer.body.type).toBe(MESSAGE);
      expect(answer.body.value).toContain('at most 10 categories');
      expect(answer.sent).not.toContain(typed);
      expect(stored().find((item) => item.id === interest.id)).toMatchObject({ displayName: interest.displayName, allowedAudiences: 'organization' });
    });

    it('a failed save on an interest made private since the card was drawn echoes nothing of it', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'organization');
      const edit = await act(conversation, CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
      await changeAudience(interest.id, 'me');
      const typed = newMarker();
      const answer = await act(conversation, CARD_VERBS.saveInterest, {
        ...actionOn(edit, CARD_VERBS.saveInterest),
        description: `${typed} description`,
        categories: Array.from({ length: 11 }, (_, index) => `${typed} c${index}`).join(', '),
        allowedAudiences: 'organization',
      });
      expect(answer.body.type).toBe(MESSAGE);
      expect(answer.sent).not.toContain(typed);
      expect(answer.sent).not.toContain(marker);
    });

    it('a save that changes nothing on an interest made private since the card was drawn shows nothing of it', async () => {
      const marker = newMarker();
      const interest = await seed(marker, 'organization');
      const edit = await act(conversation, CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
      await changeAudience(interest.id, 'me');
      const answer = await act(conversation, CARD_VERBS.saveInterest, actionOn(edit, CARD_VERBS.saveInterest));
      expect(cardText(answer.body.value)).toContain('Nothing was changed.');
      expect(answer.sent).not.toContain(marker);
    });

    it('a failed save of a shared interest that stays shared still shows the card with the problem under its field', async () => {
      const interest = await seed(newMarker(), 'organization');
      const edit = await act(conversation, CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
      const answer = await act(conversation, CARD_VERBS.saveInterest, {
        ...actionOn(edit, CARD_VERBS.saveInterest),
        categories: Array.from({ length: 11 }, (_, index) => `c${index}`).join(', '),
      });
      expect(answer.body.type).toBe(CARD);
      expect(cardText(answer.body.value)).toContain('at most 10 categories');
    });
  });
});
