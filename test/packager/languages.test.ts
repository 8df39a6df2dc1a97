/**
 * The app package speaks every shipped language: the manifest's words come from the catalogs (English in
 * manifest.json, each other language in a language file `localizationInfo` names), each language file passes the
 * bundled localization schema, and the zip check finds a missing, unnamed or broken one. Languages other than the
 * shipped ones are test stand-ins (`testCatalog`), passed to the builder as its catalogs.
 */
import JSZip from 'jszip';
import {
  buildAppPackage,
  fillCatalogReferences,
  languageFileName,
  manifestLanguageTag,
  SHIPPED_CATALOGS,
  validateAgainstLocalizationSchema,
  validateAppPackage,
  writeAppPackageZip,
  type AppCatalogs,
  type AppPackageContents,
  type BuiltAppPackage,
  type PackageIssue,
} from '../../packager';
import { en } from '../../src/i18n/catalogs/en';
import { manifestMessages } from '../../src/i18n/catalogs/en/manifest';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages';
import { committedIcons, ENGLISH_ONLY, GERMAN_PACKAGE_WORDS, readTemplate, testCatalog, VALUES } from './fixtures';

const GERMAN: AppCatalogs = { en, de: testCatalog(GERMAN_PACKAGE_WORDS) };

async function build(catalogs: AppCatalogs): Promise<BuiltAppPackage> {
  const built = await buildAppPackage({ template: readTemplate(), values: VALUES, icons: committedIcons(), catalogs });
  if (!built.ok) throw new Error(JSON.stringify(built.error, null, 2));
  return built.value;
}

async function issuesOf(catalogs: AppCatalogs): Promise<PackageIssue[]> {
  const built = await buildAppPackage({ template: readTemplate(), values: VALUES, icons: committedIcons(), catalogs });
  return built.ok ? [] : built.error;
}

async function zipEntries(zip: Buffer): Promise<Record<string, unknown>> {
  const loaded = await JSZip.loadAsync(zip);
  const entries: Record<string, unknown> = {};
  for (const name of Object.keys(loaded.files).filter((file) => file.endsWith('.json'))) {
    entries[name] = JSON.parse((await loaded.file(name)?.async('string')) ?? '') as unknown;
  }
  return entries;
}

const COMMANDS = ['help', 'list', 'add', 'tag', 'whoCanHelp', 'signOut'] as const;
const commandKey = (index: number, field: 'title' | 'description') => `bots[0].commandLists[0].commands[${index}].${field}`;

describe('the manifest template', () => {
  it('takes every word of the app from the catalogs: no English of its own', () => {
    const template = readTemplate() as { name: unknown; description: unknown; bots: Array<{ commandLists: Array<{ commands: unknown }> }> };
    expect(template.name).toEqual({ short: '${{TEXT:manifest.name.short}}', full: '${{TEXT:manifest.name.full}}' });
    expect(template.description).toEqual({ short: '${{TEXT:manifest.description.short}}', full: '${{TEXT:manifest.description.full}}' });
    expect(template.bots[0]?.commandLists[0]?.commands).toEqual(
      COMMANDS.map((name) => ({ title: `\${{WORD:words.command.${name}}}`, description: `\${{TEXT:manifest.command.${name}.description}}` })),
    );
  });

  it('uses every message of the manifest area', () => {
    const templateText = JSON.stringify(readTemplate());
    expect(Object.keys(manifestMessages).filter((key) => !templateText.includes(`TEXT:${key}}}`))).toEqual([]);
  });

  it('titles each command with the first word people type for it, "who can help with" included', () => {
    const filled = fillCatalogReferences(readTemplate(), en, 'en');
    if (!filled.ok) throw new Error(JSON.stringify(filled.error));
    expect(COMMANDS.map((_name, index) => filled.value.fields.get(commandKey(index, 'title'))?.text)).toEqual(['help', 'list', 'add', 'tag', 'who can help with', 'sign out']);
    expect(filled.value.fields.get(commandKey(4, 'description'))).toEqual({ text: en['manifest.command.whoCanHelp.description'], keys: ['manifest.command.whoCanHelp.description'] });
  });
});

describe('an English-only package', () => {
  it('declares English and no other language, and holds no language file', async () => {
    const built = await build(ENGLISH_ONLY);
    expect(built.manifest).toMatchObject({ name: { short: 'Profile Interests' }, localizationInfo: { defaultLanguageTag: 'en', additionalLanguages: [] } });
    expect(built.languageFiles).toEqual({});
    expect(built.languageTags).toEqual(['en']);
    expect(Object.keys(await zipEntries(built.zip))).toEqual(['manifest.json']);
  });
});

describe('the shipped languages', () => {
  it('each have a language file in the package, named by the manifest and valid', async () => {
    const built = await build(SHIPPED_CATALOGS);
    const others = SHIPPED_LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE).map(manifestLanguageTag);
    expect(built.languageTags).toEqual(['en', ...others]);
    expect((built.manifest as { localizationInfo: unknown }).localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: others.map((languageTag) => ({ languageTag, file: languageFileName(languageTag) })),
    });
    const entries = await zipEntries(built.zip);
    for (const tag of others) expect(validateAgainstLocalizationSchema(entries[languageFileName(tag)], '1.30')).toEqual([]);
    expect(await validateAppPackage(built.zip)).toEqual([]);
  });
});

describe('a package with another language', () => {
  it('zips its language file, names it in localizationInfo and fills it from that language’s catalog', async () => {
    const built = await build(GERMAN);
    const entries = await zipEntries(built.zip);
    expect(Object.keys(entries).sort()).toEqual(['de.json', 'manifest.json']);
    expect(entries['manifest.json']).toMatchObject({ localizationInfo: { defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'de', file: 'de.json' }] } });
    expect(entries['de.json']).toEqual({
      $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json',
      'name.short': 'Profil-Interessen',
      'name.full': GERMAN_PACKAGE_WORDS['manifest.name.full'],
      'description.short': GERMAN_PACKAGE_WORDS['manifest.description.short'],
      'description.full': GERMAN_PACKAGE_WORDS['manifest.description.full'],
      ...Object.fromEntries(
        COMMANDS.flatMap((name, index) => [
          [commandKey(index, 'title'), GERMAN_PACKAGE_WORDS[`words.command.${name}`]?.split('|')[0]],
          [commandKey(index, 'description'), GERMAN_PACKAGE_WORDS[`manifest.command.${name}.description`]],
        ]),
      ),
    });
    expect(entries['de.json']).toMatchObject({ [commandKey(4, 'title')]: 'wer kann helfen bei' });
    expect(validateAgainstLocalizationSchema(entries['de.json'], '1.30')).toEqual([]);
    expect(built.languageTags).toEqual(['en', 'de']);
    expect(await validateAppPackage(built.zip)).toEqual([]);
  });

  it('keeps the English manifest in English', async () => {
    const built = await build(GERMAN);
    expect(built.manifest).toMatchObject({ name: { short: 'Profile Interests' }, description: { short: en['manifest.description.short'] } });
  });

  it.each([
    ['de', 'de'],
    ['fr', 'fr'],
    ['es', 'es'],
    ['ja', 'ja'],
    ['pt', 'pt'],
    ['pt-BR', 'pt'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['fr-CA', 'fr-CA'],
  ])('declares the language %s as %s', (language, tag) => {
    expect(manifestLanguageTag(language)).toBe(tag);
  });

  it('names its files by tag: pt.json, zh-CN.json', async () => {
    const built = await build({ en, pt: testCatalog(GERMAN_PACKAGE_WORDS), zh: testCatalog(GERMAN_PACKAGE_WORDS) });
    expect(Object.keys(built.languageFiles)).toEqual(['pt.json', 'zh-CN.json']);
    expect(await validateAppPackage(built.zip)).toEqual([]);
  });
});

describe('a translation the package cannot hold', () => {
  it.each([
    ['manifest.name.short', 'x'.repeat(31), 'name.short', 31, 30],
    ['manifest.description.short', 'ü'.repeat(81), 'description.short', 81, 80],
    ['words.command.tag', `${'t'.repeat(129)}|tag`, commandKey(3, 'title'), 129, 128],
  ] as const)('refuses an over-long %s, naming the file, the field and the catalog message', async (key, text, field, length, limit) => {
    const issues = await issuesOf({ en, de: testCatalog({ ...GERMAN_PACKAGE_WORDS, [key]: text }) });
    expect(issues).toEqual([{ field: `${field} in de.json`, message: `is ${length} characters long; Teams allows at most ${limit} (${key} in the de catalog)` }]);
  });

  it('refuses an over-long English name through the manifest schema', async () => {
    const issues = await issuesOf({ en: { ...en, 'manifest.name.short': 'Profile Interests for everyone here' } });
    expect(issues).toEqual([{ field: 'name.short', message: 'must NOT have more than 30 characters' }]);
  });

  it('refuses a blank name', async () => {
    const issues = await issuesOf({ en, de: testCatalog({ ...GERMAN_PACKAGE_WORDS, 'manifest.name.short': ' ' }) });
    expect(issues).toEqual([expect.objectContaining({ field: 'name.short in de.json', message: expect.stringMatching(/^must match pattern/) })]);
  });

  it('refuses a manifest message that needs values, and a catalog without the message', async () => {
    const needsValue = await issuesOf({ en, de: testCatalog({ ...GERMAN_PACKAGE_WORDS, 'manifest.name.short': 'Profil von {name}' }) });
    expect(needsValue).toEqual([{ field: 'name.short', message: expect.stringMatching(/^manifest\.name\.short of the de catalog does not format without values .*\(reference \$\{\{TEXT:manifest\.name\.short\}\}\)$/) }]);
    const withoutFullName: Record<string, string> = { ...testCatalog(GERMAN_PACKAGE_WORDS) };
    delete withoutFullName['manifest.name.full'];
    const missing = await issuesOf({ en, de: withoutFullName });
    expect(missing).toEqual([{ field: 'name.full', message: 'manifest.name.full is not a message of the de catalog (reference ${{TEXT:manifest.name.full}})' }]);
  });

  it('refuses a template that writes localizationInfo itself', async () => {
    const template = { ...(readTemplate() as Record<string, unknown>), localizationInfo: { defaultLanguageTag: 'en' } };
    const built = await buildAppPackage({ template, values: VALUES, icons: committedIcons(), catalogs: GERMAN });
    expect(built).toEqual({ ok: false, error: [{ field: 'localizationInfo', message: 'is written by the packager from the shipped catalogs; remove it from the template' }] });
  });
});

describe('checking a package zip’s languages', () => {
  /** The German package's contents, changed by `change`, zipped again. */
  async function repacked(change: (contents: { manifest: Record<string, unknown>; languageFiles: Record<string, unknown> }) => void): Promise<Buffer> {
    const built = await build(GERMAN);
    const contents = JSON.parse(JSON.stringify({ manifest: built.manifest, languageFiles: built.languageFiles })) as {
      manifest: Record<string, unknown>;
      languageFiles: Record<string, unknown>;
    };
    change(contents);
    return writeAppPackageZip({ ...contents, icons: committedIcons() } satisfies AppPackageContents);
  }

  const info = (manifest: Record<string, unknown>) => manifest.localizationInfo as { additionalLanguages: Array<{ languageTag: string; file: string }> };

  it('finds a named language file missing from the zip', async () => {
    const zip = await repacked((contents) => delete contents.languageFiles['de.json']);
    expect(await validateAppPackage(zip)).toEqual([{ field: 'de.json', message: 'is missing from the zip root' }]);
  });

  it('finds a language file the manifest does not name', async () => {
    const zip = await repacked((contents) => (info(contents.manifest).additionalLanguages = []));
    expect(await validateAppPackage(zip)).toEqual([
      { field: 'de.json', message: 'is not expected in the package; only manifest.json, color.png, outline.png and the language files manifest.json names, at the zip root' },
    ]);
  });

  it('finds a language file that is not JSON', async () => {
    const built = await build(GERMAN);
    const zip = await JSZip.loadAsync(built.zip);
    zip.file('de.json', '{"name.short": ');
    expect(await validateAppPackage(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual([
      expect.objectContaining({ field: 'de.json', message: expect.stringMatching(/^is not valid JSON/) }),
    ]);
  });

  it.each<[string, (file: Record<string, unknown>) => void, PackageIssue]>([
    ['an over-long name', (file) => (file['name.short'] = 'x'.repeat(40)), { field: 'name.short in de.json', message: 'is 40 characters long; Teams allows at most 30' }],
    ['a key the localization schema does not know', (file) => (file['name.long'] = 'Profil'), { field: 'name.long in de.json', message: 'is not allowed by the localization schema' }],
    ['a missing short description', (file) => delete file['description.short'], { field: 'description.short in de.json', message: 'is required by the localization schema' }],
    [
      'a command the manifest does not have',
      (file) => (file[commandKey(9, 'title')] = 'extra'),
      { field: `${commandKey(9, 'title')} in de.json`, message: 'overrides nothing: manifest.json has no text there' },
    ],
  ])('finds %s in a language file', async (_case, change, expected) => {
    const zip = await repacked((contents) => change(contents.languageFiles['de.json'] as Record<string, unknown>));
    expect(await validateAppPackage(zip)).toEqual([expected]);
  });

  it('finds a language file outside the zip root and a language declared twice', async () => {
    const zip = await repacked((contents) => {
      contents.languageFiles['lang/de.json'] = contents.languageFiles['de.json'];
      info(contents.manifest).additionalLanguages.push({ languageTag: 'DE', file: 'lang/de.json' });
    });
    expect(await validateAppPackage(zip)).toEqual([
      { field: 'localizationInfo.additionalLanguages[1].languageTag', message: 'declares "DE" a second time' },
      { field: 'localizationInfo.additionalLanguages[1].file', message: 'must name a .json file at the package root, found "lang/de.json"' },
    ]);
  });
});
