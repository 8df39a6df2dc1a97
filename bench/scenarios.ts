/**
 * What each benchmark target does per unit of work. The product and the graph floor bot get the very same
 * activities (the floor picks its one request from the activity's kind), so their figures compare like for like.
 * Every worker acts as its own user in its own conversation, as concurrent Teams users would.
 */
import { CARD_VERBS } from '../src/cards/cardActions';
import { actionData, benchUser, type BotClient, cardsOf, invokeCard } from './botClient';
import { timed, type LoadStep } from './load';
import { ordinaryDraft, type ProfileData } from './profileData';
import type { BotKind } from './processes';

export const LIST_SIZE = 20;

export interface SeededUser {
  readonly key: string;
  readonly interestIds: string[];
  /** The data of the Save action on the edit card of the user's second interest, as the product rendered it. */
  saveData: Record<string, unknown>;
}

export type ActionKind = 'list' | 'open' | 'save' | 'tag';

export interface BenchTarget {
  readonly id: string;
  readonly label: string;
  readonly bot: BotKind;
  /** For the product's single-request actions: the action, whose floor is `floor:<action>`. */
  readonly action?: ActionKind;
  /** A fresh step for one run; `runKey` is unique per run, for work that must not pile up across runs. */
  makeStep(client: BotClient, users: readonly SeededUser[], runKey: string): LoadStep;
}

/** One user per worker, each with `LIST_SIZE` interests, and the Save data of an edit card (from the product). */
export async function seedUsers(profile: ProfileData, product: BotClient, count: number): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  for (let index = 0; index < count; index++) {
    const key = `bench-user-${index}`;
    const user = benchUser(key);
    const interestIds = await profile.createMany(user.aadObjectId, LIST_SIZE, ordinaryDraft);
    const edit = invokeCard(await product.act(user, `a:${key}`, CARD_VERBS.editInterest, { ownerId: user.aadObjectId, interestId: interestIds[1] }));
    users.push({ key, interestIds, saveData: actionData(edit, CARD_VERBS.saveInterest) });
  }
  return users;
}

function userOf(users: readonly SeededUser[], worker: number): SeededUser {
  const user = users[worker];
  if (!user) throw new Error(`No seeded user for worker ${worker}`);
  return user;
}

const list = (client: BotClient, users: readonly SeededUser[]): LoadStep => async (worker) => {
  const { key } = userOf(users, worker);
  return [await timed(async () => cardsOf(await client.say(benchUser(key), `a:${key}`, 'list')).length || Promise.reject(new Error('no list card')))];
};

const open = (client: BotClient, users: readonly SeededUser[]): LoadStep => async (worker, iteration) => {
  const { key, interestIds } = userOf(users, worker);
  const interestId = interestIds[iteration % interestIds.length];
  return [await timed(async () => invokeCard(await client.act(benchUser(key), `a:${key}`, CARD_VERBS.openInterest, { ownerId: benchUser(key).aadObjectId, interestId })))];
};

/** The edit card's Save with a new description every time: a real change, so one PATCH. */
const save = (client: BotClient, users: readonly SeededUser[], runKey: string): LoadStep => async (worker, iteration) => {
  const { key, saveData } = userOf(users, worker);
  const data = { ...saveData, description: `Changed by the benchmark, run ${runKey}, turn ${iteration}.` };
  return [await timed(async () => invokeCard(await client.act(benchUser(key), `a:${key}`, CARD_VERBS.saveInterest, data)))];
};

/** Each worker toggles one tag on its own first interest, so every action is a real change (one PATCH). */
const tag = (client: BotClient, users: readonly SeededUser[]): LoadStep => {
  const tagged = new Map<number, boolean>();
  return async (worker) => {
    const { key, interestIds } = userOf(users, worker);
    const on = tagged.get(worker) ?? false;
    const data = { ownerId: benchUser(key).aadObjectId, interestId: interestIds[0], tagsBefore: on ? ['askMeAbout'] : [], collaborationTags: on ? '' : 'askMeAbout' };
    const latency = await timed(async () => invokeCard(await client.act(benchUser(key), `a:${key}`, CARD_VERBS.saveTags, data)));
    tagged.set(worker, !on);
    return [latency];
  };
};

/** The whole add dialog, 7 turns; new users every run, so the name check never reads a list grown by earlier runs. */
const add = (client: BotClient, _users: readonly SeededUser[], runKey: string): LoadStep => {
  let dialogs = 0;
  return async (worker) => {
    const dialog = (dialogs += 1);
    const user = benchUser(`bench-add-${runKey}-${worker}`);
    const conversation = `a:add-${runKey}-${dialog}`;
    const latencies: number[] = [];
    let summary: unknown;
    for (const text of [`add Hobby ${dialog}`, 'skip', 'skip', 'skip', 'skip', 'skip']) {
      latencies.push(await timed(async () => (summary = cardsOf(await client.say(user, conversation, text))[0])));
    }
    const create = actionData(summary, CARD_VERBS.confirmAdd);
    latencies.push(await timed(async () => invokeCard(await client.act(user, conversation, CARD_VERBS.confirmAdd, create))));
    return latencies;
  };
};

const echo = (client: BotClient): LoadStep => async (worker) => [await timed(() => client.say(benchUser(`echo-${worker}`), `a:echo-${worker}`, 'hello'))];

export const ECHO_ID = 'echo';
export const floorId = (action: ActionKind): string => `floor:${action}`;

const STEPS: Readonly<Record<ActionKind, BenchTarget['makeStep']>> = { list, open, save, tag };
const LABELS: Readonly<Record<ActionKind, string>> = {
  list: `list (${LIST_SIZE} interests)`,
  open: 'open an interest card',
  save: 'save (edit card)',
  tag: 'tag (save tags)',
};

/** Every throughput target: the echo reference, each action's floor and the product's action, and the add dialog. */
export const THROUGHPUT_TARGETS: readonly BenchTarget[] = [
  { id: ECHO_ID, label: 'echo (reference)', bot: 'echo', makeStep: echo },
  ...(Object.keys(STEPS) as ActionKind[]).flatMap((action): BenchTarget[] => [
    { id: floorId(action), label: `graph floor: ${action}`, bot: 'floor', makeStep: STEPS[action] },
    { id: action, label: LABELS[action], bot: 'product', action, makeStep: STEPS[action] },
  ]),
  { id: 'add', label: 'full add dialog (7 turns)', bot: 'product', makeStep: add },
];
