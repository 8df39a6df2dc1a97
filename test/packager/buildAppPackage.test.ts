import JSZip from 'jszip';
import { buildAppPackage, readAppPackageZip, validateAppPackage, writeAppPackageZip } from '../../packager';
import { BOT_ID, committedIcons, ENGLISH_ONLY, readTemplate, VALUES } from './fixtures';

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  Object.entries(files).forEach(([name, content]) => zip.file(name, content));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('buildAppPackage', () => {
  it('zips exactly manifest.json, color.png and outline.png at the root for English alone, with placeholders filled', async () => {
    const icons = committedIcons();
    const built = await buildAppPackage({ template: readTemplate(), values: VALUES, icons, catalogs: ENGLISH_ONLY });
    if (!built.ok) throw new Error(JSON.stringify(built.error));

    const zip = await JSZip.loadAsync(built.value.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = (await zip.file('manifest.json')?.async('string')) ?? '';
    expect(manifestText).not.toContain('${{');
    expect(JSON.parse(manifestText)).toMatchObject({
      version: VALUES.APP_VERSION,
      id: VALUES.TEAMS_APP_ID,
      bots: [{ botId: BOT_ID }],
      webApplicationInfo: { id: BOT_ID, resource: `api://botid-${BOT_ID}` },
      validDomains: [VALUES.BOT_DOMAIN, 'token.botframework.com'],
      name: { short: 'Profile Interests' },
      localizationInfo: { defaultLanguageTag: 'en', additionalLanguages: [] },
    });
    expect(Buffer.from((await zip.file('color.png')?.async('uint8array')) ?? [])).toEqual(icons.color);
    expect(Buffer.from((await zip.file('outline.png')?.async('uint8array')) ?? [])).toEqual(icons.outline);
  });

  it('produces the same bytes for the same inputs', async () => {
    const sources = { template: readTemplate(), values: VALUES, icons: committedIcons(), catalogs: ENGLISH_ONLY };
    const [first, second] = await Promise.all([buildAppPackage(sources), buildAppPackage(sources)]);
    expect(first.ok && second.ok && first.value.zip.equals(second.value.zip)).toBe(true);
  });

  it('builds nothing when a value is missing, naming the field', async () => {
    const built = await buildAppPackage({ template: readTemplate(), values: { ...VALUES, BOT_DOMAIN: '' }, icons: committedIcons(), catalogs: ENGLISH_ONLY });
    expect(built).toEqual({
      ok: false,
      error: [{ field: 'validDomains[0]', message: 'BOT_DOMAIN has no value in the env file (placeholder ${{BOT_DOMAIN}})' }],
    });
  });

  it('builds nothing when the manifest is invalid', async () => {
    const built = await buildAppPackage({ template: readTemplate(), values: { ...VALUES, APP_VERSION: 'v1' }, icons: committedIcons(), catalogs: ENGLISH_ONLY });
    expect(built.ok).toBe(false);
    expect(built.ok ? [] : built.error.map((issue) => issue.field)).toEqual(['version']);
  });
});

describe('reading a package zip', () => {
  const NOT_EXPECTED = 'is not expected in the package; only manifest.json, color.png, outline.png and the language files manifest.json names, at the zip root';
  const manifestJson = () => JSON.stringify({ manifestVersion: '1.30' });

  it('round-trips what writeAppPackageZip wrote', async () => {
    const icons = committedIcons();
    const manifest = { a: 1, localizationInfo: { defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'de', file: 'de.json' }] } };
    const languageFiles = { 'de.json': { 'name.short': 'Profil-Interessen' } };
    const read = await readAppPackageZip(await writeAppPackageZip({ manifest, icons, languageFiles }));
    expect(read).toEqual({ ok: true, value: { manifest, icons: { color: new Uint8Array(icons.color), outline: new Uint8Array(icons.outline) }, languageFiles } });
  });

  it('rejects files inside a folder instead of at the zip root', async () => {
    const { color, outline } = committedIcons();
    const zip = await zipOf({ 'appPackage/manifest.json': manifestJson(), 'appPackage/color.png': color, 'appPackage/outline.png': outline });
    const issues = await validateAppPackage(zip);
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'manifest.json', message: 'is missing from the zip root' },
        { field: 'appPackage/manifest.json', message: NOT_EXPECTED },
      ]),
    );
  });

  it('rejects extra files', async () => {
    const { color, outline } = committedIcons();
    const issues = await validateAppPackage(await zipOf({ 'manifest.json': manifestJson(), 'color.png': color, 'outline.png': outline, '.env': 'X=1' }));
    expect(issues).toEqual([{ field: '.env', message: NOT_EXPECTED }]);
  });

  it('rejects a manifest that is not JSON and bytes that are not a zip', async () => {
    const { color, outline } = committedIcons();
    expect(await validateAppPackage(await zipOf({ 'manifest.json': '{', 'color.png': color, 'outline.png': outline }))).toEqual([
      expect.objectContaining({ field: 'manifest.json', message: expect.stringMatching(/^is not valid JSON/) }),
    ]);
    expect(await validateAppPackage(Buffer.from('not a zip'))).toEqual([
      expect.objectContaining({ field: '(zip)', message: expect.stringMatching(/^is not a readable zip file/) }),
    ]);
  });
});
