/**
 * Runs a part of the benchmark (the bot, the echo bot, the profile service) in its own Node process, so it does not
 * share an event loop with the load generator. The child says `{ ready: ... }` over IPC once it listens, and answers
 * `{ ask: 'memory' }` with its memory figures.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface MemoryReport {
  /** Resident set size now, after a full garbage collection (bytes). */
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Largest resident set size the process has had (bytes). */
  readonly peakRssBytes: number;
}

export interface RunningChild<Ready> {
  readonly ready: Ready;
  memory(): Promise<MemoryReport>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startChild<Ready>(script: string, settings: unknown): Promise<RunningChild<Ready>> {
  const child: ChildProcess = fork(path.join(__dirname, script), [JSON.stringify(settings)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${String(code)} before it was ready`)));
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      resolve((message as { ready: Ready }).ready);
    });
  });
  child.removeAllListeners('exit');
  return {
    ready,
    memory: () =>
      new Promise<MemoryReport>((resolve) => {
        child.once('message', (message: unknown) => resolve(message as MemoryReport));
        child.send({ ask: 'memory' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The child side: answers memory questions, and stops on SIGTERM after `close`. */
export function serveChild(ready: unknown, close: () => Promise<void>): void {
  process.on('message', (message: unknown) => {
    if ((message as { ask?: unknown }).ask !== 'memory') return;
    // Exposed by --expose-gc, so the figures are live data rather than garbage not yet collected.
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    const report: MemoryReport = { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
    process.send?.(report);
  });
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('A benchmark process did not stop cleanly', error);
        process.exit(1);
      },
    );
  });
  process.send?.({ ready });
}

export function settingsFromArgv<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}
