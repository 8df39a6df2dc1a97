/**
 * How long and how often the benchmark measures. Defaults take about thirteen minutes on a 2-core machine; `--quick`
 * checks that everything runs end to end in about two (its figures are too short to quote). Flags:
 * `--quick`, `--rounds=N`, `--duration-ms=N`, `--cold-starts=N`, `--conversations=N`, `--only=id,id` (the section
 * ids printed at the start), `--actions=list,save` and `--levels=1,8` (the throughput section cut down to those
 * actions with their floors, at those concurrencies: for a before/after of one action). The same settings can come from `BENCH_ROUNDS`, `BENCH_DURATION_MS`, ... in the
 * environment; flags win.
 */
export interface BenchOptions {
  readonly quick: boolean;
  /** Rounds of the rotated throughput schedule. */
  readonly rounds: number;
  readonly concurrencyLevels: readonly number[];
  /** Length of one measured run (ms). */
  readonly durationMs: number;
  /** Warm-up burst before each run (ms), so a process that sat idle is not measured cold. */
  readonly warmupMs: number;
  /** Hard cap on turns in one run. */
  readonly maxTurns: number;
  /** Rounds and turns per run with 150 ms of injected Graph latency. */
  readonly latencyRounds: number;
  readonly latencyTurns: number;
  /** Fresh process starts per bot for the cold start. */
  readonly coldStarts: number;
  readonly conversations: number;
  /** Only these sections (undefined: all). */
  readonly only: ReadonlySet<string> | undefined;
  /** Only these throughput targets, each with its floor (undefined: all). */
  readonly actions: ReadonlySet<string> | undefined;
}

const FULL: BenchOptions = {
  quick: false,
  rounds: 7,
  concurrencyLevels: [1, 8, 32],
  durationMs: 1_000,
  warmupMs: 250,
  maxTurns: 20_000,
  latencyRounds: 3,
  latencyTurns: 12,
  coldStarts: 5,
  conversations: 10_000,
  only: undefined,
  actions: undefined,
};

const QUICK: BenchOptions = { ...FULL, quick: true, rounds: 2, durationMs: 400, warmupMs: 120, latencyRounds: 1, latencyTurns: 5, coldStarts: 2, conversations: 2_000 };

const NUMERIC = { rounds: 'rounds', 'duration-ms': 'durationMs', 'cold-starts': 'coldStarts', conversations: 'conversations' } as const;

/** `--name=value` or `--name value`. */
function flagValues(argv: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[index] ?? '');
    if (!match?.[1]) throw new Error(`Unknown argument ${argv[index] ?? ''}`);
    const next = argv[index + 1];
    if (match[2] !== undefined) values.set(match[1], match[2]);
    else if (match[1] !== 'quick' && next !== undefined && !next.startsWith('--')) {
      values.set(match[1], next);
      index += 1;
    } else values.set(match[1], 'true');
  }
  return values;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = flagValues(argv);
  const setting = (name: string): string | undefined => flags.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const quick = setting('quick') === 'true' || setting('quick') === '1';
  let options: BenchOptions = quick ? QUICK : FULL;
  for (const [flag, key] of Object.entries(NUMERIC)) {
    const raw = setting(flag);
    if (raw === undefined) continue;
    options = { ...options, [key]: wholeNumber(flag, raw) };
  }
  const only = setting('only');
  if (only) options = { ...options, only: new Set(listOf(only)) };
  const actions = setting('actions');
  if (actions) options = { ...options, actions: new Set(listOf(actions)) };
  const levels = setting('levels');
  if (levels) options = { ...options, concurrencyLevels: listOf(levels).map((raw) => wholeNumber('levels', raw)) };
  const known = new Set([...flags.keys()].filter((flag) => !['quick', 'only', 'actions', 'levels'].includes(flag) && !(flag in NUMERIC)));
  if (known.size > 0) throw new Error(`Unknown option --${[...known].join(', --')}`);
  return options;
}

const listOf = (raw: string): string[] => raw.split(',').map((item) => item.trim()).filter(Boolean);

function wholeNumber(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${flag} must be a whole number of at least 1, not ${raw}`);
  return value;
}
