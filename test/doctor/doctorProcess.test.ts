/**
 * `npm run doctor` as the real command: the compiled tool in its own node process, reading a broken `.env` from its
 * working folder. Everything it reaches is on loopback (an http sign-in host msal-node refuses before sending, a
 * closed Blob port), so nothing leaves the machine.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { azuriteConnectionString } from '../support/azurite';
import { freePort } from '../support/botProcess';
import { goodManifestValues, goodSettings, parseDoctorOutput, ROOT, writeEnvFile, type DoctorRun } from './doctorSetup';

const OUT_DIR = path.join(ROOT, 'dist', 'doctor-test');

/** Compiles `doctor/main.ts` and what it imports (not the whole tools build) beside the normal build, so node_modules resolve. */
async function buildDoctor(): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tsconfig = path.join(OUT_DIR, 'tsconfig.json');
  fs.writeFileSync(tsconfig, JSON.stringify({ extends: path.join(ROOT, 'tsconfig.tools.json'), compilerOptions: { outDir: OUT_DIR, rootDir: ROOT }, include: [], files: [path.join(ROOT, 'doctor/main.ts')] }));
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { cwd: ROOT });
  return path.join(OUT_DIR, 'doctor', 'main.js');
}

async function runBuiltDoctor(entry: string, cwd: string, args: string[]): Promise<DoctorRun> {
  // Only PATH: settings in this process's environment would win over the .env under test, as they do for the bot.
  const result = await promisify(execFile)(process.execPath, [entry, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } }).then(
    ({ stdout }) => ({ exitCode: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ exitCode: error.code ?? -1, stdout: error.stdout ?? '' }),
  );
  return parseDoctorOutput(result.exitCode, result.stdout);
}

describe('npm run doctor as a process', () => {
  let entry: string;
  let dir: string;

  beforeAll(async () => {
    entry = await buildDoctor();
  }, 120_000);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-process-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads ./.env, prints one line per check naming what to fix, and exits 1', async () => {
    writeEnvFile(path.join(dir, '.env'), {
      ...goodSettings(azuriteConnectionString(await freePort())),
      AUTHORITY_HOST: `http://127.0.0.1:${await freePort()}`,
    });
    writeEnvFile(path.join(dir, 'manifest.env'), goodManifestValues());

    const run = await runBuiltDoctor(entry, dir, ['--manifest-env', 'manifest.env', '--dir', path.join(ROOT, 'appPackage')]);

    expect(run.line('settings')).toContain(`${fs.realpathSync(dir)}/.env and the environment`);
    expect(run.line('token request')).toMatch(/^\[FAIL\] token request: AUTHORITY_HOST is not an https URL.* Fix: Set AUTHORITY_HOST/);
    expect(run.line('storage')).toMatch(/^\[FAIL\] storage: .*STORAGE_BLOB_CONNECTION_STRING cannot be reached/);
    expect(run.line('manifest placeholders')).toMatch(/^\[ok\] /);
    expect(run.output).toContain('2 of 10 checks failed.');
    expect(run.exitCode).toBe(1);
  });

  it('answers --help with its usage and exits 0, and an unknown argument with exit code 2', async () => {
    const help = await runBuiltDoctor(entry, dir, ['--help']);
    expect(help.output).toContain('Usage: npm run doctor -- [--env <file>]');
    expect(help.exitCode).toBe(0);

    const unknown = await runBuiltDoctor(entry, dir, ['--envfile', 'x']);
    expect(unknown.exitCode).toBe(2);
  });
});
