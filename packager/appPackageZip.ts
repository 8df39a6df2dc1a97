/**
 * The app package is a zip with `manifest.json`, the two icons and the language files `localizationInfo` names, flat
 * at its root; Teams rejects packages whose files sit in a folder (a common result of zipping the folder instead of
 * its contents).
 */
import JSZip from 'jszip';
import { fail, ok, type Result } from '../src/domain/result';
import type { AppIcons } from './iconChecks';
import { APP_PACKAGE_FILES } from './appPackageFiles';
import { namedLanguageFiles } from './localizationChecks';
import { describeError, type PackageIssue } from './packageIssue';

export interface AppPackageContents {
  readonly manifest: unknown;
  readonly icons: AppIcons;
  /** Language files by their name at the zip root (`de.json`), in the order they are zipped. */
  readonly languageFiles: Readonly<Record<string, unknown>>;
}

/** A fixed timestamp keeps the zip byte-for-byte reproducible for the same inputs. */
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1));

const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function writeAppPackageZip(contents: AppPackageContents): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: ENTRY_DATE };
  zip.file(APP_PACKAGE_FILES.manifest, jsonText(contents.manifest), options);
  zip.file(APP_PACKAGE_FILES.color, contents.icons.color, options);
  zip.file(APP_PACKAGE_FILES.outline, contents.icons.outline, options);
  Object.entries(contents.languageFiles).forEach(([name, content]) => zip.file(name, jsonText(content), options));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(describeError(error));
  }
}

/**
 * Reads a package back, requiring exactly the expected files at the zip root: the manifest, the icons and the
 * language files its `localizationInfo` names.
 */
export async function readAppPackageZip(bytes: Uint8Array): Promise<Result<AppPackageContents, PackageIssue[]>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return fail([{ field: '(zip)', message: `is not a readable zip file (${describeError(error)})` }]);
  }
  const readText = async (name: string): Promise<string | undefined> => zip.file(name)?.async('string');
  const manifestText = await readText(APP_PACKAGE_FILES.manifest);
  const manifest = manifestText === undefined ? undefined : parseJson(manifestText);
  if (manifest && !manifest.ok) return fail([{ field: APP_PACKAGE_FILES.manifest, message: `is not valid JSON (${manifest.error})` }]);
  const languageFileNames = manifest ? namedLanguageFiles(manifest.value) : [];
  const expected: readonly string[] = [...Object.values(APP_PACKAGE_FILES), ...languageFileNames];
  const entries = Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name);
  const issues: PackageIssue[] = [
    ...expected.filter((name) => !entries.includes(name)).map((name) => ({ field: name, message: 'is missing from the zip root' })),
    ...entries
      .filter((name) => !expected.includes(name))
      .map((name) => ({ field: name, message: 'is not expected in the package; only manifest.json, color.png, outline.png and the language files manifest.json names, at the zip root' })),
  ];
  if (issues.length > 0 || !manifest) return fail(issues);
  const languageFiles: Record<string, unknown> = {};
  for (const name of languageFileNames) {
    const content = parseJson((await readText(name)) ?? '');
    if (!content.ok) issues.push({ field: name, message: `is not valid JSON (${content.error})` });
    else languageFiles[name] = content.value;
  }
  if (issues.length > 0) return fail(issues);
  const read = (name: string) => zip.file(name)?.async('uint8array') ?? Promise.resolve(new Uint8Array());
  const [color, outline] = await Promise.all([read(APP_PACKAGE_FILES.color), read(APP_PACKAGE_FILES.outline)]);
  return ok({ manifest: manifest.value, icons: { color, outline }, languageFiles });
}
