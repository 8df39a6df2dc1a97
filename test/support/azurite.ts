/**
 * A real Azure Blob Storage emulator for tests: `azurite-blob` (installed as a dev dependency) on a free loopback
 * port, data in memory only, stopped by `stop()`. Nothing else needs to be running.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopChild, waitForListeningPort } from './childServer';

/** The emulator's fixed, publicly documented development account (not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const LISTENING_LINE = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 20_000;

export interface RunningAzurite {
  readonly port: number;
  /** The emulator's process id (the benchmark reads its CPU time from /proc). */
  readonly pid: number | undefined;
  /** The emulator's standard connection string, pointing at this instance's port. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`
  );
}

export async function startAzurite(): Promise<RunningAzurite> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  // Found through module resolution, so it also starts from the compiled bench (dist/test/support).
  const executable = path.resolve(path.dirname(require.resolve('azurite/package.json')), '../.bin/azurite-blob');
  // Port 0: the emulator picks a free port and prints it, so there is no race between choosing and binding.
  const child = spawn(
    executable,
    ['--blobHost', '127.0.0.1', '--blobPort', '0', '--silent', '--skipApiVersionCheck', '--loose', '--inMemoryPersistence', '--extentMemoryLimit', '64', '--disableTelemetry'],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let port: number;
  try {
    port = await waitForListeningPort(child, 'azurite-blob', LISTENING_LINE, START_TIMEOUT_MS);
  } catch (error) {
    await stopChild(child);
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    pid: child.pid,
    connectionString: azuriteConnectionString(port),
    async stop() {
      await stopChild(child);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
