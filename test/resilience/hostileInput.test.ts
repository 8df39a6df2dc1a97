import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { MAX_ACTIVITY_BYTES } from '../../src/edge/server';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../../src/cards/cardTemplate';
import { draftFromInterest } from '../../src/domain/interestDraft';
import type { PersonInterest } from '../../src/domain/personInterest';
import { validateInterestInput } from '../../src/domain/validateInterest';
import { ALEX, executeActionsOf, startBotHarness, type BotHarness } from '../support/botHarness';
import { EXPANSION_MARKER, HOSTILE_TEXTS, hostileCardPayloads, MESSAGE_FORMS } from './hostileInputs';

const CARD = 'application/vnd.microsoft.card.adaptive';
const ANSWER_TYPES = [CARD, 'application/vnd.microsoft.activity.message', 'application/vnd.microsoft.error'];
const UNSAFE_URL = /^\s*(javascript|data|vbscript|file):/i;

/** Every Adaptive Card in an exchange: message attachments and an invoke response's card. */
function cardsOf(activities: Partial<Activity>[]): AdaptiveCard[] {
  return activities.flatMap((activity) => {
    const attached = (activity.attachments ?? []).filter((attachment) => attachment.contentType === CARD).map((attachment) => attachment.content as AdaptiveCard);
    const body = (activity.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
    return activity.type === 'invokeResponse' && body?.type === CARD ? [...attached, body.value as AdaptiveCard] : attached;
  });
}

/** Every URL a card would open. */
function urlsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(urlsIn);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = ['url', 'selectAction'].flatMap((key) => (typeof record[key] === 'string' ? [record[key] as string] : []));
  return [...own, ...Object.values(record).flatMap(urlsIn)];
}

/** What every answer must satisfy, whatever the input. */
function expectSafeAnswer(label: string, activities: Partial<Activity>[]): void {
  const wire = JSON.stringify(activities);
  if (wire.includes(EXPANSION_MARKER)) throw new Error(`${label}: user text was expanded as a template`);
  for (const card of cardsOf(activities)) {
    if (cardSize(card) > MAX_CARD_BYTES) throw new Error(`${label}: a card of ${cardSize(card)} bytes is over the limit`);
    const unsafe = urlsIn(card).find((url) => UNSAFE_URL.test(url));
    if (unsafe) throw new Error(`${label}: a card links to ${unsafe.slice(0, 40)}`);
  }
  if (/\n\s+at .+:\d+:\d+/.test(wire)) throw new Error(`${label}: a stack trace reached the user`);
}

describe('hostile input', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ connector: true, graph: { maxRetries: 3, maxRetryWaitSeconds: 2 } });
  });
  afterAll(() => harness.close());

  const profile = (): string => JSON.stringify(harness.service.store.listInterests(ALEX.aadObjectId));
  let answered = 0;

  it('messages: each gets a clear answer, none changes the profile', async () => {
    const before = profile();
    let conversation = 0;
    for (const text of HOSTILE_TEXTS) {
      for (const form of MESSAGE_FORMS) {
        const exchange = await harness.say(form(text), { conversationId: `a:hostile-${conversation++}` });
        const label = `message ${JSON.stringify(form(text).slice(0, 30))}`;
        expect({ label, status: exchange.status }).toEqual({ label, status: 200 });
        expect({ label, answered: exchange.activities.some((activity) => activity.type === 'message') }).toEqual({ label, answered: true });
        expectSafeAnswer(label, exchange.activities);
        answered += 1;
      }
    }
    expect(profile()).toBe(before);
  });

  it('dialog answers: every question re-asks or moves on, and nothing is saved without a confirmation', async () => {
    const before = profile();
    for (const [index, text] of HOSTILE_TEXTS.entries()) {
      const conversationId = `a:hostile-dialog-${index}`;
      await harness.say('add', { conversationId });
      for (let step = 0; step < 7; step++) {
        const exchange = await harness.say(text, { conversationId });
        const label = `dialog step ${step} ${JSON.stringify(text.slice(0, 30))}`;
        expect({ label, status: exchange.status }).toEqual({ label, status: 200 });
        expect({ label, answered: exchange.activities.some((activity) => activity.type === 'message') }).toEqual({ label, answered: true });
        expectSafeAnswer(label, exchange.activities);
        answered += 1;
      }
    }
    expect(profile()).toBe(before);
  });

  // Several hundred payloads over real HTTP: a generous bound, since this checks answers, not speed.
  it('card-action payloads: malformed, ill-typed, unknown or foreign ones are answered and change nothing', async () => {
    let before = profile();
    const [target] = harness.service.store.listInterests(ALEX.aadObjectId);
    const payloads = hostileCardPayloads(ALEX.aadObjectId, target?.id ?? 'missing');
    for (const { label, value, validWrite } of payloads) {
      const exchange = await harness.send({ type: 'invoke', name: 'adaptiveCard/action', value });
      const response = exchange.activities.find((activity) => activity.type === 'invokeResponse')?.value as { status?: number; body?: { type?: string; value?: unknown } } | undefined;
      const outcome = { label, http: exchange.status < 500, invoke: response?.status, typed: ANSWER_TYPES.includes(response?.body?.type ?? '') };
      // An oversized body is refused before any turn runs (413); everything else is answered inside HTTP 200.
      if (exchange.status === 413) continue;
      expect(outcome).toEqual({ label, http: true, invoke: 200, typed: true });
      expectSafeAnswer(label, exchange.activities);
      answered += 1;
      if (validWrite) {
        // Valid ids with junk beside them: the action is carried out, as the ignored keys do not matter.
        expect({ label, type: response?.body?.type }).toEqual({ label, type: CARD });
        before = profile();
        continue;
      }
      expect({ label, unchanged: profile() === before }).toEqual({ label, unchanged: true });
    }
  }, 120_000);

  it('hostile but well-formed edits: saved exactly as the rules clean them when valid, refused otherwise', async () => {
    for (const [index, text] of HOSTILE_TEXTS.entries()) {
      const [target] = harness.service.store.listInterests(ALEX.aadObjectId) as (PersonInterest & { id: string })[];
      if (!target) throw new Error('no interest to edit');
      const edit = await harness.act(CARD_VERBS.editInterest, { ownerId: ALEX.aadObjectId, interestId: target.id });
      const save = executeActionsOf((edit.body as { value: unknown }).value).find((action) => action.verb === CARD_VERBS.saveInterest);
      const field = index % 2 === 0 ? 'description' : 'webUrl';
      const before = harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.id === target.id);
      const expected = validateInterestInput({ ...draftFromInterest(target), [field]: text });

      const { status, body } = await harness.act(CARD_VERBS.saveInterest, { ...save?.data, [field]: text });

      const label = `save ${field}=${JSON.stringify(text.slice(0, 30))}`;
      expect({ label, status }).toEqual({ label, status: 200 });
      expectSafeAnswer(label, [{ type: 'invokeResponse', value: { status, body } }]);
      const after = harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.id === target.id);
      if (expected.ok) expect({ label, value: after?.[field] }).toEqual({ label, value: expected.value[field] });
      else expect({ label, after }).toEqual({ label, after: before });
      answered += 1;
    }
    // javascript:, data:, vbscript: and file: links are never stored.
    const links = harness.service.store.listInterests(ALEX.aadObjectId).map((interest) => interest.webUrl ?? '');
    expect(links.filter((link) => UNSAFE_URL.test(link))).toEqual([]);
  });

  it('oversized bodies are refused with 413 and run no turn', async () => {
    const before = harness.service.stats.snapshot().total;
    for (const type of ['message', 'invoke']) {
      const body = JSON.stringify({ type, id: randomUUID(), text: 'list', padding: 'x'.repeat(MAX_ACTIVITY_BYTES + 1) });
      const response = await fetch(`${harness.server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(response.status).toBe(413);
    }
    expect(harness.service.stats.snapshot().total).toBe(before);
  });

  it('covered at least 500 generated inputs', () => {
    expect(answered).toBeGreaterThanOrEqual(500);
  });
});
