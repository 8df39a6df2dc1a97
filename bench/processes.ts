/**
 * The processes the benchmark measures, each a Node process of its own on loopback: the profile service (standing in
 * for Graph), the product (its real entry point, `src/index.js`, configured only through its environment), the graph
 * floor bot and the echo bot. Long-lived ones carry the probe (`--require probe.js`), which reports CPU time and
 * memory over IPC; fresh ones for cold start are plain `node <entry>`. Every wait is bounded.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { request } from './httpClient';
import type { MemoryReport, ProbeAnswer, ProbeQuestion } from './probeProtocol';

export type BotKind = 'product' | 'floor' | 'echo';
/** The long-lived bots, and the floor of the production shape (`productionFloorBot.ts`), started by its section. */
export type LaunchKind = BotKind | 'production-floor';

const ENTRIES: Readonly<Record<LaunchKind, string>> = {
  // `BENCH_PRODUCT_ENTRY` points at another build of the product (an earlier commit's `dist/src/index.js`), so a
  // before/after is measured by the same benchmark code against the same floors.
  product: process.env.BENCH_PRODUCT_ENTRY ? path.resolve(process.env.BENCH_PRODUCT_ENTRY) : path.resolve(__dirname, '../src/index.js'),
  floor: path.join(__dirname, 'floorBot.js'),
  echo: path.join(__dirname, 'echoBot.js'),
  'production-floor': path.join(__dirname, 'productionFloorBot.js'),
};
const PROBE = path.join(__dirname, 'probe.js');
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const PROBE_TIMEOUT_MS = 10_000;
/** Settings from the developer's shell that would switch the product out of local mode or away from the bench's services. */
const INHERITED_SETTINGS_TO_DROP = /^(MICROSOFT_APP_|SSO_|BOT_DOMAIN|STORAGE_|GRAPH_|PROFILE_SERVICE_|TOKEN_CACHE_|AUTHORITY_HOST|PORT$|HOST$|LOG_LEVEL$)/;
let emptyCwd: string | undefined;

/** An empty working directory, so the product finds no `.env` file: the environment below is its whole configuration. */
function emptyWorkingDirectory(): string {
  if (emptyCwd) return emptyCwd;
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cwd-'));
  process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }));
  emptyCwd = made;
  return made;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const everyProcess = new Set<BenchProcess>();

/** Last resort (the run's own time bound): kills every process the benchmark started that still runs. */
export function killEveryProcess(): void {
  for (const started of everyProcess) if (started.running) started.child.kill('SIGKILL');
}

/** A child process, with the probe's answers when it carries the probe. */
export class BenchProcess {
  private nextQuestion = 0;
  private readonly pending = new Map<number, (answer: ProbeAnswer) => void>();
  private stderr = '';

  constructor(readonly child: ChildProcess) {
    everyProcess.add(this);
    child.once('exit', () => everyProcess.delete(this));
    child.on('message', (message: unknown) => {
      const answer = message as Partial<ProbeAnswer>;
      if (typeof answer.id !== 'number') return;
      this.pending.get(answer.id)?.(answer as ProbeAnswer);
      this.pending.delete(answer.id);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-2_000);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process exited with, for a report (undefined while it runs). */
  get exit(): string | undefined {
    if (this.running) return undefined;
    return this.child.signalCode ? `killed by ${this.child.signalCode}` : `exit code ${String(this.child.exitCode)}`;
  }

  /** The end of what the process wrote to stderr. */
  get stderrTail(): string {
    return this.stderr.trim();
  }

  private ask(ask: ProbeQuestion['ask']): Promise<ProbeAnswer> {
    const id = (this.nextQuestion += 1);
    return new Promise<ProbeAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The process did not answer '${ask}' within ${PROBE_TIMEOUT_MS} ms`));
      }, PROBE_TIMEOUT_MS);
      this.pending.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.child.send({ id, ask } satisfies ProbeQuestion);
    });
  }

  /** CPU time (user + system, µs) the process has used so far. */
  async cpuMicros(): Promise<number> {
    const answer = await this.ask('cpu');
    return 'cpuMicros' in answer ? answer.cpuMicros : Number.NaN;
  }

  async memory(): Promise<MemoryReport> {
    const answer = await this.ask('memory');
    if (!('rssBytes' in answer)) throw new Error('The process answered the memory question with something else');
    return answer;
  }

  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    if (await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)])) return;
    this.child.kill('SIGKILL');
    await Promise.race([exited, sleep(2_000)]);
  }
}

export interface ProfileServiceReady {
  readonly url: string;
  readonly graphBaseUrl: string;
}

export function startProfileService(): Promise<{ process: BenchProcess; ready: ProfileServiceReady }> {
  return startStandIn<ProfileServiceReady>('profile service', 'profileServiceProcess.js');
}

/**
 * A stand-in in a process of its own (`bench/<file>`, carrying the probe, so its CPU is measured apart), ready once
 * it sends `{ ready: … }` over IPC.
 */
export async function startStandIn<Ready>(name: string, file: string, env: Readonly<Record<string, string>> = {}): Promise<{ process: BenchProcess; ready: Ready }> {
  const child = fork(path.join(__dirname, file), [], { env: { ...process.env, ...env }, execArgv: ['--expose-gc', '--require', PROBE], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const standIn = new BenchProcess(child);
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The ${name} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.once('exit', () => reject(new Error(`The ${name} exited before it was ready: ${standIn.stderrTail}`)));
    child.on('message', (message: unknown) => {
      const ready = (message as { ready?: Ready }).ready;
      if (!ready) return;
      clearTimeout(timer);
      resolve(ready);
    });
  });
  child.removeAllListeners('exit');
  return { process: standIn, ready };
}

export interface LaunchOptions {
  readonly graphBaseUrl: string;
  /** Long-lived processes carry the probe; fresh ones for cold start do not, so nothing extra is loaded. */
  readonly probe: boolean;
  /** Settings over the bench's own (e.g. Blob storage and a short record lifetime for `storageGrowth.ts`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Modules loaded with `--require` before the entry point (besides the probe), e.g. `loopbackEntra.js`. */
  readonly preload?: readonly string[];
}

export interface LaunchedBot {
  readonly kind: LaunchKind;
  readonly process: BenchProcess;
  readonly url: string;
  /** From spawning the process to the first 200 from `/healthz` (ms). */
  readonly healthyAfterMs: number;
}

function environmentFor(port: number, graphBaseUrl: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS_TO_DROP.test(name)));
  // Errors only, as a production bot would log at a quiet level, so logging does not dominate the figures.
  return { ...inherited, PORT: String(port), HOST: '127.0.0.1', GRAPH_BASE_URL: graphBaseUrl, LOG_LEVEL: 'error', STORAGE_KIND: 'memory' };
}

/** Starts a bot and waits until `/healthz` answers 200 (polled every few ms, so the start time is exact to a few ms). */
export async function launchBot(kind: LaunchKind, options: LaunchOptions): Promise<LaunchedBot> {
  const port = await freePort();
  const env = { ...environmentFor(port, options.graphBaseUrl), ...options.env };
  const cwd = emptyWorkingDirectory();
  const preload = (options.preload ?? []).flatMap((file) => ['--require', path.join(__dirname, file)]);
  const startedAt = performance.now();
  const child = options.probe
    ? fork(ENTRIES[kind], [], { cwd, env, execArgv: ['--expose-gc', '--require', PROBE, ...preload], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    : spawn(process.execPath, [...preload, ENTRIES[kind]], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const bench = new BenchProcess(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = startedAt + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (!bench.running) throw new Error(`The ${kind} bot exited before it answered /healthz (${bench.exit}): ${bench.stderrTail.slice(-400)}`);
    const healthy = await request({ method: 'GET', url: `${url}/healthz`, timeoutMs: 1_000 }).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (healthy) return { kind, process: bench, url, healthyAfterMs: performance.now() - startedAt };
    await sleep(2);
  }
  await bench.stop();
  throw new Error(`The ${kind} bot did not answer /healthz within ${START_TIMEOUT_MS} ms`);
}

/** Resident set size now and the kernel's peak (`VmHWM`) for a process, from /proc; undefined once it has exited. */
export function procMemory(pid: number): { rssBytes: number; peakRssBytes: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    const figures = { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
    // A process that has exited but is not yet reaped (a zombie) has no memory lines.
    return Number.isFinite(figures.rssBytes) && Number.isFinite(figures.peakRssBytes) ? figures : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    throw error;
  }
}

/** Resets the kernel's peak RSS of a process to its current RSS (Linux `clear_refs`); false where that is not possible. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error) return false;
    throw error;
  }
}
