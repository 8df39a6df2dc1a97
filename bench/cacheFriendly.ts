/**
 * The earlier, cache-friendly load, kept as a figure beside the realistic one: every worker is one user listing the
 * same unchanged interests again and again, so nearly every product turn reuses a list card it kept. `list` and its
 * floor at c = 8 and 32, back to back in alternating order, over at most three rounds. **Not a target**: the
 * throughput targets are judged on the realistic load (`throughput.ts`), as in a tenant each user lists their own
 * interests, mostly once. The gap between the two `× floor` figures is what the card cache is worth.
 */
import type { BenchContext } from './context';
import { CACHE_FRIENDLY_TARGETS } from './scenarios';
import type { Section } from './section';
import { measureRounds, summarize, type TargetSummary } from './throughput';
import { fixed, showSpread } from './stats';

const LEVELS: readonly number[] = [8, 32];
const MAX_ROUNDS = 3;

export interface CacheFriendlyFigures {
  readonly rounds: number;
  readonly summaries: TargetSummary[];
}

export function cacheFriendlyMarkdown(figures: CacheFriendlyFigures): string[] {
  return [
    `Every worker one user, listing the same unchanged interests each turn (the load before the realistic one); rounds: ${figures.rounds}. **Not a target**: a figure to set beside the realistic load's \`list\`.`,
    '',
    '| target | c | turns/s | p50 ms | × floor | bot CPU ms/turn |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...figures.summaries.map(
      (row) => `| ${row.label} | ${row.concurrency} | ${showSpread(row.turnsPerSecond, 0)} | ${showSpread(row.p50Ms)} | ${row.vsFloor ? showSpread(row.vsFloor, 2) : ''} | ${fixed(row.botCpuMsPerTurn.median, 2)} |`,
    ),
  ];
}

export async function cacheFriendlySection(context: BenchContext): Promise<Section> {
  const rounds = Math.min(MAX_ROUNDS, context.options.rounds);
  const samples = await measureRounds(context, CACHE_FRIENDLY_TARGETS, LEVELS, rounds);
  const figures: CacheFriendlyFigures = { rounds, summaries: summarize(samples, CACHE_FRIENDLY_TARGETS, LEVELS) };
  return { id: 'cache-friendly', title: 'List with a cache-friendly load (not a target)', data: figures, markdown: cacheFriendlyMarkdown(figures), targets: [] };
}
