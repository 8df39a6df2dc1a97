/** Child process: the local profile service (standing in for Graph) on a free loopback port, with a temp data dir. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startProfileService } from '../profileService/server';
import { serveChild } from './childProcess';

export interface ProfileServiceReady {
  readonly url: string;
  readonly graphBaseUrl: string;
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-profile-'));
  const service = await startProfileService({ port: 0, dataDir });
  serveChild({ url: service.url, graphBaseUrl: service.graphBaseUrl } satisfies ProfileServiceReady, async () => {
    await service.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
}

main().catch((error: unknown) => {
  console.error('The profile service process failed to start', error);
  process.exit(1);
});
