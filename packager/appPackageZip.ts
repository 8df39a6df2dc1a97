/**
 * The app package is a zip with `manifest.json` and the two icons flat at its root; Teams rejects packages whose
 * files sit in a folder (a common result of zipping the folder instead of its contents).
 */
import JSZip from 'jszip';
import { fail, ok, type Result } from '../src/domain/result';
import type { AppIcons } from './iconChecks';
import { APP_PACKAGE_FILES } from './appPackageFiles';
import { describeError, type PackageIssue } from './packageIssue';

export interface AppPackageContents {
  readonly manifest: unknown;
  readonly icons: AppIcons;
}

/** A fixed timestamp keeps the zip byte-for-byte reproducible for the same inputs. */
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1));

export async function writeAppPackageZip(contents: AppPackageContents): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: ENTRY_DATE };
  zip.file(APP_PACKAGE_FILES.manifest, `${JSON.stringify(contents.manifest, null, 2)}\n`, options);
  zip.file(APP_PACKAGE_FILES.color, contents.icons.color, options);
  zip.file(APP_PACKAGE_FILES.outline, contents.icons.outline, options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(describeError(error));
  }
}

/** Reads a package back, requiring exactly the three expected files at the zip root. */
export async function readAppPackageZip(bytes: Uint8Array): Promise<Result<AppPackageContents, PackageIssue[]>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return fail([{ field: '(zip)', message: `is not a readable zip file (${describeError(error)})` }]);
  }
  const expected: readonly string[] = Object.values(APP_PACKAGE_FILES);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name);
  const issues: PackageIssue[] = [
    ...expected.filter((name) => !entries.includes(name)).map((name) => ({ field: name, message: 'is missing from the zip root' })),
    ...entries.filter((name) => !expected.includes(name)).map((name) => ({ field: name, message: 'is not expected in the package; only manifest.json, color.png and outline.png at the zip root' })),
  ];
  if (issues.length > 0) return fail(issues);
  const read = (name: string) => zip.file(name)?.async('uint8array') ?? Promise.resolve(new Uint8Array());
  const [manifestBytes, color, outline] = await Promise.all([read(APP_PACKAGE_FILES.manifest), read(APP_PACKAGE_FILES.color), read(APP_PACKAGE_FILES.outline)]);
  const manifest = parseJson(Buffer.from(manifestBytes).toString('utf8'));
  if (!manifest.ok) return fail([{ field: APP_PACKAGE_FILES.manifest, message: `is not valid JSON (${manifest.error})` }]);
  return ok({ manifest: manifest.value, icons: { color, outline } });
}
