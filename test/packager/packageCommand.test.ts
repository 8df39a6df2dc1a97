import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { languageFileName, manifestLanguageTag, parsePackageArguments, runPackageCommand, type PackageCommandIo } from '../../packager';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages';
import { APP_PACKAGE_DIR, GERMAN_PACKAGE_WORDS, testCatalog, VALUES } from './fixtures';
import { en } from '../../src/i18n/catalogs/en';

/** One language file per shipped language besides English, whichever languages ship. */
const SHIPPED_LANGUAGE_FILES = SHIPPED_LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE).map((language) => languageFileName(manifestLanguageTag(language)));

function envText(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

describe('npm run package', () => {
  let workDir: string;
  let output: string[];
  let errors: string[];
  let io: PackageCommandIo;

  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
    fs.cpSync(APP_PACKAGE_DIR, path.join(workDir, 'appPackage'), { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
    fs.mkdirSync(path.join(workDir, 'env'));
    output = [];
    errors = [];
    io = { cwd: workDir, print: (line) => output.push(line), printError: (line) => errors.push(line) };
  });

  afterEach(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('writes the zip from the default env file to the default place', async () => {
    fs.writeFileSync(path.join(workDir, 'env', '.env.production'), envText(VALUES));
    expect(await runPackageCommand([], io)).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(workDir, 'appPackage', 'build', 'appPackage.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', ...SHIPPED_LANGUAGE_FILES].sort());
    expect(JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '')).toMatchObject({ version: VALUES.APP_VERSION });
    expect(output.join('\n')).toContain('Wrote appPackage/build/appPackage.zip');
    expect(output.join('\n')).toMatch(/; languages: en[,.]/);
    expect(errors).toEqual([]);
  });

  it('lists the files and languages it wrote', async () => {
    fs.writeFileSync(path.join(workDir, 'env', '.env.production'), envText(VALUES));
    const catalogs = { en, de: testCatalog(GERMAN_PACKAGE_WORDS), pt: testCatalog({ ...GERMAN_PACKAGE_WORDS, 'manifest.name.short': 'Interesses do perfil' }) };
    expect(await runPackageCommand([], io, catalogs)).toBe(0);
    expect(output).toEqual([expect.stringMatching(/^Wrote appPackage\/build\/appPackage\.zip \(\d+ bytes\): manifest\.json, color\.png, outline\.png, de\.json, pt\.json; languages: en, de, pt\. Upload it in Teams\.$/)]);
  });

  it('fails naming the catalog message when a translation is too long, writing nothing', async () => {
    fs.writeFileSync(path.join(workDir, 'env', '.env.production'), envText(VALUES));
    const catalogs = { en, de: testCatalog({ ...GERMAN_PACKAGE_WORDS, 'manifest.name.short': 'Interessen in Ihrem eigenen Profil' }) };
    expect(await runPackageCommand([], io, catalogs)).toBe(1);
    expect(errors.join('\n')).toContain('name.short in de.json: is 34 characters long; Teams allows at most 30 (manifest.name.short in the de catalog)');
    expect(fs.existsSync(path.join(workDir, 'appPackage', 'build', 'appPackage.zip'))).toBe(false);
  });

  it('takes --env and --out', async () => {
    fs.writeFileSync(path.join(workDir, 'staging.env'), envText({ ...VALUES, APP_VERSION: '2.0.1' }));
    expect(await runPackageCommand(['--env', 'staging.env', '--out=out/staging.zip'], io)).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(workDir, 'out', 'staging.zip')));
    expect(JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '')).toMatchObject({ version: '2.0.1' });
  });

  it('fails with the field and setting named when a value is missing, writing nothing', async () => {
    const withoutTerms = Object.fromEntries(Object.entries(VALUES).filter(([name]) => name !== 'TERMS_OF_USE_URL'));
    fs.writeFileSync(path.join(workDir, 'env', '.env.production'), envText(withoutTerms));
    expect(await runPackageCommand([], io)).toBe(1);
    expect(errors.join('\n')).toContain('developer.termsOfUseUrl: TERMS_OF_USE_URL has no value in the env file');
    expect(fs.existsSync(path.join(workDir, 'appPackage', 'build', 'appPackage.zip'))).toBe(false);
  });

  it('fails naming the icon when an icon is wrong', async () => {
    fs.writeFileSync(path.join(workDir, 'env', '.env.production'), envText(VALUES));
    fs.copyFileSync(path.join(workDir, 'appPackage', 'color.png'), path.join(workDir, 'appPackage', 'outline.png'));
    expect(await runPackageCommand([], io)).toBe(1);
    expect(errors.join('\n')).toContain('icons.outline: must be 32×32 pixels, found 192×192');
  });

  it('fails naming the env file when it does not exist', async () => {
    expect(await runPackageCommand(['--env', 'env/.env.missing'], io)).toBe(1);
    expect(errors.join('\n')).toContain('env/.env.missing not found');
    expect(errors.join('\n')).toContain('env/.env.example');
  });

  it('rejects unknown arguments and flags without values with the usage', async () => {
    expect(await runPackageCommand(['--envfile', 'x'], io)).toBe(2);
    expect(errors.join('\n')).toMatch(/Unknown argument --envfile\nUsage: npm run package/);
    expect(parsePackageArguments(['--out'])).toEqual({ ok: false, error: '--out needs a value' });
    expect(parsePackageArguments(['--env', '--out', 'x.zip'])).toEqual({ ok: false, error: '--env needs a value' });
  });
});
