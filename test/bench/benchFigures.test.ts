/**
 * The benchmark's arithmetic and verdicts (no timing here: the figures are made up, the rules are real): ratios are
 * taken within a round and then summarized, the rotated schedule moves every target and runs each action beside its
 * floor in alternating order, and each target is missed exactly when its figure is on the wrong side of the bound.
 */
import { coldStartTargets, type ColdStartFigures } from '../../bench/coldStart';
import { latencyTargets, type LatencyFigures } from '../../bench/graphLatency';
import { listCardCostMarkdown } from '../../bench/listCardCost';
import { ingressTargets, type IngressFigures } from '../../bench/ingressMemory';
import { parseOptions } from '../../bench/options';
import { THROUGHPUT_TARGETS } from '../../bench/scenarios';
import { median, rotate, spread } from '../../bench/stats';
import { FLAT_FACTOR, storageGrowthTargets, summarizeGrowth, type StorageGrowthFigures } from '../../bench/storageGrowth';
import { roundOrder, scheduleUnits, summarize, throughputTargets, type RunSample, type ThroughputFigures } from '../../bench/throughput';

const sample = (target: string, round: number, turnsPerSecond: number, concurrency = 1, errors = 0): RunSample => ({
  target,
  concurrency,
  round,
  position: 0,
  turns: 100,
  errors,
  turnsPerSecond,
  p50Ms: 1,
  p99Ms: 2,
  botCpuMsPerTurn: 1,
  serviceCpuMsPerTurn: 1,
  clientCpuMsPerTurn: 1,
});

const figuresOf = (samples: RunSample[], levels = [1]): ThroughputFigures => ({ rounds: 3, durationMs: 1, warmupMs: 1, samples, summaries: summarize(samples, THROUGHPUT_TARGETS, levels) });

describe('statistics', () => {
  it('takes the median of odd and even counts and ignores values that are not numbers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(spread([2, 9, 4])).toEqual({ median: 4, min: 2, max: 9 });
  });

  it('rotates the schedule so each round starts elsewhere and keeps every target', () => {
    expect(rotate(['a', 'b', 'c', 'd'], 1)).toEqual(['b', 'c', 'd', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
    expect(new Set(rotate(THROUGHPUT_TARGETS, 3))).toEqual(new Set(THROUGHPUT_TARGETS));
  });

  it('runs each action right beside its floor, first in one round and second in the next, and every target once', () => {
    const units = scheduleUnits(THROUGHPUT_TARGETS);
    const firsts = new Map<string, { floorFirst: number; productFirst: number }>();
    for (let turn = 0; turn < 6; turn++) {
      const order = roundOrder(units, turn, 1).map((target) => target.id);
      expect([...order].sort()).toEqual(THROUGHPUT_TARGETS.map((target) => target.id).sort());
      for (const action of ['list', 'open', 'save', 'tag']) {
        const [product, floor] = [order.indexOf(action), order.indexOf(`floor:${action}`)];
        expect(Math.abs(product - floor)).toBe(1);
        const count = firsts.get(action) ?? { floorFirst: 0, productFirst: 0 };
        if (floor < product) count.floorFirst++;
        else count.productFirst++;
        firsts.set(action, count);
      }
      if (turn > 0) expect(order[0]).not.toBe(roundOrder(units, turn - 1, 1)[0]?.id);
    }
    expect([...firsts.values()]).toEqual(Array.from({ length: 4 }, () => ({ floorFirst: 3, productFirst: 3 })));
  });
});

describe('throughput ratios', () => {
  it('divides within each round, then takes the median, not the ratio of the medians', () => {
    // The machine slows down in round 2: both slow together, so the per-round ratio stays 0.9.
    const samples = [sample('floor:list', 0, 100), sample('list', 0, 90), sample('floor:list', 1, 50), sample('list', 1, 45), sample('floor:list', 2, 200), sample('list', 2, 180)];
    const list = figuresOf(samples).summaries.find((row) => row.target === 'list');
    expect(list?.vsFloor?.median).toBeCloseTo(0.9);
    expect(list?.vsFloor?.min).toBeCloseTo(0.9);
    expect(list?.turnsPerSecond.median).toBe(90);
  });

  it('misses the list target when any concurrency is under 0.8× its floor', () => {
    const at = (concurrency: number, ratio: number): RunSample[] => [sample('floor:list', 0, 100, concurrency), sample('list', 0, 100 * ratio, concurrency)];
    const good = throughputTargets(figuresOf([...at(1, 0.85), ...at(8, 0.8), ...at(32, 0.9)], [1, 8, 32])).find((target) => target.name.startsWith('list'));
    const bad = throughputTargets(figuresOf([...at(1, 0.85), ...at(8, 0.79), ...at(32, 0.9)], [1, 8, 32])).find((target) => target.name.startsWith('list'));
    expect(good?.met).toBe(true);
    expect(bad?.met).toBe(false);
    expect(bad?.detail).toContain('c=8 0.79');
  });

  it('misses a target whose runs had failed turns, however fast they were', () => {
    const target = throughputTargets(figuresOf([sample('floor:open', 0, 100), sample('open', 0, 100, 1, 3)])).find((candidate) => candidate.name.startsWith('open'));
    expect(target?.met).toBe(false);
    expect(target?.detail).toContain('3 failed turns');
  });

  it('misses a target that has no floor run to compare with', () => {
    expect(throughputTargets(figuresOf([sample('save', 0, 100)])).find((target) => target.name.startsWith('save'))?.met).toBe(false);
  });
});

describe('list against a floor with the same card', () => {
  it('gives, per concurrency, the median of per-round ratios to that floor and no target', () => {
    const samples = [sample('floor:list', 0, 100, 8), sample('list', 0, 95, 8), sample('floor:list', 1, 50, 8), sample('list', 1, 40, 8), sample('floor:list', 2, 80, 8), sample('list', 2, 72, 8), sample('floor:list', 0, 200, 32), sample('list', 0, 150, 32)];
    const lines = listCardCostMarkdown({ cardBytes: 6655, rounds: 3, samples, summaries: summarize(samples, THROUGHPUT_TARGETS, [8, 32]) });
    expect(lines.find((line) => line.startsWith('| 8 |'))).toMatch(/^\| 8 \| 0\.90 \(0\.80–0\.95\) \|/);
    expect(lines.find((line) => line.startsWith('| 32 |'))).toMatch(/^\| 32 \| 0\.75 \|/);
  });
});

describe('latency, cold start and ingress verdicts', () => {
  const latency = (aboveFloorMs: number): LatencyFigures => ({
    injectedMs: 150,
    rounds: 1,
    turnsPerRun: 1,
    samples: [],
    rows: [{ action: 'list', productOverheadMs: spread([aboveFloorMs + 1]), floorOverheadMs: spread([1]), aboveFloorMs: spread([aboveFloorMs]), errors: 0 }],
  });

  it('allows 3 ms of overhead above the floor under 150 ms of Graph latency, and no more', () => {
    expect(latencyTargets(latency(3))[0]?.met).toBe(true);
    expect(latencyTargets(latency(3.1))[0]?.met).toBe(false);
  });

  it('holds cold start to 1.8× and the first list to 1.5× of the floor', () => {
    const cold = (healthz: number, firstList: number): ColdStartFigures => {
      const bot = { healthzMs: spread([1]), firstTurnMs: spread([1]), firstListMs: spread([1]) };
      return { starts: 1, samples: [], product: bot, floor: bot, healthzRatio: spread([healthz]), firstListRatio: spread([firstList]), productFirstAddTurnMs: spread([1]) };
    };
    expect(coldStartTargets(cold(1.8, 1.5)).map((target) => target.met)).toEqual([true, true]);
    expect(coldStartTargets(cold(1.81, 1.5)).map((target) => target.met)).toEqual([false, true]);
    expect(coldStartTargets(cold(1.8, 1.51)).map((target) => target.met)).toEqual([true, false]);
  });

  it('misses the memory target at 50 MB over idle, and the liveness one for one failed poll or a dead process', () => {
    const ingress = (increaseBytes: number, failed: number, aliveAfter: boolean): IngressFigures => ({
      idleRssBytes: 100e6,
      peakRssBytes: 100e6 + increaseBytes,
      increaseBytes,
      killed: false,
      bodies: [],
      healthz: { polls: 10, failed, slowestMs: 5 },
      aliveAfter,
      exit: aliveAfter ? undefined : 'exit code 1',
    });
    expect(ingressTargets(ingress(49e6, 0, true)).map((target) => target.met)).toEqual([true, true]);
    expect(ingressTargets(ingress(50e6, 0, true))[0]?.met).toBe(false);
    expect(ingressTargets(ingress(1e6, 1, true))[1]?.met).toBe(false);
    expect(ingressTargets(ingress(1e6, 0, false))[1]?.met).toBe(false);
  });
});

describe('options', () => {
  it('reads --quick, numbers in either form, and the sections to run', () => {
    const options = parseOptions(['--quick', '--rounds', '3', '--cold-starts=4', '--only=throughput,cold-start'], {});
    expect(options).toMatchObject({ quick: true, rounds: 3, coldStarts: 4 });
    expect([...(options.only ?? [])]).toEqual(['throughput', 'cold-start']);
    expect(parseOptions([], { BENCH_ROUNDS: '2' }).rounds).toBe(2);
    expect(parseOptions([], {}).concurrencyLevels).toEqual([1, 8, 32]);
  });

  it('refuses unknown flags and nonsense numbers instead of running something else', () => {
    expect(() => parseOptions(['--round=3'], {})).toThrow(/Unknown option --round/);
    expect(() => parseOptions(['--rounds=0'], {})).toThrow(/at least 1/);
    expect(() => parseOptions(['fast'], {})).toThrow(/Unknown argument/);
  });
});

describe('storage growth verdict', () => {
  /** One sample a second over a 30 s run, counts from `countAt(second)`. */
  const run = (countAt: (second: number) => number, failedActions = 0): StorageGrowthFigures => ({
    storage: 'blob (Azurite)',
    lifetimeSeconds: 5,
    concurrency: 16,
    actions: 10_000,
    failedActions,
    durationMs: 30_000,
    samples: [{ atMs: -1, blobs: 16, records: 0 }, ...Array.from({ length: 31 }, (_, second) => ({ atMs: second * 1000, blobs: countAt(second), records: countAt(second) - 16 }))],
  });
  const level = (second: number): number => 16 + Math.min(second, 8) * 50;

  it('reports start, peak, end and the peaks of the first and last thirds', () => {
    const summary = summarizeGrowth(run(level));
    expect(summary).toMatchObject({ start: 16, peak: 416, end: 416, earlyPeak: 416, latePeak: 416 });
    expect(summary.samplesPerThird).toBeGreaterThanOrEqual(10);
  });

  it('is met when the count levels off after the first lifetimes, even with some wobble', () => {
    const wobbling = (second: number): number => level(second) + (second % 3) * 40;
    expect(storageGrowthTargets(run(wobbling))[0]?.met).toBe(true);
  });

  it('is missed when the count keeps growing with the actions', () => {
    const growing = (second: number): number => 16 + second * 330;
    const [target] = storageGrowthTargets(run(growing));
    expect(target?.met).toBe(false);
    expect(target?.detail).toContain('late peak');
  });

  it('is missed exactly when the late peak or the end passes FLAT_FACTOR times the early peak', () => {
    const earlyPeak = level(10);
    const endingAt = (end: number) => (second: number): number => (second === 30 ? end : level(second));
    expect(storageGrowthTargets(run(endingAt(Math.floor(FLAT_FACTOR * earlyPeak))))[0]?.met).toBe(true);
    expect(storageGrowthTargets(run(endingAt(Math.floor(FLAT_FACTOR * earlyPeak) + 1)))[0]?.met).toBe(false);
  });

  it('is missed when an action failed or a third holds too few samples, whatever the counts', () => {
    expect(storageGrowthTargets(run(level, 1))[0]).toMatchObject({ met: false, detail: expect.stringContaining('not measurable') });
    const short: StorageGrowthFigures = { ...run(level), durationMs: 3_000, samples: run(level).samples.slice(0, 5) };
    expect(storageGrowthTargets(short)[0]?.met).toBe(false);
  });
});
