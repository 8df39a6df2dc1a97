/**
 * The built bot as a real child process (`node <build>/src/index.js`, the production entry point), configured
 * only through its environment, and a client that talks to it over HTTP at `/api/messages` with
 * `deliveryMode: 'expectReplies'`, so every reply comes back in the response body. Used to kill, restart and
 * run several instances side by side.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectorEnvelope, postActivity } from './postActivity';
import type { Activity } from 'botbuilder';

const ROOT = path.resolve(__dirname, '../..');
const START_TIMEOUT_MS = 20_000;
const BUILD_WAIT_MS = 180_000;

/** Settings that would switch the child out of local mode or away from the test's services. */
const INHERITED_SETTINGS_TO_DROP = /^(MICROSOFT_APP_|SSO_|BOT_DOMAIN|STORAGE_|GRAPH_|PROFILE_SERVICE_|PORT$|HOST$|LOG_LEVEL$)/;

/** This process's environment without the settings above, for a child that must start in plain local mode. */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS_TO_DROP.test(name)));
}

/**
 * Compiles the bot once per test run (all jest workers share it) into `dist/scale-out-test`, beside the normal
 * build, so tests never overwrite the developer's `dist/src` and the compiled files still find `node_modules`.
 * Returns the path of the compiled entry point; `SCALE_OUT_BOT_ENTRY` names an already built one instead.
 */
export async function buildBotOnce(): Promise<string> {
  const given = process.env.SCALE_OUT_BOT_ENTRY;
  if (given) return path.resolve(given);
  const runId = String(process.env.JEST_WORKER_ID ? process.ppid : process.pid);
  const outDir = path.join(ROOT, 'dist', 'scale-out-test');
  const entry = path.join(outDir, 'src', 'index.js');
  const marker = path.join(outDir, '.built-by-run');
  const builtThisRun = (): boolean => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === runId;
  if (claimBuild(outDir, runId)) {
    fs.rmSync(marker, { force: true });
    // Type errors elsewhere in the tree still emit JavaScript; what matters here is that the entry point exists.
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: ROOT }).catch(
      (error: unknown) => {
        if (!fs.existsSync(entry)) throw error;
      },
    );
    fs.writeFileSync(marker, runId);
  }
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!builtThisRun()) {
    if (Date.now() > deadline) throw new Error(`The bot build in ${outDir} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return entry;
}

/** True for the one worker of this run that should build (creating a lock folder is atomic). */
function claimBuild(outDir: string, runId: string): boolean {
  fs.mkdirSync(outDir, { recursive: true });
  const lock = path.join(outDir, `.building-${runId}`);
  try {
    fs.mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  for (const name of fs.readdirSync(outDir)) {
    if (name.startsWith('.building-') && name !== `.building-${runId}`) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
  return true;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface User {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const ALEX: User = { id: '29:alex-channel-id', aadObjectId: 'aad-alex-0001', name: 'Alex Wilber' };
const BOT = { id: '28:interests-bot', name: 'Interests' };

export interface TurnReply {
  readonly status: number;
  readonly activities: Partial<Activity>[];
}

export interface BotProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** Sends one activity (defaults: a message from Alex in his personal chat) and returns the replies. */
  send(activity: Record<string, unknown>): Promise<TurnReply>;
  say(text: string, options?: { conversationId?: string; from?: User }): Promise<TurnReply>;
  /** SIGKILL: no chance to finish or save anything. */
  kill(): Promise<void>;
  /** Sends `signal` and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited(): Promise<number | null>;
}

export interface BotProcessOptions {
  readonly entry: string;
  /** Settings for the child, e.g. STORAGE_KIND and GRAPH_BASE_URL; it starts in local mode on a free port. */
  readonly env: Record<string, string>;
}

export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const port = await freePort();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-process-'));
  const inherited = inheritedEnvironment();
  // A temporary working directory, so a developer's `.env` never reaches the child.
  const child = spawn(process.execPath, [options.entry], {
    cwd,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'debug', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exit.then(() => fs.rmSync(cwd, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, exit, () => output);

  const send = (activity: Record<string, unknown>): Promise<TurnReply> =>
    postActivity(url, connectorEnvelope({ from: ALEX, recipient: BOT, conversation: { id: 'a:personal-alex', conversationType: 'personal' }, ...activity }));

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exit;
  };

  return {
    url,
    child,
    output: () => output,
    send,
    say: (text, sayOptions = {}) =>
      send({
        type: 'message',
        text,
        from: sayOptions.from ?? ALEX,
        ...(sayOptions.conversationId ? { conversation: { id: sayOptions.conversationId, conversationType: 'personal' } } : {}),
      }),
    kill: async () => {
      await stop('SIGKILL');
    },
    stop,
    exited: () => exit,
  };
}

async function waitUntilHealthy(url: string, exit: Promise<number | null>, output: () => string): Promise<void> {
  let exitedWith: number | null | undefined;
  void exit.then((code) => (exitedWith = code));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`The bot exited (${String(exitedWith)}) while starting:\n${output()}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The bot did not answer at ${url}/healthz within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/** The plain texts among the replies. */
export function textsOf(reply: TurnReply): string[] {
  return reply.activities.flatMap((activity) => (activity.type === 'message' && typeof activity.text === 'string' ? [activity.text] : []));
}

/** Every string anywhere in the replies (texts and card contents), joined: enough to assert what was said. */
export function everythingSaid(reply: TurnReply): string {
  const walk = (node: unknown): string => {
    if (typeof node === 'string') return node;
    if (Array.isArray(node)) return node.map(walk).join(' ');
    if (node !== null && typeof node === 'object') return Object.values(node).map(walk).join(' ');
    return '';
  };
  return reply.activities
    .filter((activity) => activity.type === 'message')
    .map((activity) => walk([activity.text ?? '', activity.attachments ?? []]))
    .join('\n');
}
