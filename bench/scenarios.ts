/**
 * What each benchmark target does per unit of work. The product and the graph floor bot get the very same
 * activities for the very same users (the floor picks its one request from the activity's kind), so their figures
 * compare like for like.
 *
 * The load is realistic by default: `USER_COUNT` users, each with their own interests (0 to 40, see
 * `population.ts`), handed out in turn (`UserRotation`), so consecutive turns are different people, each acting about
 * once per pass, and no per-process cache helps more than it would in a tenant. The old load, where every worker
 * is one user repeating the same action on the same unchanged data, stays as `CACHE_FRIENDLY_TARGETS`: a figure
 * only, never a target.
 */
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { actionData, benchUser, type BotClient, cardsOf, invokeCard } from './botClient';
import { timed, type LoadStep } from './load';
import { interestCountFor, realisticDraft, UserRotation } from './population';
import type { ProfileData } from './profileData';
import type { BotKind } from './processes';

export interface SeededUser {
  readonly key: string;
  readonly interestIds: string[];
  /** The data of the Save action on the edit card of the user's last interest, as the product rendered it (none without interests). */
  readonly saveData: Record<string, unknown> | undefined;
}

export type ActionKind = 'list' | 'open' | 'save' | 'tag';

export interface BenchTarget {
  readonly id: string;
  readonly label: string;
  readonly bot: BotKind;
  /** For the product's single-request actions: the action. */
  readonly action?: ActionKind;
  /** For the product's single-request actions: the id of the floor target it is compared with. */
  readonly floor?: string;
  /** A fresh step for one run; `runKey` is unique per run, for work that must not pile up across runs. */
  makeStep(client: BotClient, users: readonly SeededUser[], runKey: string): LoadStep;
}

/** Users seeded at once: enough to keep the profile service busy without queueing on two cores. */
const SEEDING_PARALLELISM = 4;

/**
 * `count` users (`bench-user-<n>`), user n with `interestCountFor(n)` interests of `realisticDraft(n, i)`, and for
 * each user with interests the Save data of the edit card of their last interest (from the product).
 */
export async function seedUsers(profile: ProfileData, product: BotClient, count: number): Promise<SeededUser[]> {
  const users: SeededUser[] = new Array<SeededUser>(count);
  let next = 0;
  const seedOne = async (index: number): Promise<void> => {
    const key = `bench-user-${index}`;
    const user = benchUser(key);
    const interestIds = await profile.createMany(user.aadObjectId, interestCountFor(index), (interest) => realisticDraft(index, interest));
    const last = interestIds.at(-1);
    const edit = last === undefined ? undefined : invokeCard(await product.act(user, `a:${key}`, CARD_VERBS.editInterest, { ownerId: user.aadObjectId, interestId: last }));
    users[index] = { key, interestIds, saveData: edit === undefined ? undefined : actionData(edit, CARD_VERBS.saveInterest) };
  };
  const worker = async (): Promise<void> => {
    while (next < count) await seedOne((next += 1) - 1);
  };
  await Promise.all(Array.from({ length: Math.min(SEEDING_PARALLELISM, count) }, worker));
  return users;
}

/** A user with about the median number of interests (at least two): for a single turn that should be typical. */
export function typicalUser(users: readonly SeededUser[]): SeededUser {
  const candidates = users.filter((user) => user.interestIds.length >= 2).sort((a, b) => a.interestIds.length - b.interestIds.length);
  const user = candidates[Math.floor(candidates.length / 2)];
  if (!user) throw new Error('No seeded user with interests');
  return user;
}

/** Which user a worker's turn is for, and how many times that user has come round before (to vary what they do). */
type UserPick = (users: readonly SeededUser[], worker: number, iteration: number) => { readonly user: SeededUser; readonly pass: number };

/** The realistic pick: users in turn, each about once per pass, the position kept across runs of the target. */
function inTurn(): UserPick {
  const rotation = new UserRotation();
  return (users) => {
    const { index, pass } = rotation.next(users.length);
    const user = users[index];
    if (!user) throw new Error(`No seeded user ${index}`);
    return { user, pass };
  };
}

/** The cache-friendly pick: every worker is always the same user, repeating itself. */
const ownUser: UserPick = (users, worker, iteration) => {
  const user = users[worker % users.length];
  if (!user) throw new Error(`No seeded user for worker ${worker}`);
  return { user, pass: iteration };
};

const withInterests = (users: readonly SeededUser[]): SeededUser[] => users.filter((user) => user.interestIds.length > 0);

/** A list turn: over HTTP with the replies in the response the card must be there; with normal delivery it went to the connector. */
const list = (pick: UserPick) => (client: BotClient, users: readonly SeededUser[]): LoadStep => async (worker, iteration) => {
  const { key } = pick(users, worker, iteration).user;
  return [
    await timed(async () => {
      const turn = await client.say(benchUser(key), `a:${key}`, 'list');
      if (client.repliesInResponse && cardsOf(turn).length === 0) throw new Error('no list card');
    }),
  ];
};

/** Opens one of the user's interests, a different one each time the user comes round. */
const open = (pick: UserPick) => (client: BotClient, seeded: readonly SeededUser[]): LoadStep => {
  const users = withInterests(seeded);
  return async (worker, iteration) => {
    const { user, pass } = pick(users, worker, iteration);
    const interestId = user.interestIds[pass % user.interestIds.length];
    return [await timed(async () => invokeCard(await client.act(benchUser(user.key), `a:${user.key}`, CARD_VERBS.openInterest, { ownerId: benchUser(user.key).aadObjectId, interestId })))];
  };
};

/** The edit card's Save with a new description every time: a real change, so one PATCH. */
const save = (pick: UserPick) => (client: BotClient, seeded: readonly SeededUser[], runKey: string): LoadStep => {
  const users = withInterests(seeded);
  return async (worker, iteration) => {
    const { user, pass } = pick(users, worker, iteration);
    const data = { ...user.saveData, description: `Changed by the benchmark, run ${runKey}, pass ${pass}, worker ${worker}, turn ${iteration}.` };
    return [await timed(async () => invokeCard(await client.act(benchUser(user.key), `a:${user.key}`, CARD_VERBS.saveInterest, data)))];
  };
};

/** Toggles one tag on the user's first interest, so every action is a real change (one PATCH). */
const tag = (pick: UserPick) => (client: BotClient, seeded: readonly SeededUser[]): LoadStep => {
  const users = withInterests(seeded);
  const tagged = new Map<string, boolean>();
  return async (worker, iteration) => {
    const { key, interestIds } = pick(users, worker, iteration).user;
    const on = tagged.get(key) ?? false;
    const data = { ownerId: benchUser(key).aadObjectId, interestId: interestIds[0], tagsBefore: on ? ['askMeAbout'] : [], collaborationTags: on ? '' : 'askMeAbout' };
    const latency = await timed(async () => invokeCard(await client.act(benchUser(key), `a:${key}`, CARD_VERBS.saveTags, data)));
    tagged.set(key, !on);
    return [latency];
  };
};

const STEPS = { list, open, save, tag } satisfies Record<ActionKind, (pick: UserPick) => BenchTarget['makeStep']>;

/** A fresh step maker for `action` with users in turn (its own rotation): for sections with bots of their own. */
export function actionInTurn(action: ActionKind): BenchTarget['makeStep'] {
  return STEPS[action](inTurn());
}

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

const LABELS: Readonly<Record<ActionKind, string>> = {
  list: 'list (own interests, 0–40)',
  open: 'open an interest card',
  save: 'save (edit card)',
  tag: 'tag (save tags)',
};

const ACTIONS = Object.keys(STEPS) as ActionKind[];

/**
 * Every throughput target: the echo reference, each action's floor and the product's action (users in turn, each
 * target with its own rotation, so the product and its floor go through the same users in the same order), and
 * the add dialog.
 */
export const THROUGHPUT_TARGETS: readonly BenchTarget[] = [
  { id: ECHO_ID, label: 'echo (reference)', bot: 'echo', makeStep: echo },
  ...ACTIONS.flatMap((action): BenchTarget[] => [
    { id: floorId(action), label: `graph floor: ${action}`, bot: 'floor', makeStep: STEPS[action](inTurn()) },
    { id: action, label: LABELS[action], bot: 'product', action, floor: floorId(action), makeStep: STEPS[action](inTurn()) },
  ]),
  { id: 'add', label: 'full add dialog (7 turns)', bot: 'product', makeStep: add },
];

export const CACHE_FRIENDLY = 'cache-friendly';

/**
 * The earlier load, kept as a figure: every worker one user repeating `list` on unchanged data, so nearly every turn
 * reuses a card the product kept. Not a target: a tenant's users each list their own interests, mostly once.
 */
export const CACHE_FRIENDLY_TARGETS: readonly BenchTarget[] = [
  { id: `floor:list:${CACHE_FRIENDLY}`, label: `graph floor: list, ${CACHE_FRIENDLY} (not a target)`, bot: 'floor', makeStep: STEPS.list(ownUser) },
  { id: `list:${CACHE_FRIENDLY}`, label: `list, ${CACHE_FRIENDLY} (not a target)`, bot: 'product', action: 'list', floor: `floor:list:${CACHE_FRIENDLY}`, makeStep: STEPS.list(ownUser) },
];
