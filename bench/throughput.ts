/**
 * Turns per second and latency of the bot's main paths, and of the echo floor, under the same closed-loop load.
 * Every worker acts as its own user (in its own conversation), as concurrent Teams users would.
 */
import { CARD_VERBS } from '../src/cards/cardActions';
import { actionData, benchUser, BotClient, cardsOf, invokeCard } from './botClient';
import { runLoad, timed, type LoadResult, type LoadStep } from './load';
import { ordinaryDraft, type ProfileData } from './profileData';

export const LIST_SIZE = 20;

export interface ThroughputPlan {
  readonly concurrencyLevels: readonly number[];
  readonly durationMs: number;
  readonly maxTurns: number;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly runs: LoadResult[];
}

interface SeededUser {
  readonly key: string;
  readonly interestIds: string[];
}

/** One user per worker, each with `LIST_SIZE` interests. */
export async function seedListUsers(profile: ProfileData, count: number): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  for (let index = 0; index < count; index++) {
    const key = `bench-list-${index}`;
    users.push({ key, interestIds: await profile.createMany(benchUser(key).aadObjectId, LIST_SIZE, ordinaryDraft) });
  }
  return users;
}

function scenarioSteps(bot: BotClient, echo: BotClient, users: readonly SeededUser[]): Record<string, () => LoadStep> {
  let addDialogs = 0;
  const userOf = (worker: number): SeededUser => {
    const user = users[worker];
    if (!user) throw new Error(`No seeded user for worker ${worker}`);
    return user;
  };
  return {
    echo: () => async (worker) => [await timed(() => echo.say(benchUser(`echo-${worker}`), `a:echo-${worker}`, 'hello'))],
    [`list (${LIST_SIZE} interests)`]: () => async (worker) => {
      const { key } = userOf(worker);
      return [await timed(async () => cardsOf(await bot.say(benchUser(key), `a:${key}`, 'list')).length || Promise.reject(new Error('no list card')))];
    },
    'open interest card': () => async (worker, iteration) => {
      const { key, interestIds } = userOf(worker);
      const interestId = interestIds[iteration % interestIds.length];
      return [await timed(async () => invokeCard(await bot.act(benchUser(key), `a:${key}`, CARD_VERBS.openInterest, { ownerId: benchUser(key).aadObjectId, interestId })))];
    },
    'card action (save tags)': () => {
      // Each worker toggles one tag on its own first interest, so every action is a real change (one PATCH).
      const tagged = new Map<number, boolean>();
      return async (worker) => {
        const { key, interestIds } = userOf(worker);
        const on = tagged.get(worker) ?? false;
        const data = {
          ownerId: benchUser(key).aadObjectId,
          interestId: interestIds[0],
          tagsBefore: on ? ['askMeAbout'] : [],
          collaborationTags: on ? '' : 'askMeAbout',
        };
        const latency = await timed(async () => invokeCard(await bot.act(benchUser(key), `a:${key}`, CARD_VERBS.saveTags, data)));
        tagged.set(worker, !on);
        return [latency];
      };
    },
    'full add dialog (7 turns)': () => async (worker) => {
      // A new name and conversation every time: a name already taken would turn the dialog into "tag it instead?".
      const dialog = (addDialogs += 1);
      const user = benchUser(`bench-add-${worker}`);
      const conversation = `a:add-${dialog}`;
      const latencies: number[] = [];
      let summary: unknown;
      for (const text of [`add Hobby ${dialog}`, 'skip', 'skip', 'skip', 'skip', 'skip']) {
        latencies.push(await timed(async () => (summary = cardsOf(await bot.say(user, conversation, text))[0])));
      }
      const create = actionData(summary, CARD_VERBS.confirmAdd);
      latencies.push(await timed(async () => invokeCard(await bot.act(user, conversation, CARD_VERBS.confirmAdd, create))));
      return latencies;
    },
  };
}

export async function measureThroughput(bot: BotClient, echo: BotClient, users: readonly SeededUser[], plan: ThroughputPlan): Promise<ScenarioResult[]> {
  const steps = scenarioSteps(bot, echo, users);
  const results: ScenarioResult[] = [];
  for (const [scenario, makeStep] of Object.entries(steps)) {
    // A short warm-up so JIT compilation and first-use template parsing are not in the figures.
    await runLoad({ concurrency: 2, durationMs: 300, maxTurns: 50 }, makeStep());
    const runs: LoadResult[] = [];
    for (const concurrency of plan.concurrencyLevels) {
      const run = await runLoad({ concurrency, durationMs: plan.durationMs, maxTurns: plan.maxTurns }, makeStep());
      console.log(`  ${scenario.padEnd(28)} c=${String(concurrency).padStart(2)}  ${run.turnsPerSecond.toFixed(0).padStart(5)} turns/s  p50 ${run.p50Ms.toFixed(1)} ms  p99 ${run.p99Ms.toFixed(1)} ms${run.errors ? `  (${run.errors} errors)` : ''}`);
      runs.push(run);
    }
    results.push({ scenario, runs });
  }
  return results;
}
