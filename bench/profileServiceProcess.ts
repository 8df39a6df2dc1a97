/**
 * Child process: the local profile service (standing in for Graph) on a free loopback port. Its data lives in a
 * temporary folder in memory (/dev/shm) where there is one: each write is flushed to disk, and on a shared machine
 * the disk's delays would otherwise land in the figures of whichever target happened to write.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startProfileService } from '../profileService/server';
import type { ProfileServiceReady } from './processes';

const MEMORY_BACKED = '/dev/shm';

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(existsSync(MEMORY_BACKED) ? MEMORY_BACKED : os.tmpdir(), 'bench-profile-'));
  const service = await startProfileService({ port: 0, dataDir });
  process.once('SIGTERM', () => {
    service
      .close()
      .then(() => fs.rm(dataDir, { recursive: true, force: true }))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('The profile service did not stop cleanly', error);
          process.exit(1);
        },
      );
  });
  process.send?.({ ready: { url: service.url, graphBaseUrl: service.graphBaseUrl } satisfies ProfileServiceReady });
}

main().catch((error: unknown) => {
  console.error('The profile service process failed to start', error);
  process.exit(1);
});
