/** A bounded closed-loop load: `concurrency` workers run turns back to back until the time or the turn budget is spent. */
export interface LoadResult {
  readonly concurrency: number;
  readonly turns: number;
  readonly errors: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface LoadOptions {
  readonly concurrency: number;
  readonly durationMs: number;
  /** Hard cap on turns, so a run stays bounded whatever the speed. */
  readonly maxTurns: number;
}

/**
 * `step(worker, iteration)` runs one unit of work for a worker and resolves with the latencies (ms) of the turns
 * it made: one for a single turn, several for a dialog.
 */
export type LoadStep = (worker: number, iteration: number) => Promise<number[]>;

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export async function runLoad(options: LoadOptions, step: LoadStep): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const startedAt = performance.now();
  const stopAt = startedAt + options.durationMs;
  const worker = async (index: number): Promise<void> => {
    for (let iteration = 0; performance.now() < stopAt && started < options.maxTurns; iteration++) {
      started += 1;
      try {
        latencies.push(...(await step(index, iteration)));
      } catch (error) {
        errors += 1;
        if (errors <= 3) console.error(`  a turn failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index)));
  const seconds = (performance.now() - startedAt) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    concurrency: options.concurrency,
    turns: latencies.length,
    errors,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

/** Times one turn. */
export async function timed(turn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await turn();
  return performance.now() - started;
}
