import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  listPlaceholders,
  MANIFEST_SCHEMA_VERSION,
  validateAgainstManifestSchema,
  validateManifest,
} from '../../packager';
import { APP_PACKAGE_DIR, committedIcons, exampleEnvValues, filledManifest, readTemplate, VALUES } from './fixtures';

const filledTemplate = (values: Readonly<Record<string, string>> = VALUES): Record<string, unknown> => filledManifest(values);

describe('committed manifest template', () => {
  it('uses the newest stable schema bundled in @microsoft/app-manifest', () => {
    const bundled = fs
      .readdirSync(path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams'))
      .filter((name) => /^v\d+\.\d+$/.test(name))
      .map((name) => name.slice(1))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(bundled.at(-1)).toBe(MANIFEST_SCHEMA_VERSION);
    expect(readTemplate()).toMatchObject({ manifestVersion: MANIFEST_SCHEMA_VERSION });
  });

  it('uses exactly the placeholders env/.env.example documents', () => {
    expect(listPlaceholders(readTemplate()).sort()).toEqual(Object.keys(VALUES).sort());
    expect(Object.keys(exampleEnvValues()).sort()).toEqual(Object.keys(VALUES).sort());
  });

  it('is valid against the bundled schema and every package rule once filled', () => {
    const manifest = filledTemplate();
    expect(validateAgainstManifestSchema(manifest)).toEqual([]);
    expect(validateManifest(manifest, committedIcons())).toEqual([]);
  });

  it('is valid when filled from env/.env.example', () => {
    expect(validateManifest(filledTemplate(exampleEnvValues()), committedIcons())).toEqual([]);
  });

  it('declares one SSO-enabled bot in personal, team and group chat scopes with the documented commands', () => {
    const manifest = filledTemplate();
    expect(manifest).toMatchObject({
      version: '1.2.3',
      bots: [{ botId: VALUES.BOT_ID, scopes: ['personal', 'team', 'groupChat'] }],
      webApplicationInfo: { id: VALUES.ENTRA_APP_ID, resource: `api://botid-${VALUES.BOT_ID}` },
      validDomains: ['interests-bot.contoso.com', 'token.botframework.com'],
      developer: { privacyUrl: VALUES.PRIVACY_URL, termsOfUseUrl: VALUES.TERMS_OF_USE_URL },
      icons: { color: 'color.png', outline: 'outline.png' },
    });
    const bots = manifest.bots as Array<{ commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
    const commands = bots[0]?.commandLists[0]?.commands ?? [];
    expect(commands.map((command) => command.title)).toEqual(['help', 'list', 'add', 'tag', 'who can help with', 'sign out']);
    commands.forEach((command) => expect(command.description.length).toBeGreaterThan(10));
  });

  it('tells an admin what it does with profile data', () => {
    const { description } = filledTemplate() as { description: { short: string; full: string } };
    expect(description.short).toMatch(/profile/i);
    expect(description.full).toMatch(/signed-in user’s own profile interests/);
    expect(description.full).toMatch(/who can help with a topic does it also read, with the delegated permissions User\.Read\.All and People\.Read/);
    expect(description.full).toMatch(/Microsoft Graph/);
    expect(description.full).toMatch(/delegated permission User\.ReadWrite/);
    expect(description.full).toMatch(/Nothing is stored .* besides conversation state/);
  });

  it('ships committed icons of the sizes Teams requires', () => {
    const size = (file: string) => {
      const png = PNG.sync.read(fs.readFileSync(path.join(APP_PACKAGE_DIR, file)));
      return [png.width, png.height];
    };
    expect(size('color.png')).toEqual([192, 192]);
    expect(size('outline.png')).toEqual([32, 32]);
  });
});
