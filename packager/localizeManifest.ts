/**
 * Turns the template's catalog references into the manifest's English and one language file per other shipped
 * language. A language file holds, for each manifest field that takes words from the catalogs, that field's text in
 * the language, keyed by the field's manifest path (`name.short`, `bots[0].commandLists[0].commands[2].title`), as
 * the localization schema names them; `localizationInfo` lists the files.
 */
import { fail, ok, type Result } from '../src/domain/result';
import { languageFileName, manifestLanguageTag, MANIFEST_SOURCE_LANGUAGE, type AppCatalogs } from './appLanguages';
import { fillCatalogReferences } from './catalogReferences';
import { localizationSchemaUrl } from './manifestSchema';
import type { PackageIssue } from './packageIssue';

export interface LanguageFile {
  /** The bot's language (`pt`), whose catalog the file comes from. */
  readonly language: string;
  /** How `localizationInfo` declares it (`pt-BR`). */
  readonly languageTag: string;
  /** Its name at the zip root (`pt-BR.json`). */
  readonly file: string;
  readonly content: Readonly<Record<string, string>>;
  /** The catalog keys each of its fields came from, for issues that name what to shorten or fix. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
}

export interface LocalizedManifest {
  readonly manifest: unknown;
  readonly languageFiles: readonly LanguageFile[];
  /** Every language of the package, the manifest's own first (`en`, `de`, `pt-BR`). */
  readonly languageTags: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `template` has its `${{NAME}}` settings filled; its catalog references are filled here, from the source catalog
 * for the manifest and from each other catalog for that language's file.
 */
export function localizeManifest(template: unknown, catalogs: AppCatalogs): Result<LocalizedManifest, PackageIssue[]> {
  const sourceCatalog = catalogs[MANIFEST_SOURCE_LANGUAGE];
  if (sourceCatalog === undefined) return fail([{ field: '(catalogs)', message: `the ${MANIFEST_SOURCE_LANGUAGE} catalog, the manifest's own language, is missing` }]);
  if (isRecord(template) && template.localizationInfo !== undefined) {
    return fail([{ field: 'localizationInfo', message: 'is written by the packager from the shipped catalogs; remove it from the template' }]);
  }
  const source = fillCatalogReferences(template, sourceCatalog, MANIFEST_SOURCE_LANGUAGE);
  if (!source.ok) return source;
  const manifestVersion = isRecord(template) ? template.manifestVersion : undefined;
  const issues: PackageIssue[] = [];
  const languageFiles: LanguageFile[] = [];
  for (const [language, catalog] of Object.entries(catalogs)) {
    if (language === MANIFEST_SOURCE_LANGUAGE) continue;
    const localized = fillCatalogReferences(template, catalog, language);
    if (!localized.ok) {
      issues.push(...localized.error);
      continue;
    }
    const languageTag = manifestLanguageTag(language);
    const fields = [...localized.value.fields];
    languageFiles.push({
      language,
      languageTag,
      file: languageFileName(languageTag),
      content: {
        ...(typeof manifestVersion === 'string' ? { $schema: localizationSchemaUrl(manifestVersion) } : {}),
        ...Object.fromEntries(fields.map(([path, field]) => [path, field.text])),
      },
      sources: new Map(fields.map(([path, field]) => [path, field.keys])),
    });
  }
  if (issues.length > 0) return fail(issues);
  const localizationInfo = {
    defaultLanguageTag: manifestLanguageTag(MANIFEST_SOURCE_LANGUAGE),
    additionalLanguages: languageFiles.map(({ languageTag, file }) => ({ languageTag, file })),
  };
  const manifest = isRecord(source.value.value) ? { ...source.value.value, localizationInfo } : source.value.value;
  return ok({ manifest, languageFiles, languageTags: [localizationInfo.defaultLanguageTag, ...languageFiles.map((file) => file.languageTag)] });
}
