/**
 * Throughput, latency and CPU per turn of every target (echo, the graph floor per action, the product's actions),
 * measured fairly: the targets run in an order rotated from round to round, each run after a short warm-up burst
 * (a process that sat idle runs slower at first), and a product/floor ratio is taken within one round and
 * concurrency, then summarized as the median of those per-round ratios with their min–max. An action and its floor
 * always run back to back, the floor first in one round and the product first in the next, so neither is always
 * the one measured after the other.
 */
import type { BotClient } from './botClient';
import type { BenchContext } from './context';
import { runLoad, type LoadResult } from './load';
import { populationShape, type PopulationShape } from './population';
import type { BenchProcess, BotKind } from './processes';
import { ECHO_ID, floorId, THROUGHPUT_TARGETS, type ActionKind, type BenchTarget } from './scenarios';
import type { Section, Target } from './section';
import { fixed, rotate, showSpread, spread, type Spread } from './stats';

export interface RunSample {
  readonly target: string;
  readonly concurrency: number;
  readonly round: number;
  /** Place in the round's order at this concurrency (0 = first). */
  readonly position: number;
  readonly turns: number;
  readonly errors: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time per turn (ms) of the bot process, of the profile service, and of the load generator. */
  readonly botCpuMsPerTurn: number;
  readonly serviceCpuMsPerTurn: number;
  readonly clientCpuMsPerTurn: number;
}

export interface TargetSummary {
  readonly target: string;
  readonly label: string;
  readonly concurrency: number;
  readonly turnsPerSecond: Spread;
  readonly p50Ms: Spread;
  readonly p99Ms: Spread;
  readonly botCpuMsPerTurn: Spread;
  readonly serviceCpuMsPerTurn: Spread;
  readonly clientCpuMsPerTurn: Spread;
  readonly errors: number;
  /** Per-round ratio to the echo bot, and to this action's graph floor (product actions only). */
  readonly vsEcho: Spread;
  readonly vsFloor: Spread | undefined;
}

export interface ThroughputFigures {
  /** The users the load went through (see `population.ts`). */
  readonly population: PopulationShape;
  readonly rounds: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly samples: RunSample[];
  readonly summaries: TargetSummary[];
}

export const FLOOR_RATIO_TARGET = 0.8;

/** A bot under load: the client that talks to it and its process (for its CPU time). */
export interface LoadedBot {
  readonly client: BotClient;
  readonly process: BenchProcess;
}

export function loadedBot(context: BenchContext, kind: BotKind): LoadedBot {
  return { client: context.clients[kind], process: context.bots[kind].process };
}

/** What every run sample says of its place in the schedule and of its load, whatever else it measures. */
export function loadFigures(target: string, concurrency: number, round: number, position: number, run: LoadResult): Omit<RunSample, 'botCpuMsPerTurn' | 'serviceCpuMsPerTurn' | 'clientCpuMsPerTurn'> {
  return { target, concurrency, round, position, turns: run.turns, errors: run.errors, turnsPerSecond: run.turnsPerSecond, p50Ms: run.p50Ms, p99Ms: run.p99Ms };
}

/** One measured run of `target` on `loaded`, after a warm-up burst of the same work. */
export async function measureRun(context: BenchContext, target: BenchTarget, loaded: LoadedBot, concurrency: number, round: number, position: number): Promise<RunSample> {
  const { options } = context;
  const { client, process: bot } = loaded;
  const service = context.service.process;
  const runKey = `r${round}c${concurrency}`;
  const step = target.makeStep(client, context.users, runKey);
  await runLoad({ concurrency, durationMs: options.warmupMs, maxTurns: options.maxTurns }, step);
  const [botBefore, serviceBefore] = await Promise.all([bot.cpuMicros(), service.cpuMicros()]);
  const clientBefore = process.cpuUsage();
  const run: LoadResult = await runLoad({ concurrency, durationMs: options.durationMs, maxTurns: options.maxTurns }, step);
  const clientCpu = process.cpuUsage(clientBefore);
  const [botAfter, serviceAfter] = await Promise.all([bot.cpuMicros(), service.cpuMicros()]);
  const perTurn = (micros: number): number => (run.turns > 0 ? micros / 1000 / run.turns : Number.NaN);
  return {
    ...loadFigures(target.id, concurrency, round, position, run),
    botCpuMsPerTurn: perTurn(botAfter - botBefore),
    serviceCpuMsPerTurn: perTurn(serviceAfter - serviceBefore),
    clientCpuMsPerTurn: perTurn(clientCpu.user + clientCpu.system),
  };
}

/** The median of `numerator / denominator` taken round by round (same concurrency), with min–max; of throughput unless `pick` says otherwise. */
export function perRoundRatio(samples: readonly RunSample[], numerator: string, denominator: string, concurrency: number, pick: (sample: RunSample) => number = (sample) => sample.turnsPerSecond): Spread {
  const ratios = samples
    .filter((sample) => sample.target === numerator && sample.concurrency === concurrency)
    .map((sample) => {
      const base = samples.find((other) => other.target === denominator && other.concurrency === concurrency && other.round === sample.round);
      return base ? pick(sample) / pick(base) : Number.NaN;
    });
  return spread(ratios);
}

export function summarize(samples: readonly RunSample[], targets: readonly BenchTarget[], levels: readonly number[]): TargetSummary[] {
  return targets.flatMap((target) =>
    levels.map((concurrency): TargetSummary => {
      const mine = samples.filter((sample) => sample.target === target.id && sample.concurrency === concurrency);
      const of = (pick: (sample: RunSample) => number): Spread => spread(mine.map(pick));
      return {
        target: target.id,
        label: target.label,
        concurrency,
        turnsPerSecond: of((sample) => sample.turnsPerSecond),
        p50Ms: of((sample) => sample.p50Ms),
        p99Ms: of((sample) => sample.p99Ms),
        botCpuMsPerTurn: of((sample) => sample.botCpuMsPerTurn),
        serviceCpuMsPerTurn: of((sample) => sample.serviceCpuMsPerTurn),
        clientCpuMsPerTurn: of((sample) => sample.clientCpuMsPerTurn),
        errors: mine.reduce((sum, sample) => sum + sample.errors, 0),
        vsEcho: perRoundRatio(samples, target.id, ECHO_ID, concurrency),
        vsFloor: target.floor ? perRoundRatio(samples, target.id, target.floor, concurrency) : undefined,
      };
    }),
  );
}

/**
 * The units a round is made of: each action with its floor (floor first), every other target alone. A pair is
 * never split, so its ratio compares two runs made back to back.
 */
export function scheduleUnits(targets: readonly BenchTarget[]): BenchTarget[][] {
  const ids = new Set(targets.map((target) => target.id));
  const productOf = new Map(targets.flatMap((target) => (target.floor !== undefined && ids.has(target.floor) ? [[target.floor, target] as const] : [])));
  const paired = new Set(productOf.values());
  return targets.filter((target) => !paired.has(target)).map((target) => {
    const product = productOf.get(target.id);
    return product ? [target, product] : [target];
  });
}

/**
 * The order of one round at one concurrency level: the units rotated by `turn` × `shift`, so over the rounds every
 * unit runs early and late alike; within a pair the floor runs first when `turn` is even, the product when it is odd.
 */
export function roundOrder<T>(units: readonly (readonly T[])[], turn: number, shift: number): T[] {
  return rotate(units, turn * shift).flatMap((unit) => (turn % 2 === 0 ? [...unit] : [...unit].reverse()));
}

/** Every target in `targets` at every concurrency of `levels`, over `rounds` rotated rounds (each action beside its floor). */
export async function measureRounds(context: BenchContext, targets: readonly BenchTarget[], levels: readonly number[], rounds: number): Promise<RunSample[]> {
  const samples: RunSample[] = [];
  const units = scheduleUnits(targets);
  const shift = Math.max(1, Math.floor(units.length / rounds));
  for (let round = 0; round < rounds; round++) {
    for (const [levelIndex, concurrency] of levels.entries()) {
      const order = roundOrder(units, round + levelIndex, shift);
      for (const [position, target] of order.entries()) {
        const sample = await measureRun(context, target, loadedBot(context, target.bot), concurrency, round, position);
        samples.push(sample);
        console.log(
          `  round ${round + 1}/${rounds} c=${String(concurrency).padStart(2)} ${target.id.padEnd(12)} ${fixed(sample.turnsPerSecond, 0).padStart(5)} turns/s  p50 ${fixed(sample.p50Ms)} ms  bot CPU ${fixed(sample.botCpuMsPerTurn, 2)} ms/turn${sample.errors ? `  (${sample.errors} errors)` : ''}`,
        );
      }
    }
  }
  return samples;
}

/** The echo reference and the targets `--actions` names (all when absent), each product action with its floor. */
export function chosenTargets(actions: ReadonlySet<string> | undefined): readonly BenchTarget[] {
  if (!actions) return THROUGHPUT_TARGETS;
  const floors = new Set(THROUGHPUT_TARGETS.filter((target) => actions.has(target.id) && target.floor).map((target) => target.floor));
  return THROUGHPUT_TARGETS.filter((target) => target.id === ECHO_ID || actions.has(target.id) || floors.has(target.id));
}

export async function measureThroughput(context: BenchContext): Promise<ThroughputFigures> {
  const { options } = context;
  const targets = chosenTargets(options.actions);
  const samples = await measureRounds(context, targets, options.concurrencyLevels, options.rounds);
  return {
    population: populationShape(context.users.map((user) => user.interestIds.length)),
    rounds: options.rounds,
    durationMs: options.durationMs,
    warmupMs: options.warmupMs,
    samples,
    summaries: summarize(samples, targets, options.concurrencyLevels),
  };
}

/** The load in a sentence, for the report. */
export function describePopulation(population: PopulationShape): string {
  return `Realistic load: ${population.users} users, ${population.interests} interests in all (${population.withoutInterests} users with none, median ${population.median}, at most ${population.max}), names and descriptions of varied length; turns go to the users in turn, each user about once per pass, so no card the product keeps is reused more than in a tenant. The product and its floor go through the same users in the same order.`;
}

const ACTIONS_WITH_FLOOR: readonly ActionKind[] = ['list', 'open', 'save', 'tag'];

export function throughputTargets(figures: ThroughputFigures): Target[] {
  const measured = ACTIONS_WITH_FLOOR.filter((action) => figures.summaries.some((summary) => summary.target === action));
  return measured.map((action): Target => {
    const rows = figures.summaries.filter((summary) => summary.target === action);
    const floor = THROUGHPUT_TARGETS.find((target) => target.id === action)?.floor ?? floorId(action);
    const ratios = rows.map((row) => row.vsFloor?.median ?? Number.NaN);
    const errors = rows.reduce((sum, row) => sum + row.errors, 0) + figures.summaries.filter((summary) => summary.target === floor).reduce((sum, row) => sum + row.errors, 0);
    const met = ratios.length > 0 && ratios.every((ratio) => ratio >= FLOOR_RATIO_TARGET) && errors === 0;
    const detail = `${rows.map((row) => `c=${row.concurrency} ${row.vsFloor ? showSpread(row.vsFloor, 2) : '–'}×`).join(', ')}${errors ? `; ${errors} failed turns` : ''}`;
    const levels = rows.map((row) => row.concurrency).join('/');
    return { name: `${action} ≥ ${FLOOR_RATIO_TARGET}× its graph floor's throughput at c=${levels}, realistic load (median of per-round ratios)`, met, detail };
  });
}

export function throughputMarkdown(figures: ThroughputFigures): string[] {
  const lines = [
    describePopulation(figures.population),
    '',
    `${figures.rounds} rounds, each target ${figures.durationMs} ms per run after a ${figures.warmupMs} ms warm-up burst, in rotated order, each action back to back with its floor (which of the two goes first alternates). Medians over the rounds, min–max in brackets; ratios are taken within each round, then their median.`,
    '',
    '| target | c | turns/s | p50 ms | p99 ms | × floor | × echo | bot CPU ms/turn | profile service CPU ms/turn | client CPU ms/turn | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of figures.summaries) {
    lines.push(
      `| ${row.label} | ${row.concurrency} | ${showSpread(row.turnsPerSecond, 0)} | ${showSpread(row.p50Ms)} | ${fixed(row.p99Ms.median)} | ${row.vsFloor ? showSpread(row.vsFloor, 2) : ''} | ${fixed(row.vsEcho.median, 2)} | ${fixed(row.botCpuMsPerTurn.median, 2)} | ${fixed(row.serviceCpuMsPerTurn.median, 2)} | ${fixed(row.clientCpuMsPerTurn.median, 2)} | ${row.errors} |`,
    );
  }
  return lines;
}

export async function throughputSection(context: BenchContext): Promise<Section> {
  const figures = await measureThroughput(context);
  return { id: 'throughput', title: 'Throughput against the graph floor', data: figures, markdown: throughputMarkdown(figures), targets: throughputTargets(figures) };
}
