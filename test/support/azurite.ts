/**
 * A real Azure Blob Storage emulator for tests: `azurite-blob` (installed as a dev dependency) on a free loopback
 * port, data in memory only, stopped by `stop()`. Nothing else needs to be running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The emulator's fixed, publicly documented development account (not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const LISTENING_LINE = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 20_000;

export interface RunningAzurite {
  readonly port: number;
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
    port = await waitForPort(child);
  } catch (error) {
    await stopChild(child);
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    connectionString: azuriteConnectionString(port),
    async stop() {
      await stopChild(child);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`azurite-blob did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = LISTENING_LINE.exec(output);
      if (match?.[1]) {
        cleanUp();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`azurite-blob exited (${String(code)}) before listening:\n${output}`));
    const fail = (error: Error): void => {
      cleanUp();
      reject(error);
    };
    const cleanUp = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
