/**
 * Cards already posted in chats keep working: the `Action.Execute` payloads today's cards carry are recorded from a
 * real walk through the bot (every card it sends, in personal chat and in a group chat), committed in
 * `test/fixtures/cardPayloads.json`, and replayed here against the bot as it is now. `UPDATE_CARD_PAYLOADS=1`
 * records them again; do that only when a payload's shape changes on purpose, since old cards stay in chats.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ALL_CARD_VERBS } from '../../src/app/cardActionRoutes';
import { ALEX, cardsIn, startBotHarness, type BotHarness, type Exchange } from '../support/botHarness';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'cardPayloads.json');
const PERSONAL = { id: 'a:personal-alex', conversationType: 'personal' };
const GROUP = { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true };

interface RecordedPayload {
  /** Where the card was drawn and what it was. */
  readonly from: string;
  readonly conversation: 'personal' | 'group';
  readonly verb: string;
  /** The action's `data`, with the card's inputs merged in at their initial values, as Teams sends it. */
  readonly data: Record<string, unknown>;
  /** The stored name of the interest `data.interestId` named, so a replay can point at the same interest. */
  readonly interestName?: string;
}

type CardNode = Record<string, unknown>;

function walk(node: unknown, visit: (node: CardNode) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as CardNode);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

/** Every Action.Execute of a card (refresh included), with the card's input values merged as a client would. */
function payloadsOf(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const inputs: CardNode[] = [];
  const actions: CardNode[] = [];
  walk(card, (node) => {
    if (typeof node['type'] === 'string' && node['type'].startsWith('Input.')) inputs.push(node);
    if (node['type'] === 'Action.Execute' && typeof node['verb'] === 'string') actions.push(node);
  });
  return actions.map((action) => {
    const data: Record<string, unknown> = { ...((action['data'] as CardNode | undefined) ?? {}) };
    if (action['associatedInputs'] !== 'none') for (const input of inputs) data[String(input['id'])] = typeof input['value'] === 'string' ? input['value'] : '';
    return { verb: String(action['verb']), data };
  });
}

const invokeCardOf = (exchange: Exchange): unknown => {
  const body = (exchange.activities.find((activity) => activity.type === 'invokeResponse')?.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
};

async function record(): Promise<RecordedPayload[]> {
  const harness = await startBotHarness();
  const recorded: RecordedPayload[] = [];
  const nameOf = (id: unknown): string | undefined => harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.id === id)?.displayName ?? undefined;
  const keep = (from: string, where: 'personal' | 'group', cards: unknown[]) => {
    for (const card of cards) {
      for (const payload of payloadsOf(card)) {
        const interestName = nameOf(payload.data['interestId']);
        recorded.push({ from, conversation: where, ...payload, ...(interestName !== undefined ? { interestName } : {}) });
      }
    }
  };
  const conversationOf = (where: 'personal' | 'group') => (where === 'personal' ? PERSONAL : GROUP);
  const say = async (where: 'personal' | 'group', text: string) => {
    const exchange = await harness.send({ type: 'message', text: where === 'group' ? `<at>Interests</at> ${text}` : text, conversation: conversationOf(where) });
    keep(`"${text}"`, where, cardsIn(exchange));
    return cardsIn(exchange);
  };
  const press = async (where: 'personal' | 'group', verb: string, data: Record<string, unknown>) => {
    const exchange = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: conversationOf(where),
      value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' },
    });
    const card = invokeCardOf(exchange);
    keep(`${verb} answer`, where, [...(card ? [card] : []), ...cardsIn(exchange)]);
    return card;
  };
  const first = (card: unknown, verb: string) => payloadsOf(card).find((payload) => payload.verb === verb);
  try {
    for (const where of ['personal', 'group'] as const) {
      await say(where, 'help');
      const [list] = await say(where, 'list');
      const open = first(list, 'interest.open')!;
      const interest = await press(where, open.verb, open.data);
      for (const verb of ['interest.edit', 'interest.tag', 'interest.delete', 'list.show', 'interest.confirmInference']) {
        const action = first(interest, verb);
        if (action) await press(where, action.verb, action.data);
      }
      const [edit] = await say(where, 'edit Machine learning');
      const save = first(edit, 'interest.save');
      if (save) await press(where, save.verb, { ...save.data, description: 'Changed while recording card payloads.' });
      const [remove] = await say(where, 'delete Data visualization');
      const confirm = first(remove, 'interest.confirmDelete');
      if (confirm) {
        const deleted = await press(where, confirm.verb, confirm.data);
        const undo = first(deleted, 'interest.undoDelete');
        if (undo) await press(where, undo.verb, undo.data);
      }
      const [split] = await say(where, 'add Food, wine');
      // The last choice adds the parts: its answer is a bulk card.
      const choose = payloadsOf(split).filter((payload) => payload.verb === 'addMany.choose').at(-1);
      if (choose) await press(where, choose.verb, choose.data);
      const [bulk] = await say(where, 'add Chess; Go');
      const create = first(bulk, 'addMany.create');
      // One refused batch, so the result card offers Retry.
      harness.service.faults.inject({ status: 503, method: 'POST', count: 1 });
      const result = create ? await press(where, create.verb, create.data) : undefined;
      harness.service.faults.clear();
      const retry = first(result, 'addMany.retry');
      if (retry) await press(where, retry.verb, retry.data);
      await say(where, 'add Origami');
      for (const answer of ['Folding paper', 'skip', 'skip', 'skip', 'skip']) await say(where, answer);
      await say(where, 'cancel');
      await say(where, 'tag');
      await say(where, 'cancel');
    }
  } finally {
    await harness.close();
  }
  return recorded;
}

const UPDATE = process.env['UPDATE_CARD_PAYLOADS'] === '1';

describe('card payloads from cards already in chats', () => {
  if (UPDATE) {
    it('records them', async () => {
      const recorded = await record();
      fs.writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 1)}\n`);
      expect(recorded.length).toBeGreaterThan(0);
    }, 120_000);
    return;
  }

  const recorded = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as RecordedPayload[];
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness();
  });
  afterEach(() => harness.close());

  it('cover every verb', () => {
    const verbs = new Set(recorded.map((payload) => payload.verb));
    const missing = ALL_CARD_VERBS.filter((verb) => !verbs.has(verb));
    expect(missing.sort()).toEqual([]);
  });

  it.each(recorded.map((payload, index) => [`${index} ${payload.verb} from ${payload.from} (${payload.conversation})`, payload] as const))(
    '%s is still understood and answered',
    async (_title, payload) => {
      const idOf = (name: string) => harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.displayName === name)?.id;
      const data = payload.interestName !== undefined ? { ...payload.data, interestId: idOf(payload.interestName) ?? payload.data['interestId'] } : payload.data;
      const exchange = await harness.send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        conversation: payload.conversation === 'personal' ? PERSONAL : GROUP,
        value: { action: { type: 'Action.Execute', verb: payload.verb, data, id: randomUUID() }, trigger: 'manual' },
      });
      const response = exchange.activities.find((activity) => activity.type === 'invokeResponse')?.value as { status: number; body: { statusCode: number; type: string; value: unknown } };
      expect(response.status).toBe(200);
      // A payload the bot no longer understands is answered 400 "can't be handled"; anything else is an answer.
      expect(response.body).not.toMatchObject({ statusCode: 400 });
      expect(response.body.statusCode).toBe(200);
    },
  );
});
