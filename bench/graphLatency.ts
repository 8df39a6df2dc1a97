/**
 * The bot's own overhead when Graph is slow: the profile service's latency switch adds 150 ms to every interests
 * request, and `list`, `open` and `save` run one user at a time beside their graph floors, in rotated order. The
 * overhead is the p50 turn time minus the injected 150 ms; the target compares it with the floor's, round by round.
 */
import type { BenchContext } from './context';
import { request } from './httpClient';
import { runLoad } from './load';
import { floorId, THROUGHPUT_TARGETS, type ActionKind } from './scenarios';
import type { Section, Target } from './section';
import { fixed, rotate, showSpread, spread, type Spread } from './stats';

export const INJECTED_LATENCY_MS = 150;
export const OVERHEAD_TARGET_MS = 3;
const ACTIONS: readonly ActionKind[] = ['list', 'open', 'save'];
/** Far more than the turns need; a bound, so a stuck run ends. */
const RUN_BOUND_MS = 60_000;

export interface LatencySample {
  readonly target: string;
  readonly round: number;
  readonly turns: number;
  readonly errors: number;
  readonly p50Ms: number;
}

export interface LatencyRow {
  readonly action: ActionKind;
  /** p50 minus the injected latency, product and floor. */
  readonly productOverheadMs: Spread;
  readonly floorOverheadMs: Spread;
  /** Product p50 minus floor p50, per round. */
  readonly aboveFloorMs: Spread;
  readonly errors: number;
}

export interface LatencyFigures {
  readonly injectedMs: number;
  readonly rounds: number;
  readonly turnsPerRun: number;
  readonly samples: LatencySample[];
  readonly rows: LatencyRow[];
}

/** Turns the profile service's latency switch on for the interests paths (`ms`), or off (`undefined`). */
export async function setGraphLatency(context: BenchContext, ms: number | undefined): Promise<void> {
  const url = `${context.service.ready.url}/_dev/faults`;
  const answer =
    ms === undefined
      ? await request({ method: 'DELETE', url })
      : await request({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ms, pathPattern: '/me/profile/interests' }) });
  if (answer.status >= 300) throw new Error(`The profile service refused the latency switch: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
}

export async function measureGraphLatency(context: BenchContext): Promise<LatencyFigures> {
  const { options } = context;
  const targets = THROUGHPUT_TARGETS.filter((target) => ACTIONS.some((action) => target.id === action || target.id === floorId(action)));
  const samples: LatencySample[] = [];
  await setGraphLatency(context, INJECTED_LATENCY_MS);
  try {
    for (let round = 0; round < options.latencyRounds; round++) {
      for (const target of rotate(targets, round * 2)) {
        const step = target.makeStep(context.clients[target.bot], context.users, `lat${round}`);
        await runLoad({ concurrency: 1, durationMs: RUN_BOUND_MS, maxTurns: 2 }, step);
        const run = await runLoad({ concurrency: 1, durationMs: RUN_BOUND_MS, maxTurns: options.latencyTurns }, step);
        samples.push({ target: target.id, round, turns: run.turns, errors: run.errors, p50Ms: run.p50Ms });
        console.log(`  round ${round + 1}/${options.latencyRounds} ${target.id.padEnd(12)} p50 ${fixed(run.p50Ms)} ms${run.errors ? `  (${run.errors} errors)` : ''}`);
      }
    }
  } finally {
    await setGraphLatency(context, undefined);
  }
  const rows = ACTIONS.map((action): LatencyRow => {
    const of = (id: string): LatencySample[] => samples.filter((sample) => sample.target === id);
    const product = of(action);
    const floor = of(floorId(action));
    return {
      action,
      productOverheadMs: spread(product.map((sample) => sample.p50Ms - INJECTED_LATENCY_MS)),
      floorOverheadMs: spread(floor.map((sample) => sample.p50Ms - INJECTED_LATENCY_MS)),
      aboveFloorMs: spread(product.map((sample) => sample.p50Ms - (floor.find((other) => other.round === sample.round)?.p50Ms ?? Number.NaN))),
      errors: [...product, ...floor].reduce((sum, sample) => sum + sample.errors, 0),
    };
  });
  return { injectedMs: INJECTED_LATENCY_MS, rounds: options.latencyRounds, turnsPerRun: options.latencyTurns, samples, rows };
}

export function latencyTargets(figures: LatencyFigures): Target[] {
  return figures.rows.map((row) => ({
    name: `${row.action}: p50 overhead over ${figures.injectedMs} ms of Graph latency ≤ ${OVERHEAD_TARGET_MS} ms above the floor's`,
    met: row.aboveFloorMs.median <= OVERHEAD_TARGET_MS && row.errors === 0,
    detail: `${showSpread(row.aboveFloorMs)} ms above (product ${fixed(row.productOverheadMs.median)} ms, floor ${fixed(row.floorOverheadMs.median)} ms)${row.errors ? `; ${row.errors} failed turns` : ''}`,
  }));
}

export async function graphLatencySection(context: BenchContext): Promise<Section> {
  const figures = await measureGraphLatency(context);
  const markdown = [
    `Every interests request delayed by ${figures.injectedMs} ms at the profile service; one user at a time, ${figures.turnsPerRun} turns per run, ${figures.rounds} rotated rounds. Overhead = p50 − ${figures.injectedMs} ms.`,
    '',
    '| action | product overhead ms | floor overhead ms | product above floor ms (per round) | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...figures.rows.map((row) => `| ${row.action} | ${showSpread(row.productOverheadMs)} | ${showSpread(row.floorOverheadMs)} | ${showSpread(row.aboveFloorMs)} | ${row.errors} |`),
  ];
  return { id: 'graph-latency', title: 'Overhead over a slow Graph', data: figures, markdown, targets: latencyTargets(figures) };
}
