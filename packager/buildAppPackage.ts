import { fail, ok, type Result } from '../src/domain/result';
import { readAppPackageZip, writeAppPackageZip } from './appPackageZip';
import type { AppIcons } from './iconChecks';
import type { PackageIssue } from './packageIssue';
import { fillPlaceholders, type PlaceholderValues } from './placeholders';
import { validateManifest } from './validateManifest';

export interface AppPackageSources {
  /** The parsed `appPackage/manifest.json`, with `${{NAME}}` placeholders. */
  readonly template: unknown;
  readonly values: PlaceholderValues;
  readonly icons: AppIcons;
}

export interface BuiltAppPackage {
  readonly zip: Buffer;
  readonly manifest: unknown;
}

/** Checks a finished package zip as Teams will see it: its file layout, the manifest and the icons. */
export async function validateAppPackage(zipBytes: Uint8Array): Promise<PackageIssue[]> {
  const contents = await readAppPackageZip(zipBytes);
  if (!contents.ok) return contents.error;
  return validateManifest(contents.value.manifest, contents.value.icons);
}

/** Fills the template, validates it with the icons, zips it and checks the zip it wrote. */
export async function buildAppPackage(sources: AppPackageSources): Promise<Result<BuiltAppPackage, PackageIssue[]>> {
  const filled = fillPlaceholders(sources.template, sources.values);
  if (!filled.ok) return filled;
  const manifest = filled.value;
  const issues = validateManifest(manifest, sources.icons);
  if (issues.length > 0) return fail(issues);
  const zip = await writeAppPackageZip({ manifest, icons: sources.icons });
  const zipIssues = await validateAppPackage(zip);
  return zipIssues.length > 0 ? fail(zipIssues) : ok({ zip, manifest });
}
