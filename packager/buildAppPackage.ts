import { fail, ok, type Result } from '../src/domain/result';
import type { AppCatalogs } from './appLanguages';
import { readAppPackageZip, writeAppPackageZip } from './appPackageZip';
import type { AppIcons } from './iconChecks';
import { languageFileField, validateLocalization } from './localizationChecks';
import { localizeManifest, type LanguageFile } from './localizeManifest';
import type { PackageIssue } from './packageIssue';
import { fillPlaceholders, type PlaceholderValues } from './placeholders';
import { validateManifest } from './validateManifest';

export interface AppPackageSources {
  /** The parsed `appPackage/manifest.json`, with `${{NAME}}` placeholders and `${{TEXT:key}}` catalog references. */
  readonly template: unknown;
  readonly values: PlaceholderValues;
  readonly icons: AppIcons;
  /** The message catalogs by language (`SHIPPED_CATALOGS`); each language other than English becomes a language file. */
  readonly catalogs: AppCatalogs;
}

export interface BuiltAppPackage {
  readonly zip: Buffer;
  readonly manifest: unknown;
  /** The language files in the zip, by name (`de.json`). */
  readonly languageFiles: Readonly<Record<string, unknown>>;
  /** The package's languages, the manifest's own first (`en`, `de`, `pt-BR`). */
  readonly languageTags: readonly string[];
}

/** Checks a finished package zip as Teams will see it: its file layout, the manifest, the icons and the language files. */
export async function validateAppPackage(zipBytes: Uint8Array): Promise<PackageIssue[]> {
  const contents = await readAppPackageZip(zipBytes);
  if (!contents.ok) return contents.error;
  const { manifest, icons, languageFiles } = contents.value;
  return [...validateManifest(manifest, icons), ...validateLocalization(manifest, languageFiles)];
}

/** An issue in a language file also names the catalog message to fix (`manifest.name.short in the de catalog`). */
function withCatalogSource(issues: readonly PackageIssue[], languageFiles: readonly LanguageFile[]): PackageIssue[] {
  const sources = new Map(
    languageFiles.flatMap((languageFile) =>
      [...languageFile.sources].map(([key, keys]) => [languageFileField(languageFile.file, key), `${keys.join(', ')} in the ${languageFile.language} catalog`] as const),
    ),
  );
  return issues.map((issue) => {
    const source = sources.get(issue.field);
    return source === undefined ? issue : { ...issue, message: `${issue.message} (${source})` };
  });
}

/** Fills the template in every language, validates it with the icons, zips it and checks the zip it wrote. */
export async function buildAppPackage(sources: AppPackageSources): Promise<Result<BuiltAppPackage, PackageIssue[]>> {
  const filled = fillPlaceholders(sources.template, sources.values);
  if (!filled.ok) return filled;
  const localized = localizeManifest(filled.value, sources.catalogs);
  if (!localized.ok) return localized;
  const { manifest, languageTags } = localized.value;
  const languageFiles = Object.fromEntries(localized.value.languageFiles.map(({ file, content }) => [file, content]));
  const issues = [
    ...validateManifest(manifest, sources.icons),
    ...withCatalogSource(validateLocalization(manifest, languageFiles), localized.value.languageFiles),
  ];
  if (issues.length > 0) return fail(issues);
  const zip = await writeAppPackageZip({ manifest, icons: sources.icons, languageFiles });
  const zipIssues = await validateAppPackage(zip);
  return zipIssues.length > 0 ? fail(zipIssues) : ok({ zip, manifest, languageFiles, languageTags });
}
