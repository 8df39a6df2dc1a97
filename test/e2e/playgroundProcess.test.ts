/**
 * The Agents Playground child process on its own: it serves once `startPlayground` resolves, reports the port it
 * really uses, and is gone once `stop()` resolves.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PlaygroundStartError, startPlayground, type RunningPlayground } from '../../localMode/playground';
import { silentLogger } from '../../src/logger';

jest.setTimeout(120_000);

// Nothing answers here; the Playground only calls the bot when a page is open.
const UNUSED_BOT_ENDPOINT = 'http://127.0.0.1:9/api/messages';

function occupyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => resolve(server));
  });
}

async function isServing(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/_debug/ping`)).ok;
  } catch (error) {
    // fetch reports a refused connection as TypeError('fetch failed') with the socket error as its cause; it comes
    // from Node's realm, not jest's, so it is recognised by shape rather than instanceof.
    const cause: unknown = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
    if (typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === 'ECONNREFUSED') return false;
    throw error;
  }
}

describe('startPlayground', () => {
  let logDir: string;
  const running: RunningPlayground[] = [];

  beforeEach(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), 'playground-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((playground) => playground.stop()));
    await rm(logDir, { recursive: true, force: true });
  });

  it('serves the Playground page, logs to logDir, and is gone after stop()', async () => {
    const playground = await startPlayground({ botEndpoint: UNUSED_BOT_ENDPOINT, port: 0, logDir, logger: silentLogger });
    running.push(playground);

    expect(playground.url).toBe(`http://127.0.0.1:${playground.port}`);
    const page = await fetch(playground.url);
    expect(await page.text()).toContain('<title>Microsoft 365 Agents Playground</title>');
    expect(playground.logFile).toBe(path.join(logDir, 'm365agentsplayground.log'));
    expect(await readFile(playground.logFile, 'utf8')).toContain(`Listening on ${playground.port}`);

    await playground.stop();
    expect(await isServing(playground.url)).toBe(false);
    await expect(playground.stop()).resolves.toBeUndefined();
  });

  it('reports the port it really uses when the one asked for is taken', async () => {
    const blocker = await occupyPort();
    try {
      const takenPort = (blocker.address() as { port: number }).port;
      const playground = await startPlayground({ botEndpoint: UNUSED_BOT_ENDPOINT, port: takenPort, logDir, logger: silentLogger });
      running.push(playground);

      expect(playground.port).not.toBe(takenPort);
      expect(await isServing(playground.url)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('fails naming the Playground log when it does not serve in time', async () => {
    const starting = startPlayground({ botEndpoint: UNUSED_BOT_ENDPOINT, port: 0, logDir, logger: silentLogger, startTimeoutMs: 1 });
    await expect(starting).rejects.toThrow(PlaygroundStartError);
    await expect(starting).rejects.toThrow(path.join(logDir, 'm365agentsplayground.log'));
  });
});
