/**
 * Start-up leaves the dialog library for later: a list or a card click never needs it, and loading it (with the
 * language recognizers it brings) is about a third of the bot's start. The server loads it once it is up and
 * idle (`warmUpWhenIdle`), and a dialog turn before that loads it itself (every in-process dialog test runs so).
 */
import { execFile } from 'node:child_process';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { warmUpWhenIdle } from '../../src/edge/warmUpWhenIdle';
import { createLogger, type LogLevel } from '../../src/logger';
import { buildBotOnce, inheritedEnvironment } from '../support/botProcess';

const QUIET_MS = 60;

async function listening(handler: http.RequestListener): Promise<{ server: Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, withinMs = 5_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('warmUpWhenIdle', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('runs once, after the server has been quiet for a while', async () => {
    const started = await listening((_req, res) => res.end('ok'));
    server = started.server;
    let runs = 0;
    const since = Date.now();
    warmUpWhenIdle(server, async () => void (runs += 1), createLogger({ level: 'silent' }), QUIET_MS);
    expect(runs).toBe(0);
    await eventually(() => runs === 1);
    expect(Date.now() - since).toBeGreaterThanOrEqual(QUIET_MS - 5);
    await fetch(started.url);
    await sleep(QUIET_MS * 3);
    expect(runs).toBe(1);
  });

  it('does not run for a server closed before it was quiet long enough', async () => {
    const started = await listening((_req, res) => res.end('ok'));
    server = started.server;
    let runs = 0;
    warmUpWhenIdle(server, async () => void (runs += 1), createLogger({ level: 'silent' }), QUIET_MS);
    await new Promise((resolve) => started.server.close(resolve));
    await sleep(QUIET_MS * 3);
    expect(runs).toBe(0);
  });

  it('waits while any request is in flight, then runs once the last has been answered', async () => {
    const answers: (() => void)[] = [];
    const started = await listening((_req, res) => {
      answers.push(() => res.end('ok'));
    });
    server = started.server;
    let runs = 0;
    warmUpWhenIdle(server, async () => void (runs += 1), createLogger({ level: 'silent' }), QUIET_MS);
    // Separate connections, so both requests are in flight at once.
    const [first, second] = [fetch(started.url, { headers: { Connection: 'close' } }), fetch(started.url, { headers: { Connection: 'close' } })];
    await eventually(() => answers.length === 2);
    await sleep(QUIET_MS * 3);
    answers[0]?.();
    await first;
    await sleep(QUIET_MS * 3);
    expect(runs).toBe(0);
    answers[1]?.();
    await second;
    await eventually(() => runs === 1);
  });

  it('logs a failed warm-up as a warning and keeps serving', async () => {
    const started = await listening((_req, res) => res.end('ok'));
    server = started.server;
    const lines: { level: LogLevel; line: string }[] = [];
    warmUpWhenIdle(server, () => Promise.reject(new Error('cannot load')), createLogger({ level: 'debug', sink: (level, line) => lines.push({ level, line }) }), QUIET_MS);
    await eventually(() => lines.length > 0);
    expect(lines).toEqual([{ level: 'warn', line: expect.stringContaining('cannot load') }]);
    expect((await fetch(started.url)).status).toBe(200);
  });
});

describe('the built bot at start', () => {
  it('is listening before the dialog library is loaded, and loads it once idle', async () => {
    const built = path.dirname(await buildBotOnce());
    const script = `
      const path = require('node:path');
      const { startBotApp } = require(${JSON.stringify(path.join(built, 'app.js'))});
      const { loadConfig } = require(${JSON.stringify(path.join(built, 'config.js'))});
      const { createLogger } = require(${JSON.stringify(path.join(built, 'logger.js'))});
      const marker = path.sep + 'botbuilder-dialogs' + path.sep;
      const loaded = () => Object.keys(require.cache).some((file) => file.includes(marker));
      (async () => {
        const server = await startBotApp({ config: loadConfig(), logger: createLogger({ level: 'silent' }) });
        const atListen = loaded();
        const until = Date.now() + 20000;
        while (!loaded() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
        console.log(JSON.stringify({ atListen, afterIdle: loaded() }));
        await server.close();
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: os.tmpdir(), env: { ...inheritedEnvironment(), PORT: '0', HOST: '127.0.0.1' } });
    expect(JSON.parse(stdout.trim().split('\n').pop() ?? '')).toEqual({ atListen: false, afterIdle: true });
  }, 240_000);
});
