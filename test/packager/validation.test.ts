import {
  checkIcons,
  fillPlaceholders,
  findUnresolvedPlaceholders,
  formatIssue,
  validateManifest,
  type PackageIssue,
} from '../../packager';
import { BOT_ID, committedIcons, drawPng, edited, filledManifest, readTemplate, VALUES, whiteDisc } from './fixtures';

const validManifest = (): Record<string, unknown> => filledManifest();

describe('fillPlaceholders', () => {
  it('replaces every placeholder, including one inside a longer string', () => {
    const filled = fillPlaceholders({ a: '${{BOT_ID}}', b: ['api://botid-${{ BOT_ID }}'], n: 3 }, { BOT_ID: 'abc' });
    expect(filled).toEqual({ ok: true, value: { a: 'abc', b: ['api://botid-abc'], n: 3 } });
  });

  it('keeps quotes and backslashes in values as text instead of breaking the JSON', () => {
    const filled = fillPlaceholders({ name: '${{DEVELOPER_NAME}}' }, { DEVELOPER_NAME: 'Contoso "IT" \\ Ops' });
    expect(filled).toEqual({ ok: true, value: { name: 'Contoso "IT" \\ Ops' } });
  });

  it.each([
    ['missing', undefined],
    ['blank', '   '],
  ])('fails naming the field and the setting when a value is %s', (_case, value) => {
    const filled = fillPlaceholders(readTemplate(), { ...VALUES, BOT_ID: value });
    expect(filled.ok).toBe(false);
    const messages = filled.ok ? [] : filled.error.map(formatIssue);
    expect(messages).toEqual([
      'bots[0].botId: BOT_ID has no value in the env file (placeholder ${{BOT_ID}})',
      'webApplicationInfo.resource: BOT_ID has no value in the env file (placeholder ${{BOT_ID}})',
    ]);
  });
});

describe('validateManifest', () => {
  const icons = committedIcons();

  it('accepts the filled template with the committed icons', () => {
    expect(validateManifest(validManifest(), icons)).toEqual([]);
  });

  const failures: Array<[string, (manifest: Record<string, unknown>) => void, PackageIssue]> = [
    [
      'an unresolved placeholder',
      (m) => ((m.developer as Record<string, unknown>).privacyUrl = '${{PRIVACY_URL}}'),
      { field: 'developer.privacyUrl', message: 'unresolved placeholder in "${{PRIVACY_URL}}"' },
    ],
    [
      'a version that is not semver',
      (m) => (m.version = '1.0'),
      { field: 'version', message: 'must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0, found "1.0"' },
    ],
    [
      'a pre-release version',
      (m) => (m.version = '1.0.0-beta'),
      { field: 'version', message: 'must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0, found "1.0.0-beta"' },
    ],
    [
      'an SSO resource for another app',
      (m) => ((m.webApplicationInfo as Record<string, unknown>).resource = 'api://botid-11111111-2222-3333-4444-555555555555'),
      {
        field: 'webApplicationInfo.resource',
        message: `must be "api://botid-${BOT_ID}" (api://botid- followed by bots[0].botId), found "api://botid-11111111-2222-3333-4444-555555555555"`,
      },
    ],
    [
      'an SSO resource without the botid- prefix',
      (m) => ((m.webApplicationInfo as Record<string, unknown>).resource = `api://${BOT_ID}`),
      {
        field: 'webApplicationInfo.resource',
        message: `must be "api://botid-${BOT_ID}" (api://botid- followed by bots[0].botId), found "api://${BOT_ID}"`,
      },
    ],
    [
      'an SSO app that is not the bot',
      (m) => ((m.webApplicationInfo as Record<string, unknown>).id = '11111111-2222-3333-4444-555555555555'),
      { field: 'webApplicationInfo.id', message: `must be the bot's app id ${BOT_ID} (bots[0].botId), found 11111111-2222-3333-4444-555555555555` },
    ],
    [
      'a too-long short description (schema)',
      (m) => ((m.description as Record<string, unknown>).short = 'x'.repeat(81)),
      { field: 'description.short', message: 'must NOT have more than 80 characters' },
    ],
    [
      'a bot id that is not a GUID (schema)',
      (m) => {
        const bots = m.bots as Array<Record<string, unknown>>;
        (bots[0] as Record<string, unknown>).botId = 'not-a-guid';
        (m.webApplicationInfo as Record<string, unknown>).resource = 'api://botid-not-a-guid';
        (m.webApplicationInfo as Record<string, unknown>).id = 'not-a-guid';
      },
      { field: 'bots[0].botId', message: 'must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"' },
    ],
    [
      'an unknown property (schema)',
      (m) => (m.colour = '#ffffff'),
      { field: 'colour', message: 'is not allowed by the manifest schema' },
    ],
    [
      'a missing required property (schema)',
      (m) => delete m.accentColor,
      { field: 'accentColor', message: 'is required by the manifest schema' },
    ],
    [
      'a bot domain given as a URL',
      (m) => (m.validDomains = ['https://interests-bot.contoso.com/', 'token.botframework.com']),
      { field: 'validDomains[0]', message: 'must be a host name without scheme, port or path, found "https://interests-bot.contoso.com/"' },
    ],
    [
      'no token.botframework.com domain',
      (m) => (m.validDomains = ['interests-bot.contoso.com']),
      { field: 'validDomains', message: 'must include token.botframework.com for the sign-in pages' },
    ],
    [
      'an icon in a folder',
      (m) => ((m.icons as Record<string, unknown>).color = 'icons/color.png'),
      { field: 'icons.color', message: 'must be "color.png", the icon file at the package root, found "icons/color.png"' },
    ],
    [
      'a manifest version with no bundled schema',
      (m) => (m.manifestVersion = '9.99'),
      { field: 'manifestVersion', message: '"9.99" has no schema bundled in @microsoft/app-manifest' },
    ],
  ];

  it.each(failures)('reports %s, naming the field', (_case, change, expected) => {
    expect(validateManifest(edited(validManifest(), change), icons)).toContainEqual(expected);
  });

  it('reports an unresolved placeholder once, not again as the pattern it then fails', () => {
    const manifest = edited(validManifest(), (m) => (m.bots = [{ botId: '${{BOT_ID}}', scopes: ['personal'] }]));
    const issues = validateManifest(manifest, icons);
    expect(issues.filter((issue) => issue.field === 'bots[0].botId')).toEqual([
      { field: 'bots[0].botId', message: 'unresolved placeholder in "${{BOT_ID}}"' },
    ]);
  });

  it('finds placeholders left anywhere in the unfilled template', () => {
    const fields = findUnresolvedPlaceholders(readTemplate()).map((issue) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['version', 'id', 'bots[0].botId', 'validDomains[0]', 'webApplicationInfo.resource']));
  });
});

describe('checkIcons', () => {
  const opaque: [number, number, number, number] = [255, 255, 255, 255];

  it('accepts the committed icons', () => {
    expect(checkIcons(committedIcons())).toEqual([]);
  });

  it('reports icons of the wrong size', () => {
    const issues = checkIcons({ color: drawPng(100, 120, () => opaque), outline: whiteDisc(64) });
    expect(issues).toEqual([
      { field: 'icons.color', message: 'must be 192×192 pixels, found 100×120' },
      { field: 'icons.outline', message: 'must be 32×32 pixels, found 64×64' },
    ]);
  });

  it('reports an outline icon without a transparent background', () => {
    const issues = checkIcons({ color: committedIcons().color, outline: drawPng(32, 32, () => opaque) });
    expect(issues).toEqual([{ field: 'icons.outline', message: 'must have a transparent background, but no pixel is transparent' }]);
  });

  it('reports an outline icon drawn in a colour other than white', () => {
    const blueDisc = drawPng(32, 32, (x, y) => ((x - 16) ** 2 + (y - 16) ** 2 < 64 ? [0x33, 0x55, 0xcc, 255] : [0, 0, 0, 0]));
    const issues = checkIcons({ color: committedIcons().color, outline: blueDisc });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('icons.outline');
    expect(issues[0]?.message).toMatch(/^must be white on transparent, but \d+ visible pixels are not white$/);
  });

  it('reports a fully transparent outline icon', () => {
    const issues = checkIcons({ color: committedIcons().color, outline: drawPng(32, 32, () => [0, 0, 0, 0]) });
    expect(issues).toEqual([{ field: 'icons.outline', message: 'is fully transparent: draw the glyph in white' }]);
  });

  it('reports a file that is not a PNG', () => {
    const issues = checkIcons({ color: Buffer.from('<svg/>'), outline: whiteDisc(32) });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('icons.color');
    expect(issues[0]?.message).toMatch(/^is not a readable PNG/);
  });
});
