/**
 * `npm run doctor` against the local stand-ins: with a right production configuration every check passes; with a
 * present-but-wrong value behind every check, each line fails and names the setting to fix, and no secret is printed.
 */
import fs from 'node:fs';
import { azuriteConnectionString } from '../support/azurite';
import { useAzurite } from '../support/azuriteForTests';
import { freePort } from '../support/botProcess';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import {
  APP_ID,
  CERTIFICATE_FILE,
  EXPIRED_CERTIFICATE_FILE,
  goodManifestValues,
  goodSettings,
  runDoctorOn,
  SECRET,
  TENANT_ID,
  thumbprintOf,
  UNREGISTERED_CERTIFICATE_FILE,
  type Settings,
} from './doctorSetup';

const CHECK_NAMES = [
  'settings',
  'app id',
  'tenant',
  'application ID URI',
  'client credential',
  'token request',
  'storage',
  'manifest placeholders',
  'manifest matches settings',
  'admin consent',
];

const azurite = useAzurite();
let idp: LocalIdentityProvider;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({
    clientId: APP_ID,
    applicationIdUri: `api://botid-${APP_ID}`,
    appCredentials: { secret: SECRET, certificatePem: fs.readFileSync(CERTIFICATE_FILE, 'utf8') },
  });
});
afterAll(() => idp.close());

/** Azurite's connection string with another account key: the endpoint answers, the key is refused. */
function wrongKeyConnectionString(): string {
  return azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the account key of this storage').toString('base64')}`);
}

describe('npm run doctor against the local stand-ins', () => {
  it('passes every check, one line each, with a certificate, Blob storage and a filled manifest', async () => {
    const run = await runDoctorOn(goodSettings(azurite.connectionString), goodManifestValues(), idp);

    for (const name of CHECK_NAMES) expect(run.line(name)).toMatch(/^\[ok\] /);
    expect(run.line('client credential')).toContain(thumbprintOf(CERTIFICATE_FILE));
    expect(run.line('token request')).toContain('issued an app token for https://graph.microsoft.com/.default');
    expect(run.line('storage')).toContain('doctor-state');
    expect(run.line('admin consent')).toContain(`https://login.microsoftonline.com/${TENANT_ID}/adminconsent?client_id=${APP_ID}`);
    expect(run.output).toContain(`All ${CHECK_NAMES.length} checks passed.`);
    expect(run.exitCode).toBe(0);
  });

  it('passes the token request with the client secret, and never prints the secret', async () => {
    const settings: Settings = { ...goodSettings(azurite.connectionString), MICROSOFT_APP_PASSWORD: SECRET };
    const run = await runDoctorOn(settings, goodManifestValues(), idp);

    expect(run.line('client credential')).toMatch(/^\[ok\] .*MICROSOFT_APP_PASSWORD \(not shown\)/);
    expect(run.line('token request')).toMatch(/^\[ok\] /);
    expect(run.output).not.toContain(SECRET);
    expect(run.exitCode).toBe(0);
  });
});

describe('npm run doctor against a broken production .env', () => {
  it('fails every check that has a wrong value and names the setting behind each', async () => {
    const otherApp = '22222222-2222-4222-8222-222222222222';
    const settings: Settings = {
      ...goodSettings(wrongKeyConnectionString()),
      MICROSOFT_APP_ID: `${APP_ID.slice(0, -1)}`,
      MICROSOFT_APP_TENANT_ID: 'contoso',
      SSO_APPLICATION_ID_URI: `api://botid-${otherApp}`,
      MICROSOFT_APP_CERTIFICATE_THUMBPRINT: thumbprintOf(EXPIRED_CERTIFICATE_FILE),
    };
    const manifestValues: Settings = { ...goodManifestValues(), TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000', BOT_ID: otherApp, BOT_DOMAIN: 'elsewhere.example.test' };
    const brokenIdp = await startLocalIdentityProvider({
      clientId: settings.MICROSOFT_APP_ID ?? '',
      applicationIdUri: `api://botid-${otherApp}`,
      appCredentials: { certificatePem: fs.readFileSync(CERTIFICATE_FILE, 'utf8') },
    });
    try {
      const run = await runDoctorOn(settings, manifestValues, brokenIdp);

      const expectations: [check: string, named: string[]][] = [
        ['app id', ['MICROSOFT_APP_ID', 'is not a GUID']],
        ['tenant', ['MICROSOFT_APP_TENANT_ID', '"contoso"', 'neither a GUID nor a domain name']],
        ['application ID URI', ['SSO_APPLICATION_ID_URI', `api://botid-${otherApp}`]],
        ['client credential', ['MICROSOFT_APP_CERTIFICATE_THUMBPRINT', thumbprintOf(CERTIFICATE_FILE)]],
        ['token request', ['AADSTS700027', 'MICROSOFT_APP_CERTIFICATE_THUMBPRINT']],
        ['storage', ['STORAGE_BLOB_CONNECTION_STRING', '403']],
        ['manifest placeholders', ['TEAMS_APP_ID']],
        ['manifest matches settings', ['BOT_ID', 'BOT_DOMAIN', 'bots[0].botId', 'validDomains[0]']],
      ];
      for (const [check, named] of expectations) {
        const line = run.line(check);
        expect(line).toMatch(/^\[FAIL\] .* Fix: \S/);
        for (const text of named) expect(line).toContain(text);
      }
      expect(run.line('settings')).toMatch(/^\[ok\] /);
      expect(run.line('admin consent')).toContain('/contoso/adminconsent?client_id=');
      expect(run.output).toContain(`8 of ${CHECK_NAMES.length} checks failed.`);
      expect(run.output).not.toMatch(/AccountKey|BEGIN (RSA )?PRIVATE KEY/);
      expect(run.exitCode).toBe(1);
    } finally {
      await brokenIdp.close();
    }
  });

  /** One wrong setting over the right configuration: [what, the checks that fail (the first names it), the change, what that line names]. */
  const oneWrongSetting: [what: string, failing: string[], change: () => Promise<Settings>, named: string[]][] = [
    ['a client secret the identity provider refuses', ['token request'], async () => ({ MICROSOFT_APP_PASSWORD: 'a-secret-that-was-rotated' }), ['AADSTS7000215', 'MICROSOFT_APP_PASSWORD']],
    [
      'a certificate the app registration does not have',
      ['token request'],
      async () => ({ MICROSOFT_APP_CERTIFICATE_PATH: UNREGISTERED_CERTIFICATE_FILE, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: thumbprintOf(UNREGISTERED_CERTIFICATE_FILE) }),
      ['AADSTS700027', 'MICROSOFT_APP_CERTIFICATE_THUMBPRINT'],
    ],
    [
      'an expired certificate',
      // Entra has only the current certificate registered, so the token request is refused as well.
      ['client credential', 'token request'],
      async () => ({ MICROSOFT_APP_CERTIFICATE_PATH: EXPIRED_CERTIFICATE_FILE, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: thumbprintOf(EXPIRED_CERTIFICATE_FILE) }),
      ['expired', 'MICROSOFT_APP_CERTIFICATE_PATH'],
    ],
    ['a certificate file that is not there', ['client credential', 'token request'], async () => ({ MICROSOFT_APP_CERTIFICATE_PATH: `${CERTIFICATE_FILE}.missing` }), ['MICROSOFT_APP_CERTIFICATE_PATH', 'ENOENT']],
    ['a tenant alias instead of a tenant', ['tenant', 'token request'], async () => ({ MICROSOFT_APP_TENANT_ID: 'organizations' }), ['MICROSOFT_APP_TENANT_ID', '"organizations"', 'names no tenant']],
    ['a Blob endpoint nothing listens on', ['storage'], async () => ({ STORAGE_BLOB_CONNECTION_STRING: azuriteConnectionString(await freePort()) }), ['STORAGE_BLOB_CONNECTION_STRING', 'cannot be reached']],
    [
      'a Cosmos DB endpoint nothing listens on',
      ['storage'],
      async () => ({ STORAGE_KIND: 'cosmos', STORAGE_COSMOS_ENDPOINT: `http://127.0.0.1:${await freePort()}/`, STORAGE_COSMOS_KEY: Buffer.from('cosmos-key').toString('base64') }),
      ['STORAGE_COSMOS_ENDPOINT', 'cannot be reached'],
    ],
  ];

  it.each(oneWrongSetting)('names the setting for %s, and only the checks that depend on it fail', async (_what, failing, change, named) => {
    const run = await runDoctorOn({ ...goodSettings(azurite.connectionString), ...(await change()) }, goodManifestValues(), idp);

    const line = run.line(failing[0] ?? '');
    expect(line).toMatch(/^\[FAIL\] .* Fix: \S/);
    for (const text of named) expect(line).toContain(text);
    const failedChecks = run.output.split('\n').flatMap((text) => /^\[FAIL\] ([^:]+):/.exec(text)?.[1] ?? []);
    expect(failedChecks).toEqual(failing);
    expect(run.exitCode).toBe(1);
  });

  it('names the missing manifest env file', async () => {
    const run = await runDoctorOn(goodSettings(azurite.connectionString), null, idp);

    expect(run.line('manifest placeholders')).toMatch(/^\[FAIL\] .*manifest\.env not found.* Fix: Copy env\/\.env\.example/);
    expect(run.exitCode).toBe(1);
  });

  it('stops at the settings when they do not load, naming the setting, and runs nothing else', async () => {
    const settings = goodSettings(azurite.connectionString);
    delete settings.STORAGE_BLOB_CONNECTION_STRING;
    const callsBefore = idp.calls.total;
    const run = await runDoctorOn(settings, goodManifestValues(), idp);

    expect(run.line('settings')).toMatch(/^\[FAIL\] settings: Missing setting STORAGE_BLOB_CONNECTION_STRING/);
    expect(run.output).toContain('The other checks need these settings and did not run.');
    expect(run.output.split('\n').filter((text) => text.startsWith('['))).toHaveLength(1);
    expect(idp.calls.total).toBe(callsBefore);
    expect(run.exitCode).toBe(1);
  });

  it('says a .env without app credentials is local mode', async () => {
    const run = await runDoctorOn({ PORT: '3978' }, goodManifestValues(), idp);

    expect(run.line('settings')).toMatch(/^\[FAIL\] .*local mode\. Fix: Set MICROSOFT_APP_ID/);
    expect(run.exitCode).toBe(1);
  });
});
