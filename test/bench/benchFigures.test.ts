/**
 * The benchmark's arithmetic and verdicts (no timing here: the figures are made up, the rules are real): ratios are
 * taken within a round and then summarized, the rotated schedule moves every target and runs each action beside its
 * floor in alternating order, and each target is missed exactly when its figure is on the wrong side of the bound.
 */
import { coldStartTargets, type ColdStartFigures } from '../../bench/coldStart';
import { latencyTargets, type LatencyFigures } from '../../bench/graphLatency';
import { answerLanguage, ENGLISH, fixedWordsOf, GERMAN, LANGUAGE_RATIO_TARGET, languageMarkdown, languageTargetId, languageTargets, summarizeLanguages, type AnswerLanguage, type LanguageAction, type LanguageFigures } from '../../bench/languageCost';
import { listCardCostMarkdown } from '../../bench/listCardCost';
import { ingressTargets, type IngressFigures } from '../../bench/ingressMemory';
import { parseOptions } from '../../bench/options';
import { THROUGHPUT_TARGETS } from '../../bench/scenarios';
import { median, rotate, spread } from '../../bench/stats';
import { FLAT_FACTOR, storageGrowthTargets, summarizeGrowth, type StorageGrowthFigures } from '../../bench/storageGrowth';
import { chosenTargets, roundOrder, scheduleUnits, summarize, throughputTargets, type RunSample, type ThroughputFigures } from '../../bench/throughput';

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

const figuresOf = (samples: RunSample[], levels = [1]): ThroughputFigures => ({ population: { users: 300, interests: 3000, withoutInterests: 20, median: 9, max: 40 }, rounds: 3, durationMs: 1, warmupMs: 1, samples, summaries: summarize(samples, THROUGHPUT_TARGETS, levels) });

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

describe('German against English', () => {
  const cpuSample = (action: LanguageAction, german: boolean, round: number, botCpuMsPerTurn: number, errors = 0): RunSample => ({
    ...sample(languageTargetId(action, german ? GERMAN : ENGLISH), round, 100, 8, errors),
    botCpuMsPerTurn,
  });
  const inGerman: AnswerLanguage = { german: true, evidence: 'test' };
  const inEnglish: AnswerLanguage = { german: false, evidence: 'the same words as in English' };
  const answered = (answer: AnswerLanguage): Record<LanguageAction, AnswerLanguage> => ({ list: answer, open: answer, save: answer });
  /** English 1 ms per turn in every round, German `ratio` times that, for every action. */
  const figures = (ratio: number, answer = inGerman, errors = 0): LanguageFigures => {
    const samples = (['list', 'open', 'save'] as const).flatMap((action) => [cpuSample(action, false, 0, 1), cpuSample(action, true, 0, ratio, errors)]);
    return { rounds: 1, concurrency: 8, durationMs: 1, samples, rows: summarizeLanguages(samples, answered(answer), 8) };
  };

  it('divides German CPU per turn by English within each round, then takes the median, not the ratio of the medians', () => {
    // The machine slows down in round 1: both languages cost more there, the per-round ratio stays 1.02.
    const samples = [cpuSample('list', false, 0, 1), cpuSample('list', true, 0, 1.02), cpuSample('list', false, 1, 2), cpuSample('list', true, 1, 2.04), cpuSample('list', false, 2, 1.5), cpuSample('list', true, 2, 1.65)];
    const list = summarizeLanguages(samples, answered(inGerman), 8).find((row) => row.action === 'list');
    expect(list?.germanOverEnglish.median).toBeCloseTo(1.02);
    expect(list?.germanOverEnglish.min).toBeCloseTo(1.02);
    expect(list?.germanOverEnglish.max).toBeCloseTo(1.1);
    expect(list?.englishCpuMsPerTurn.median).toBe(1.5);
    expect(list?.germanCpuMsPerTurn.median).toBeCloseTo(1.65);
    expect(list?.englishTurnsPerSecond.median).toBe(100);
  });

  it(`is met at ${LANGUAGE_RATIO_TARGET}× English and missed above it, or with failed turns`, () => {
    expect(languageTargets(figures(1.05)).map((target) => target.met)).toEqual([true, true, true]);
    expect(languageTargets(figures(1.06)).map((target) => target.met)).toEqual([false, false, false]);
    const failed = languageTargets(figures(1, inGerman, 2))[0];
    expect(failed?.met).toBe(false);
    expect(failed?.detail).toContain('2 failed turns');
  });

  it('counts a run where German fell back to English as not measured, however cheap it was', () => {
    const [target] = languageTargets(figures(1, inEnglish));
    expect(target?.met).toBe(false);
    expect(target?.detail).toMatch(/^not measured: German not shipped, the bot answered in English/);
    const lines = languageMarkdown(figures(1, inEnglish));
    expect(lines.find((line) => line.startsWith('| list |'))).toContain('German not shipped, not measured');
    expect(lines.join('\n')).toContain('no German measurement');
    expect(languageMarkdown(figures(1.02)).find((line) => line.startsWith('| list |'))).toMatch(/^\| list \| German \| 1\.00 \| 1\.02 \| 1\.02 \|/);
  });

  describe('which language the bot answered in', () => {
    const card = (title: string, button: string, subtitle = 'Changed 3 Mar 2025', lang?: string): unknown => ({
      type: 'AdaptiveCard',
      ...(lang ? { lang } : {}),
      body: [
        { type: 'TextBlock', text: title, style: 'heading' },
        { type: 'TextBlock', text: subtitle },
        { type: 'Container', items: [{ type: 'TextBlock', text: 'Chess' }], selectAction: { type: 'Action.Execute', title: 'Open', verb: 'interest.open' } },
      ],
      actions: [{ type: 'Action.Execute', title: button, verb: 'list.show' }],
    });
    const english = card('Your interests', 'Next');

    it('takes the headings and buttons of a card, not its other text', () => {
      expect(fixedWordsOf(english)).toEqual(['Your interests', 'Open', 'Next']);
    });

    it('is English when the headings and buttons are the English reply’s, whatever dates or data show', () => {
      expect(answerLanguage(english, card('Your interests', 'Next', '03.03.2025'))).toEqual({ german: false, evidence: 'the same 3 headings and buttons as the English reply: "Your interests", "Open", "Next"' });
      expect(answerLanguage({ type: 'AdaptiveCard' }, { type: 'AdaptiveCard' })).toMatchObject({ german: false });
    });

    it('is German when a heading or a button differs, and says which', () => {
      const german = answerLanguage(english, card('Deine Interessen', 'Weiter'));
      expect(german.german).toBe(true);
      expect(german.evidence).toContain('"Your interests" in English is "Deine Interessen"');
      expect(answerLanguage(english, card('Your interests', 'Weiter')).german).toBe(true);
    });

    it('believes the card’s lang when it has one', () => {
      expect(answerLanguage(english, card('Your interests', 'Next', '', 'de-DE')).german).toBe(true);
      expect(answerLanguage(english, card('Deine Interessen', 'Weiter', '', 'en-US')).german).toBe(false);
    });
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

  it('cuts the throughput section down to the actions and concurrencies asked for', () => {
    const options = parseOptions(['--actions=list', '--levels', '1,32'], {});
    expect([...(options.actions ?? [])]).toEqual(['list']);
    expect(options.concurrencyLevels).toEqual([1, 32]);
    expect(parseOptions([], {}).actions).toBeUndefined();
    expect(() => parseOptions(['--levels=1,x'], {})).toThrow(/at least 1, not x/);
    expect(chosenTargets(new Set(['list'])).map((target) => target.id)).toEqual(['echo', 'floor:list', 'list']);
    expect(chosenTargets(undefined).length).toBeGreaterThan(3);
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
