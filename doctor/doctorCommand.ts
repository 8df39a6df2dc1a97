/**
 * `npm run doctor`: checks the bot's production settings and prints one line per check with what to fix.
 * Kept apart from `doctor/main.ts` so tests run it in-process against real files and local stand-ins.
 */
import path from 'node:path';
import type { INetworkModule } from '@azure/msal-node';
import type { Result } from '../src/domain/result';
import { parseFlagArguments } from '../packager/commandArguments';
import { formatCheckResult } from './checkResult';
import type { DoctorFiles } from './doctorContext';
import { runDoctor } from './runDoctor';

export const DOCTOR_DEFAULTS: DoctorFiles = { envFile: '.env', manifestEnvFile: 'env/.env.production', appPackageDir: 'appPackage' };
const DEFAULT_TIMEOUT_MS = 15_000;

export const DOCTOR_USAGE = [
  'Usage: npm run doctor -- [--env <file>] [--manifest-env <file>] [--dir <folder>]',
  `  --env           the bot's settings (default ${DOCTOR_DEFAULTS.envFile}; real environment variables win, as for the bot)`,
  `  --manifest-env  the env file npm run package fills the manifest from (default ${DOCTOR_DEFAULTS.manifestEnvFile})`,
  `  --dir           the folder holding manifest.json (default ${DOCTOR_DEFAULTS.appPackageDir})`,
].join('\n');

const FLAGS: Readonly<Record<string, keyof DoctorFiles>> = { '--env': 'envFile', '--manifest-env': 'manifestEnvFile', '--dir': 'appPackageDir' };

export function parseDoctorArguments(args: readonly string[]): Result<DoctorFiles | 'help', string> {
  return parseFlagArguments(args, FLAGS, DOCTOR_DEFAULTS);
}

export interface DoctorCommandIo {
  /** Relative paths in arguments and defaults are resolved against this folder. */
  readonly cwd: string;
  /** The process environment; its settings win over the env file, as when the bot starts. */
  readonly env: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
  readonly networkClient?: INetworkModule;
  readonly timeoutMs?: number;
}

/** Runs the command; resolves to the process exit code (0 every check passed, 1 some check failed, 2 bad arguments). */
export async function runDoctorCommand(args: readonly string[], io: DoctorCommandIo): Promise<number> {
  const parsed = parseDoctorArguments(args);
  if (!parsed.ok) {
    io.printError(`${parsed.error}\n${DOCTOR_USAGE}`);
    return 2;
  }
  if (parsed.value === 'help') {
    io.print(DOCTOR_USAGE);
    return 0;
  }
  const given = parsed.value;
  const files: DoctorFiles = {
    envFile: path.resolve(io.cwd, given.envFile),
    manifestEnvFile: path.resolve(io.cwd, given.manifestEnvFile),
    appPackageDir: path.resolve(io.cwd, given.appPackageDir),
  };
  const results = await runDoctor({ env: io.env, files, timeoutMs: io.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(io.networkClient ? { networkClient: io.networkClient } : {}) });
  results.forEach((result) => io.print(formatCheckResult(result)));
  const failures = results.filter((result) => !result.ok).length;
  if (results.length === 1 && failures === 1) io.print('The other checks need these settings and did not run.');
  io.print(failures === 0 ? `All ${results.length} checks passed.` : `${failures} of ${results.length} checks failed.`);
  return failures === 0 ? 0 : 1;
}
