import { promises as fs } from 'node:fs';
import path from 'node:path';

const TEMP_SUFFIX = '.tmp';

/**
 * One JSON file written atomically (temp file, fsync, rename), so a crash never leaves a half-written file.
 * Saves are serialized and coalesced: a save requested while another is being written waits for it, then one
 * write takes a fresh snapshot for every caller that asked in the meantime. A save resolves only once the
 * snapshot that includes the caller's change is durable on disk.
 */
export class AtomicJsonFile {
  private lastWrite: Promise<void> = Promise.resolve();
  private queuedWrite: Promise<void> | undefined;
  private tempCounter = 0;

  constructor(
    readonly filePath: string,
    private readonly snapshot: () => unknown,
  ) {}

  /** The parsed contents, or `undefined` when the file does not exist yet. */
  static async read(filePath: string): Promise<unknown> {
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return JSON.parse(text);
  }

  /** Temp files left by a process that died mid-write hold nothing the real file lacks. */
  static async removeLeftoverTempFiles(filePath: string): Promise<void> {
    const directory = path.dirname(filePath);
    const prefix = `${path.basename(filePath)}.`;
    const names = await fs.readdir(directory);
    await Promise.all(
      names.filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)).map((name) => fs.rm(path.join(directory, name), { force: true })),
    );
  }

  save(): Promise<void> {
    if (this.queuedWrite) return this.queuedWrite;
    const write = (): Promise<void> => {
      this.queuedWrite = undefined;
      return this.writeSnapshot();
    };
    // Runs after the previous write whether it succeeded or not; its failure went to its own callers.
    const next = this.lastWrite.then(write, write);
    this.queuedWrite = next;
    this.lastWrite = next;
    return next;
  }

  /** Resolves when every requested save has finished (successfully or not). */
  settled(): Promise<void> {
    return this.lastWrite.then(
      () => undefined,
      () => undefined,
    );
  }

  private async writeSnapshot(): Promise<void> {
    const text = JSON.stringify(this.snapshot(), null, 2);
    this.tempCounter += 1;
    const tempPath = `${this.filePath}.${process.pid}.${this.tempCounter}${TEMP_SUFFIX}`;
    try {
      const handle = await fs.open(tempPath, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tempPath, this.filePath);
    } catch (error) {
      await fs.rm(tempPath, { force: true });
      throw error;
    }
  }
}
