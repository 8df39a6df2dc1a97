import { randomBytes, randomUUID } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import type { PersonInterest } from '../../src/domain/personInterest';
import { SERVICE_LIMITS } from '../../profileService/serviceLimits';
import { ALEX, MEGAN, cardText, executeActionsOf, startBotHarness, type BotHarness, type User } from '../support/botHarness';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const HOUR_MS = 60 * 60 * 1000;

type Body = { statusCode: number; type: string; value: unknown };
type Stored = PersonInterest & { id: string };

/** Every field at the profile service's limits, with text no bot rule would let through. */
function fullyPopulated(overrides: Partial<Stored> = {}): Stored {
  const odd = '\u0000\u0007\u202e\u200b';
  return {
    id: randomUUID(),
    displayName: `Cloud architecture ${odd}`.padEnd(SERVICE_LIMITS.displayNameMax, 'n'),
    description: `${odd} Design reviews. `.padEnd(SERVICE_LIMITS.descriptionMax, 'd'),
    categories: Array.from({ length: SERVICE_LIMITS.categoriesMax }, (_, index) => `${index} ${odd}`.padEnd(SERVICE_LIMITS.categoryMax, 'c')),
    collaborationTags: ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'],
    allowedAudiences: 'contacts',
    webUrl: `https://example.com/${'p'.repeat(SERVICE_LIMITS.webUrlMax - 20)}`,
    inference: { confidenceScore: 0.72, userHasVerifiedAccuracy: false },
    createdDateTime: '2025-01-02T03:04:05.0000000Z',
    createdBy: { application: { displayName: 'Microsoft 365', id: null }, device: null, user: null },
    lastModifiedDateTime: '2025-01-02T03:04:05.0000000Z',
    ...overrides,
  };
}

const WRITABLE = ['displayName', 'description', 'categories', 'collaborationTags', 'allowedAudiences', 'webUrl', 'inference'] as const;
const writableOf = (interest: PersonInterest): Record<string, unknown> => Object.fromEntries(WRITABLE.map((name) => [name, interest[name] ?? null]));

describe('delete, undo and suggestions lose nothing', () => {
  let now = new Date();
  let storage: MemoryStorage;
  let harness: BotHarness;
  let second: BotHarness;
  const owner = { ownerId: ALEX.aadObjectId };

  beforeAll(async () => {
    storage = new MemoryStorage();
    harness = await startBotHarness({ storage, clock: () => now });
    // A second instance of the bot on the same storage and the same profile.
    second = await startBotHarness({ storage, service: harness.service, clock: () => now });
  });
  afterAll(async () => {
    await second.close();
    await harness.close();
  });
  beforeEach(() => {
    now = new Date();
    harness.service.faults.clear();
    harness.service.stats.reset();
  });

  const stored = (): Stored[] => harness.service.store.listInterests(ALEX.aadObjectId) as Stored[];
  const requests = (): Record<string, number> => ({ ...harness.service.stats.snapshot().byRoute });
  const act = async (verb: string, data: Record<string, unknown>, type: string, options: { from?: User; via?: BotHarness } = {}): Promise<Body> => {
    const { status, body } = await (options.via ?? harness).act(verb, data, { from: options.from ?? ALEX });
    expect(status).toBe(200);
    expect(body).toMatchObject({ type });
    return body as Body;
  };
  const actForCard = async (verb: string, data: Record<string, unknown>, options: { from?: User; via?: BotHarness } = {}): Promise<Record<string, unknown>> =>
    (await act(verb, data, CARD, options)).value as Record<string, unknown>;
  const dataOf = (card: unknown, verb: string): Record<string, unknown> => {
    const action = executeActionsOf(card).find((candidate) => candidate.verb === verb);
    if (!action) throw new Error(`no ${verb} on the card`);
    return action.data;
  };

  /** Delete through the cards as a user would; returns the confirmation card and the deleted card. */
  async function deleteThroughCards(interestId: string): Promise<{ confirm: Record<string, unknown>; deleted: Record<string, unknown> }> {
    const confirm = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId });
    const deleted = await actForCard(CARD_VERBS.confirmDelete, dataOf(confirm, CARD_VERBS.confirmDelete));
    return { confirm, deleted };
  }

  it('re-creates a fully populated suggestion exactly as read, as a suggestion, and says it is a new item', async () => {
    const original = fullyPopulated();
    await harness.service.store.putInterest(ALEX.aadObjectId, original);
    const { confirm, deleted } = await deleteThroughCards(original.id);
    expect(stored().some((item) => item.id === original.id)).toBe(false);

    // The cards carry a token, never the interest: nothing a card says can be written back.
    expect(Object.keys(dataOf(confirm, CARD_VERBS.confirmDelete)).sort()).toEqual(['interestId', 'ownerId', 'undoToken']);
    expect(Object.keys(dataOf(deleted, CARD_VERBS.undoDelete)).sort()).toEqual(['ownerId', 'undoToken']);
    expect(JSON.stringify([confirm, deleted])).not.toContain('Design reviews');

    harness.service.stats.reset();
    const restored = await actForCard(CARD_VERBS.undoDelete, dataOf(deleted, CARD_VERBS.undoDelete));
    expect(requests()).toEqual({ 'POST interests': 1 });
    const copies = stored().filter((item) => item.displayName === original.displayName);
    expect(copies).toHaveLength(1);
    const copy = copies[0] as Stored;
    expect(writableOf(copy)).toEqual(writableOf(original));
    expect(copy.id).not.toBe(original.id);
    expect(cardText(restored)).toContain('new id and date');
    expect(cardText(restored)).toContain('suggestion again');
    expect(cardText(restored)).toContain('not confirmed yet');
    expect(cardText(restored)).not.toContain('Added by you');
  });

  it('restores a synced item as the user’s own copy, saying so, with its audience written by name', async () => {
    const synced = fullyPopulated({
      displayName: 'Project delivery',
      inference: null,
      allowedAudiences: 'organization',
      source: { type: ['SharePoint'] },
      createdBy: { application: { displayName: 'UPA', id: null }, device: null, user: null },
    });
    await harness.service.store.putInterest(ALEX.aadObjectId, synced);
    const { deleted } = await deleteThroughCards(synced.id);
    const restored = await actForCard(CARD_VERBS.undoDelete, dataOf(deleted, CARD_VERBS.undoDelete));
    const copy = stored().find((item) => item.displayName === 'Project delivery') as Stored;
    expect(writableOf(copy)).toEqual(writableOf(synced));
    expect(cardText(restored)).toContain('Synced from your SharePoint profile before; this copy is yours now');
  });

  it('writes nothing for a forged token, another user’s token, or an expired one, and says so', async () => {
    const forged = await actForCard(CARD_VERBS.undoDelete, { ...owner, undoToken: randomBytes(32).toString('base64url') });
    expect(cardText(forged)).toContain('no longer available');

    const victim = fullyPopulated({ displayName: 'Sailing' });
    await harness.service.store.putInterest(ALEX.aadObjectId, victim);
    const { deleted } = await deleteThroughCards(victim.id);
    const { undoToken } = dataOf(deleted, CARD_VERBS.undoDelete);
    harness.service.stats.reset();
    // Megan presses Undo on a card of her own that carries Alex's token: the token is bound to Alex.
    const foreign = await actForCard(CARD_VERBS.undoDelete, { ownerId: MEGAN.aadObjectId, undoToken }, { from: MEGAN });
    expect(cardText(foreign)).toContain('no longer available');

    now = new Date(now.getTime() + 24 * HOUR_MS + 60_000);
    const expired = await actForCard(CARD_VERBS.undoDelete, { ...owner, undoToken });
    expect(cardText(expired)).toContain('no longer available');
    expect(harness.service.stats.snapshot().byRoute['POST interests'] ?? 0).toBe(0);
    expect(stored().some((item) => item.displayName === 'Sailing')).toBe(false);
  });

  it('answers Undo and Delete buttons from older versions (snapshot in the card) clearly and writes nothing', async () => {
    const snapshot = { displayName: 'Evil', description: null, categories: [], collaborationTags: [], allowedAudiences: 'organization', webUrl: 'javascript:alert(1)' };
    const undo = await actForCard(CARD_VERBS.undoDelete, { ...owner, snapshot, undoToken: randomUUID() });
    expect(cardText(undo)).toContain('from an older version');
    const target = stored().find((item) => item.displayName === 'Machine learning') as Stored;
    const del = await actForCard(CARD_VERBS.confirmDelete, { ...owner, interestId: target.id, snapshot });
    expect(cardText(del)).toContain('older version');
    expect(harness.service.stats.snapshot().total).toBe(0);
    expect(stored().some((item) => item.id === target.id)).toBe(true);
  });

  it('says so when the interest was already gone before this delete, offers no Undo, and a resent invoke gets the same answer', async () => {
    const item = fullyPopulated({ displayName: 'Chess' });
    await harness.service.store.putInterest(ALEX.aadObjectId, item);
    const first = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId: item.id });
    const other = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId: item.id });
    const deleted = await actForCard(CARD_VERBS.confirmDelete, dataOf(first, CARD_VERBS.confirmDelete));
    expect(cardText(deleted)).toContain('was deleted');
    expect(cardText(await actForCard(CARD_VERBS.confirmDelete, dataOf(first, CARD_VERBS.confirmDelete)))).toBe(cardText(deleted));

    const gone = await actForCard(CARD_VERBS.confirmDelete, dataOf(other, CARD_VERBS.confirmDelete));
    expect(cardText(gone)).toContain('already gone');
    expect(cardText(gone)).not.toContain('Chess was deleted');
    expect(executeActionsOf(gone).map((action) => action.verb)).not.toContain(CARD_VERBS.undoDelete);
    expect(await actForCard(CARD_VERBS.confirmDelete, dataOf(other, CARD_VERBS.confirmDelete))).toEqual(gone);
    // That card's token restores nothing: this click deleted nothing.
    const undo = await actForCard(CARD_VERBS.undoDelete, { ...owner, undoToken: dataOf(other, CARD_VERBS.confirmDelete).undoToken });
    expect(cardText(undo)).toContain('no longer available');
    expect(stored().filter((candidate) => candidate.displayName === 'Chess')).toHaveLength(0);
  });

  it('says Microsoft 365 is busy, not that the interest was gone, when Graph keeps refusing the DELETE', async () => {
    const kept = fullyPopulated({ displayName: 'Pottery' });
    await harness.service.store.putInterest(ALEX.aadObjectId, kept);
    const confirm = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId: kept.id });
    harness.service.faults.inject({ status: 503, retryAfterSeconds: 0, count: 10, method: 'DELETE' });
    const { body } = await harness.act(CARD_VERBS.confirmDelete, dataOf(confirm, CARD_VERBS.confirmDelete), { from: ALEX });
    const answer = JSON.stringify(body);
    expect(answer).toContain('Microsoft 365 is busy right now');
    expect(answer).not.toContain('already gone');
    expect(stored().some((item) => item.id === kept.id)).toBe(true);
  });

  it('re-creates once when two clicks on one Undo reach two instances at the same time', async () => {
    const item = fullyPopulated({ displayName: 'Rowing' });
    await harness.service.store.putInterest(ALEX.aadObjectId, item);
    const { deleted } = await deleteThroughCards(item.id);
    const undo = dataOf(deleted, CARD_VERBS.undoDelete);
    harness.service.stats.reset();
    // The create is slow, so the second click arrives while the first is still creating.
    harness.service.faults.addLatency({ ms: 400, method: 'POST' });
    const answers = await Promise.all([harness.act(CARD_VERBS.undoDelete, undo), second.act(CARD_VERBS.undoDelete, undo)]);
    harness.service.faults.clear();
    expect(answers.map((answer) => (answer.body as Body).type).sort()).toEqual([MESSAGE, CARD]);
    expect(JSON.stringify(answers.map((answer) => answer.body))).toContain('already under way');
    expect(stored().filter((candidate) => candidate.displayName === 'Rowing')).toHaveLength(1);
    expect(requests()['POST interests']).toBe(1);
    // Later clicks, on either instance, show the copy that was made.
    const again = await actForCard(CARD_VERBS.undoDelete, undo, { via: second });
    expect(cardText(again)).toContain('Rowing');
    expect(requests()['POST interests']).toBe(1);
  });

  it('confirming a suggestion keeps its confidence score, with one PATCH', async () => {
    const suggestion = fullyPopulated({ displayName: 'Kubernetes', inference: { confidenceScore: 0.64, userHasVerifiedAccuracy: false } });
    await harness.service.store.putInterest(ALEX.aadObjectId, suggestion);
    const card = await actForCard(CARD_VERBS.openInterest, { ...owner, interestId: suggestion.id });
    harness.service.stats.reset();
    const confirmed = await actForCard(CARD_VERBS.confirmInference, dataOf(card, CARD_VERBS.confirmInference));
    expect(cardText(confirmed)).toContain('Confirmed');
    expect(requests()).toEqual({ 'PATCH interest': 1 });
    expect(stored().find((item) => item.id === suggestion.id)?.inference).toEqual({ confidenceScore: 0.64, userHasVerifiedAccuracy: true });
  });

  it('a Confirm from an older card (no score) reads the score first, so it is kept', async () => {
    const suggestion = fullyPopulated({ displayName: 'Rust', inference: { confidenceScore: 0.31, userHasVerifiedAccuracy: false } });
    await harness.service.store.putInterest(ALEX.aadObjectId, suggestion);
    await actForCard(CARD_VERBS.confirmInference, { ...owner, interestId: suggestion.id });
    expect(stored().find((item) => item.id === suggestion.id)?.inference).toEqual({ confidenceScore: 0.31, userHasVerifiedAccuracy: true });
  });

  it('shows the whole interest when Graph answers a PATCH with 204 and no body', async () => {
    const item = fullyPopulated({ displayName: 'Woodworking', inference: null, collaborationTags: [] });
    await harness.service.store.putInterest(ALEX.aadObjectId, item);
    harness.service.faults.answerWithoutBody({ method: 'PATCH', count: 2 });
    const tagged = await actForCard(CARD_VERBS.saveTags, { ...owner, interestId: item.id, tagsBefore: [], collaborationTags: 'askMeAbout' });
    expect(cardText(tagged)).toContain('Woodworking');
    expect(cardText(tagged)).toContain('Saved.');
    expect(stored().find((entry) => entry.id === item.id)?.collaborationTags).toEqual(['askMeAbout']);

    const suggestion = fullyPopulated({ displayName: 'Pottery', inference: { confidenceScore: 0.5, userHasVerifiedAccuracy: false } });
    await harness.service.store.putInterest(ALEX.aadObjectId, suggestion);
    const confirmed = await actForCard(CARD_VERBS.confirmInference, { ...owner, interestId: suggestion.id, confidenceScore: 0.5 });
    expect(cardText(confirmed)).toContain('Pottery');
    expect(harness.service.stats.snapshot().byStatus['204']).toBe(2);
  });
});
