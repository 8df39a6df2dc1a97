/**
 * Everything the checks read, loaded once: the bot's settings through the product's own `loadConfig` (the same
 * schema and validation the bot starts with), and the manifest template with the env file the packager fills it
 * from. Loading the settings is itself the first check: without a production configuration nothing else can run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { INetworkModule } from '@azure/msal-node';
import { parse as parseDotenv } from 'dotenv';
import { APP_PACKAGE_FILES } from '../packager/appPackageFiles';
import type { PlaceholderValues } from '../packager/placeholders';
import { loadConfig, type AuthConfig, type Config } from '../src/config';
import { fail, ok, type Result } from '../src/domain/result';
import { describeError, failed, passed, type CheckOutcome } from './checkResult';

export interface DoctorFiles {
  /** The bot's settings file (real environment variables win over it, as when the bot starts). */
  readonly envFile: string;
  /** The env file `npm run package` fills the manifest placeholders from. */
  readonly manifestEnvFile: string;
  readonly appPackageDir: string;
}

export interface DoctorOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly files: DoctorFiles;
  /** msal-node's HTTP seam; tests route it to a local identity provider. */
  readonly networkClient?: INetworkModule;
  /** How long one check may wait for an answer from the network. */
  readonly timeoutMs: number;
}

export interface DoctorContext {
  readonly config: Config;
  readonly auth: AuthConfig;
  readonly files: DoctorFiles;
  readonly manifestValues: Result<PlaceholderValues, string>;
  readonly manifestTemplate: Result<unknown, string>;
  readonly networkClient: INetworkModule | undefined;
  readonly timeoutMs: number;
}

export const SETTINGS_CHECK_NAME = 'settings';

function readText(file: string): Result<string, string> {
  try {
    return ok(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `${file} not found` : `${file} could not be read (${code ?? describeError(error)})`);
  }
}

function readManifestTemplate(appPackageDir: string): Result<unknown, string> {
  const file = path.join(appPackageDir, APP_PACKAGE_FILES.manifest);
  const text = readText(file);
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value) as unknown);
  } catch (error) {
    return fail(`${file} is not valid JSON (${describeError(error)})`);
  }
}

/** The first check: the settings load as the bot would load them, in production mode. */
export function loadDoctorContext(options: DoctorOptions): { readonly outcome: CheckOutcome; readonly context: DoctorContext | null } {
  const { envFile } = options.files;
  const source = fs.existsSync(envFile) ? `${envFile} and the environment` : `the environment (no ${envFile})`;
  let config: Config;
  try {
    config = loadConfig(options.env, envFile);
  } catch (error) {
    return { outcome: failed(`${describeError(error)} (read from ${source}).`, `Correct that setting in ${envFile}; .env.example describes every setting.`), context: null };
  }
  if (!config.auth) {
    return {
      outcome: failed(`no MICROSOFT_APP_* setting in ${source}, so the bot would start in local mode.`, `Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD (or a certificate), MICROSOFT_APP_TENANT_ID and BOT_DOMAIN in ${envFile}.`),
      context: null,
    };
  }
  const manifestText = readText(options.files.manifestEnvFile);
  const context: DoctorContext = {
    config,
    auth: config.auth,
    files: options.files,
    manifestValues: manifestText.ok ? ok(parseDotenv(manifestText.value)) : manifestText,
    manifestTemplate: readManifestTemplate(options.files.appPackageDir),
    networkClient: options.networkClient,
    timeoutMs: options.timeoutMs,
  };
  return { outcome: passed(`production settings load from ${source}.`), context };
}
