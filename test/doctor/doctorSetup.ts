/**
 * A production configuration for the doctor against the local stand-ins: the local identity provider (reached by
 * msal-node through its network seam) with the app's secret and certificate registered, Azurite for Blob storage,
 * the repository's manifest template, and settings written to real env files in a temporary folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDoctorCommand } from '../../doctor/doctorCommand';
import { createLoopbackNetworkClient } from '../support/loopbackNetworkClient';
import { PUBLIC_AUTHORITY_HOST, type LocalIdentityProvider } from '../support/localIdentityProvider';

export const ROOT = path.resolve(__dirname, '../..');
export const APP_ID = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const TENANT_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
export const SECRET = 'doctor-test-secret~value';
export const BOT_DOMAIN = 'interests-bot.example.test';
/** Test-only certificates (with their private keys) made for these tests; nothing trusts them. */
export const CERTIFICATE_FILE = path.join(__dirname, 'fixtures/bot-certificate.pem');
export const EXPIRED_CERTIFICATE_FILE = path.join(__dirname, 'fixtures/expired-certificate.pem');
/** A valid certificate that was never uploaded to the app registration. */
export const UNREGISTERED_CERTIFICATE_FILE = path.join(__dirname, 'fixtures/unregistered-certificate.pem');

export function thumbprintOf(file: string): string {
  return new crypto.X509Certificate(fs.readFileSync(file)).fingerprint.replace(/:/g, '');
}

export type Settings = Record<string, string>;

/** The bot's settings with a certificate and Blob storage, all right for the stand-ins. */
export function goodSettings(blobConnectionString: string): Settings {
  return {
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
    MICROSOFT_APP_TYPE: 'SingleTenant',
    MICROSOFT_APP_CERTIFICATE_PATH: CERTIFICATE_FILE,
    MICROSOFT_APP_CERTIFICATE_THUMBPRINT: thumbprintOf(CERTIFICATE_FILE),
    BOT_DOMAIN,
    STORAGE_KIND: 'blob',
    STORAGE_BLOB_CONNECTION_STRING: blobConnectionString,
    STORAGE_BLOB_CONTAINER: 'doctor-state',
    TOKEN_CACHE_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
  };
}

/** The values `npm run package` fills the manifest with, matching `goodSettings`. */
export function goodManifestValues(): Settings {
  return {
    APP_VERSION: '1.0.0',
    TEAMS_APP_ID: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
    BOT_ID: APP_ID,
    ENTRA_APP_ID: APP_ID,
    BOT_DOMAIN,
    DEVELOPER_NAME: 'Contoso IT',
    DEVELOPER_WEBSITE_URL: 'https://www.contoso.example',
    PRIVACY_URL: 'https://www.contoso.example/privacy',
    TERMS_OF_USE_URL: 'https://www.contoso.example/terms',
  };
}

export function writeEnvFile(file: string, settings: Settings): void {
  fs.writeFileSync(file, Object.entries(settings).map(([name, value]) => `${name}=${value}`).join('\n') + '\n');
}

export interface DoctorRun {
  readonly exitCode: number;
  readonly output: string;
  /** The one line of the named check (throws if there is not exactly one). */
  line(check: string): string;
}

export function parseDoctorOutput(exitCode: number, output: string): DoctorRun {
  const lines = output.split('\n');
  return {
    exitCode,
    output,
    line(check) {
      const found = lines.filter((candidate) => candidate.startsWith(`[ok]   ${check}: `) || candidate.startsWith(`[FAIL] ${check}: `));
      if (found.length !== 1) throw new Error(`expected one "${check}" line, found ${found.length} in:\n${output}`);
      return found[0] ?? '';
    },
  };
}

/** Writes the two env files to a fresh folder and runs `npm run doctor`'s command in-process on them. */
export async function runDoctorOn(settings: Settings, manifestValues: Settings | null, idp: LocalIdentityProvider): Promise<DoctorRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-'));
  try {
    writeEnvFile(path.join(dir, '.env'), settings);
    if (manifestValues) writeEnvFile(path.join(dir, 'manifest.env'), manifestValues);
    const printed: string[] = [];
    const exitCode = await runDoctorCommand(['--env', '.env', '--manifest-env', 'manifest.env', '--dir', path.join(ROOT, 'appPackage')], {
      cwd: dir,
      env: {},
      print: (text) => printed.push(text),
      printError: (text) => printed.push(text),
      networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url),
      timeoutMs: 10_000,
    });
    return parseDoctorOutput(exitCode, printed.join('\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
