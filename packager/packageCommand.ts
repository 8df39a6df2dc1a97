/**
 * `npm run package`: reads `appPackage/` and an env file, builds and validates the Teams app package, writes the
 * zip. Kept apart from `packager/packageApp.ts` so tests run it in-process against real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { fail, ok, type Result } from '../src/domain/result';
import { parseFlagArguments } from './commandArguments';
import { SHIPPED_CATALOGS, type AppCatalogs } from './appLanguages';
import { APP_PACKAGE_FILES } from './appPackageFiles';
import { buildAppPackage } from './buildAppPackage';
import { describeError, formatIssue } from './packageIssue';

export const PACKAGE_DEFAULTS = {
  envFile: 'env/.env.production',
  outFile: 'appPackage/build/appPackage.zip',
  appPackageDir: 'appPackage',
} as const;

export const PACKAGE_USAGE = [
  'Usage: npm run package -- [--env <file>] [--out <zip>] [--dir <folder>]',
  `  --env  env file with the placeholder values (default ${PACKAGE_DEFAULTS.envFile}; see env/.env.example)`,
  `  --out  where to write the app package zip (default ${PACKAGE_DEFAULTS.outFile})`,
  `  --dir  folder holding manifest.json, color.png and outline.png (default ${PACKAGE_DEFAULTS.appPackageDir})`,
].join('\n');

export interface PackageCommandOptions {
  readonly envFile: string;
  readonly outFile: string;
  readonly appPackageDir: string;
}

export interface PackageCommandIo {
  /** Relative paths in arguments and defaults are resolved against this folder. */
  readonly cwd: string;
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

const FLAGS: Readonly<Record<string, keyof PackageCommandOptions>> = { '--env': 'envFile', '--out': 'outFile', '--dir': 'appPackageDir' };

export function parsePackageArguments(args: readonly string[]): Result<PackageCommandOptions | 'help', string> {
  return parseFlagArguments(args, FLAGS, PACKAGE_DEFAULTS);
}

function errorCode(error: unknown): string {
  return error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : 'unreadable';
}

/** Reads `file` (as the user gave it) from under `cwd`; a failure names the file. */
function readFile(cwd: string, file: string): Result<Buffer, string> {
  try {
    return ok(fs.readFileSync(path.resolve(cwd, file)));
  } catch (error) {
    const code = errorCode(error);
    return fail(code === 'ENOENT' ? `${file} not found` : `${file} could not be read (${code})`);
  }
}

function parseTemplate(bytes: Buffer): Result<unknown, string> {
  try {
    return ok(JSON.parse(bytes.toString('utf8')) as unknown);
  } catch (error) {
    return fail(`${APP_PACKAGE_FILES.manifest} is not valid JSON (${describeError(error)})`);
  }
}

/**
 * Runs the command; resolves to the process exit code (0 built, 1 invalid package or input, 2 bad arguments). The
 * package speaks every language of `catalogs`: the shipped ones unless a test passes others.
 */
export async function runPackageCommand(args: readonly string[], io: PackageCommandIo, catalogs: AppCatalogs = SHIPPED_CATALOGS): Promise<number> {
  const parsed = parsePackageArguments(args);
  if (!parsed.ok) {
    io.printError(`${parsed.error}\n${PACKAGE_USAGE}`);
    return 2;
  }
  if (parsed.value === 'help') {
    io.print(PACKAGE_USAGE);
    return 0;
  }
  const { envFile, outFile, appPackageDir } = parsed.value;
  const env = readFile(io.cwd, envFile);
  const template = readFile(io.cwd, path.join(appPackageDir, APP_PACKAGE_FILES.manifest));
  const color = readFile(io.cwd, path.join(appPackageDir, APP_PACKAGE_FILES.color));
  const outline = readFile(io.cwd, path.join(appPackageDir, APP_PACKAGE_FILES.outline));
  const parsedTemplate = template.ok ? parseTemplate(template.value) : template;
  if (!env.ok || !parsedTemplate.ok || !color.ok || !outline.ok) {
    const problems = [env, parsedTemplate, color, outline].flatMap((input) => (input.ok ? [] : [input.error]));
    io.printError(`App package not built:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    if (!env.ok) io.printError('Create the env file from env/.env.example, or pass --env <file>.');
    return 1;
  }
  const built = await buildAppPackage({
    template: parsedTemplate.value,
    values: parseDotenv(env.value),
    icons: { color: color.value, outline: outline.value },
    catalogs,
  });
  if (!built.ok) {
    io.printError(`App package not built: ${built.error.length} problem(s) (env file ${envFile}):`);
    built.error.forEach((issue) => io.printError(`  - ${formatIssue(issue)}`));
    return 1;
  }
  const outPath = path.resolve(io.cwd, outFile);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, built.value.zip);
  const files = [APP_PACKAGE_FILES.manifest, APP_PACKAGE_FILES.color, APP_PACKAGE_FILES.outline, ...Object.keys(built.value.languageFiles)];
  io.print(`Wrote ${outFile} (${built.value.zip.length} bytes): ${files.join(', ')}; languages: ${built.value.languageTags.join(', ')}. Upload it in Teams.`);
  return 0;
}
