/** What `startLocalMode` refuses, and that a failed start leaves nothing running. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { LocalModeError, startLocalMode } from '../../localMode/localMode';
import { silentLogger } from '../../src/logger';

jest.setTimeout(60_000);

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
const portOf = (server: Server): number => (server.address() as { port: number }).port;

describe('startLocalMode', () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'local-mode-'));
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('refuses to run with app credentials, because the Playground sends no Bot Framework token', async () => {
    const config = loadConfig(
      {
        MICROSOFT_APP_ID: '11111111-1111-4111-8111-111111111111',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: '22222222-2222-4222-8222-222222222222',
        BOT_DOMAIN: 'bot.example.com',
        PROFILE_SERVICE_DATA_DIR: workDir,
      },
      null,
    );
    await expect(startLocalMode({ config, logger: silentLogger })).rejects.toThrow(LocalModeError);
  });

  it('stops the profile service it already started when the bot cannot listen', async () => {
    // A port known to be free for the profile service, and one held by something else for the bot.
    const probe = await listenOn(0);
    const profileServicePort = portOf(probe);
    await close(probe);
    const blocker = await listenOn(0);
    try {
      const config = loadConfig(
        { PORT: String(portOf(blocker)), PROFILE_SERVICE_PORT: String(profileServicePort), PLAYGROUND_PORT: '0', PROFILE_SERVICE_DATA_DIR: workDir },
        null,
      );
      await expect(startLocalMode({ config, logger: silentLogger, playgroundLogDir: path.join(workDir, 'devTools') })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      // The profile service's port is free again: listening on it succeeds.
      await close(await listenOn(profileServicePort));
    } finally {
      await close(blocker);
    }
  });
});
