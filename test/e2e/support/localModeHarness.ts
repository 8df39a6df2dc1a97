import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PersonInterest } from '@microsoft/microsoft-graph-types-beta';
import { loadConfig } from '../../../src/config';
import { startLocalMode, type RunningLocalMode } from '../../../localMode/localMode';
import { PLAYGROUND_USER } from '../../../localMode/playground';
import { createLogger } from '../../../src/logger';

export const TEST_OUTPUT_DIR = path.resolve(__dirname, '../../../test-output');

export interface LocalModeHarness {
  readonly local: RunningLocalMode;
  /** What the local profile service has stored for the Playground's user. */
  storedInterests(): PersonInterest[];
  storedInterest(displayName: string): PersonInterest | undefined;
  /** Stops everything, removes the temporary data and keeps the log in `test-output/`. */
  stop(): Promise<void>;
}

/**
 * Local mode exactly as `npm run dev` starts it (`startLocalMode`), on free ports with a throw-away data directory.
 * `env` adds settings (`LOCAL_LOCALE`, say). Its log lines are kept and written to `test-output/<name>.log`, so a failed run can be read afterwards.
 */
export async function startLocalModeHarness(name: string, env: Record<string, string> = {}): Promise<LocalModeHarness> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'local-mode-e2e-'));
  const logLines: string[] = [];
  const config = loadConfig(
    { PORT: '0', PROFILE_SERVICE_PORT: '0', PLAYGROUND_PORT: '0', PROFILE_SERVICE_DATA_DIR: path.join(workDir, 'data'), LOG_LEVEL: 'debug', ...env },
    null,
  );
  const logger = createLogger({ level: 'debug', name, sink: (_level, line) => logLines.push(line) });
  const saveLog = async (): Promise<void> => {
    await mkdir(TEST_OUTPUT_DIR, { recursive: true });
    await writeFile(path.join(TEST_OUTPUT_DIR, `${name}.log`), logLines.join('\n') + '\n');
  };

  let local: RunningLocalMode;
  try {
    local = await startLocalMode({ config, logger, playgroundLogDir: path.join(workDir, 'devTools') });
  } catch (error) {
    await saveLog();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  const storedInterests = (): PersonInterest[] => local.profileService.store.listInterests(PLAYGROUND_USER.aadObjectId);
  return {
    local,
    storedInterests,
    storedInterest: (displayName) => storedInterests().find((interest) => interest.displayName === displayName),
    async stop() {
      try {
        await local.stop();
      } finally {
        await saveLog();
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}
