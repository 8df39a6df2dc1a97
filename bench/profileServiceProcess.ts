/**
 * Child process: the local profile service (standing in for Graph) on a free loopback port, its data kept in memory
 * only. A file-backed service rewrites its whole data file on every change, so each save or delete would cost it more
 * the more earlier measurements had stored, and its CPU, on the same cores, would land in the figures of whatever ran
 * later. In memory, a write costs the same all run long, as a Graph write does.
 */
import { startProfileService } from '../profileService/server';
import type { ProfileServiceReady } from './processes';

async function main(): Promise<void> {
  const service = await startProfileService({ port: 0, dataDir: undefined });
  process.once('SIGTERM', () => {
    service.close().then(
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
