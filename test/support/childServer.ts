/**
 * A local server started as a child process for tests (the storage emulators): wait for the line that says which
 * port it listens on, and stop it.
 */
import type { ChildProcess } from 'node:child_process';

/** Resolves with the port the child prints in `listening` (its first group), or fails with what it printed. */
export function waitForListeningPort(child: ChildProcess, name: string, listening: RegExp, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match?.[1]) {
        cleanUp();
        // Nobody reads on from here: keep the pipes flowing so the server never blocks on a full one.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`${name} exited (${String(code)}) before listening:\n${output}`));
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

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
