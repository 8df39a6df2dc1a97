/**
 * Runs the Microsoft 365 Agents Playground (npm `@microsoft/m365agentsplayground`) as a child process: a local web
 * chat that looks and behaves like Teams and talks to the bot without Bot Framework authentication.
 *
 * Facts this module relies on (Playground 0.2.28, read from its bundled CLI):
 * - It prints `Listening on <port>` once its HTTP server is up; when the requested port is taken it silently
 *   picks another one, so the port is read from that line.
 * - Without `TEAMSAPPTESTER_BROWSER=none` it tries to open a browser and exits when none can be spawned.
 * - It hosts the connector the bot replies to at `http://localhost:<port>/_connector` (the activities'
 *   `serviceUrl`), listening on every interface.
 * - Its user comes from `.m365agentsplayground.yml` in its working directory when one exists, else from a built-in
 *   configuration; it runs in `logDir` so only the built-in user (`PLAYGROUND_USER`) is ever used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Logger } from '../src/logger';

/**
 * The Playground's signed-in user in its built-in configuration. The object id is copied verbatim: it has 13
 * digits in its last group, so it is not a well-formed GUID, and code that validates ids as GUIDs rejects it.
 */
export const PLAYGROUND_USER = Object.freeze({
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  name: 'Alex Wilber',
});

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  /** 0 picks a free port; a port in use makes the Playground pick another. */
  port: number;
  /** Working directory and log location (default `./devTools`, git-ignored). */
  logDir?: string;
  logger: Logger;
  /** How long to wait for the Playground to serve (default 60 s). */
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** The page to open, e.g. `http://127.0.0.1:56150`. */
  readonly url: string;
  readonly port: number;
  /** The Playground's own log file. */
  readonly logFile: string;
  /** Stops the Playground and everything it started; safe to call more than once. */
  stop(): Promise<void>;
}

export class PlaygroundStartError extends Error {
  override readonly name = 'PlaygroundStartError';
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_LINES_KEPT = 30;
const LISTENING_LINE = /Listening on (\d+)/;

/** The CLI script inside the installed package; resolved locally so nothing is ever downloaded. */
export function resolvePlaygroundCli(): string {
  const packageJson = require.resolve('@microsoft/m365agentsplayground/package.json');
  return path.join(path.dirname(packageJson), 'cli.js');
}

/**
 * The child's whole environment. It is built rather than inherited so that the bot's credentials never reach the
 * Playground and so that stray Playground settings in the developer's shell (`BOT_ENDPOINT`, `TEAMSAPPTESTER_PORT`,
 * proxies, a custom config path) cannot change what local mode runs.
 */
function playgroundEnvironment(logDir: string, logFile: string): NodeJS.ProcessEnv {
  const missingConfig = path.join(logDir, 'no-playground-config.yml');
  return {
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: missingConfig,
    TEAMS_APP_TEST_TOOL_CONFIG_PATH: missingConfig,
  };
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Signals the child's whole process group (it is started detached, as a group leader). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals, logger: Logger): void {
  if (child.pid === undefined || !isRunning(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group ended between the check and the signal.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') logger.warn('Could not signal the Agents Playground', { signal, error });
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (!isRunning(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Resolves with the port from the Playground's `Listening on <port>` line; rejects, quoting its last output lines,
 * when it exits, cannot be spawned or stays silent for `timeoutMs`. Its output is logged at debug level.
 */
function waitUntilListening(child: ChildProcess, timeoutMs: number, logFile: string, logger: Logger): Promise<number> {
  const recentOutput: string[] = [];
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const output = recentOutput.length > 0 ? `\n${recentOutput.join('\n')}` : '';
      reject(new PlaygroundStartError(`${message} (log: ${logFile})${output}`));
    };
    const timer = setTimeout(() => fail(`The Agents Playground did not start within ${timeoutMs} ms`), timeoutMs);
    const onLine = (stream: 'stdout' | 'stderr', line: string): void => {
      if (line.trim() === '') return;
      recentOutput.push(line);
      if (recentOutput.length > OUTPUT_LINES_KEPT) recentOutput.shift();
      logger.debug('Agents Playground output', { stream, line });
      const listening = LISTENING_LINE.exec(line);
      if (listening?.[1] && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    // readline joins chunks into whole lines, so a "Listening on" line split across two reads is still seen.
    const watch = (stream: 'stdout' | 'stderr', input: Readable | null): void => {
      if (input) createInterface({ input }).on('line', (line) => onLine(stream, line));
    };
    watch('stdout', child.stdout);
    watch('stderr', child.stderr);
    child.once('error', (error) => fail(`The Agents Playground could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`The Agents Playground exited before serving (exit code ${code ?? 'none'}, signal ${signal ?? 'none'})`));
  });
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const { logger } = options;
  const logDir = path.resolve(options.logDir ?? 'devTools');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'm365agentsplayground.log');
  const args = [resolvePlaygroundCli(), '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'];

  // Detached: Ctrl-C in the terminal reaches only the launcher, which stops the Playground in order.
  const child = spawn(process.execPath, args, { cwd: logDir, env: playgroundEnvironment(logDir, logFile), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a Playground behind, even when the launcher exits without stopping it.
  const killOnExit = (): void => signalGroup(child, 'SIGKILL', logger);
  process.once('exit', killOnExit);

  const port = await waitUntilListening(child, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, logFile, logger).catch(async (error: unknown) => {
    signalGroup(child, 'SIGKILL', logger);
    await waitForExit(child, STOP_GRACE_MS);
    process.off('exit', killOnExit);
    throw error;
  });

  if (options.port !== 0 && port !== options.port) {
    logger.warn('Port for the Agents Playground was in use; it picked another one', { requestedPort: options.port, port });
  }
  let stopping: Promise<void> | undefined;
  child.once('exit', (code, signal) => {
    if (!stopping) logger.error('The Agents Playground stopped unexpectedly', { code, signal, logFile });
  });

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      signalGroup(child, 'SIGTERM', logger);
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        logger.warn('The Agents Playground ignored SIGTERM; killing it', { pid: child.pid });
        signalGroup(child, 'SIGKILL', logger);
        await waitForExit(child, STOP_GRACE_MS);
      }
      process.off('exit', killOnExit);
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  logger.info('Agents Playground listening', { url, botEndpoint: options.botEndpoint, logFile });
  return { url, port, logFile, stop };
}
