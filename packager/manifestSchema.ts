/**
 * Checks a manifest, and a language file of the package, against the official Teams JSON schemas for the manifest's
 * `manifestVersion`, as bundled in the `@microsoft/app-manifest` npm package, so validation works offline. The
 * schemas are draft-04 (with `const`, which ajv-draft-04 supports); `strictTypes` is off because the official schemas
 * omit `type` next to some keywords.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { childPath, type PackageIssue } from './packageIssue';

/** The newest stable schema `@microsoft/app-manifest` bundles; the manifest template uses it. */
export const MANIFEST_SCHEMA_VERSION = '1.30';

interface BundledSchema {
  readonly file: string;
  /** How issues name it: "is not allowed by the manifest schema". */
  readonly name: string;
  readonly options: Options;
}

const MANIFEST: BundledSchema = { file: 'MicrosoftTeams.schema.json', name: 'manifest schema', options: { allErrors: true, strictTypes: false } };

/**
 * The localization schema's patterns are written for JavaScript's non-Unicode regular expressions (one has a lone
 * `]`, a syntax error under the `u` flag ajv uses by default). `verbose` keeps the checked text in each error, so an
 * over-long translation is reported with its length.
 */
const LOCALIZATION: BundledSchema = {
  file: 'MicrosoftTeams.Localization.schema.json',
  name: 'localization schema',
  options: { allErrors: true, strictTypes: false, unicodeRegExp: false, verbose: true },
};

const validators = new Map<string, ValidateFunction>();

function bundledSchemaPath(manifestVersion: string, schemaFile: string): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, schemaFile);
}

/** Where a language file points its `$schema`, as the manifest points to its own. */
export function localizationSchemaUrl(manifestVersion: string): string {
  return `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifestVersion}/${LOCALIZATION.file}`;
}

function validatorFor(manifestVersion: string, schema: BundledSchema): ValidateFunction | undefined {
  const cacheKey = `${manifestVersion}/${schema.file}`;
  const cached = validators.get(cacheKey);
  if (cached) return cached;
  if (!/^\d+\.\d+$/.test(manifestVersion)) return undefined;
  const schemaFile = bundledSchemaPath(manifestVersion, schema.file);
  if (!fs.existsSync(schemaFile)) return undefined;
  const ajv = new Ajv(schema.options);
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  validators.set(cacheKey, validate);
  return validate;
}

/** `/bots/0/botId` → `bots[0].botId`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((parent, segment) => childPath(parent, /^\d+$/.test(segment) ? Number(segment) : segment), '');
}

/** Characters as the schemas count them (code points, as ajv does), so a length matches the limit it is compared with. */
function characterCount(text: string): number {
  return [...text].length;
}

function toIssue(error: ErrorObject, schema: BundledSchema, document: string): PackageIssue {
  const at = pointerToPath(error.instancePath);
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { field: childPath(at, params.missingProperty), message: `is required by the ${schema.name}` };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { field: childPath(at, params.additionalProperty), message: `is not allowed by the ${schema.name}` };
  }
  if (error.keyword === 'maxLength' && typeof params.limit === 'number' && typeof error.data === 'string') {
    return { field: at, message: `is ${characterCount(error.data)} characters long; Teams allows at most ${params.limit}` };
  }
  const allowed = Array.isArray(params.allowedValues) ? ` (${params.allowedValues.map(String).join(', ')})` : '';
  return { field: at || document, message: `${error.message ?? 'is invalid'}${allowed}` };
}

function manifestVersionOf(manifest: unknown): unknown {
  return manifest !== null && typeof manifest === 'object' && 'manifestVersion' in manifest ? manifest.manifestVersion : undefined;
}

export function validateAgainstManifestSchema(manifest: unknown): PackageIssue[] {
  const manifestVersion = manifestVersionOf(manifest);
  if (typeof manifestVersion !== 'string') {
    return [{ field: 'manifestVersion', message: 'is required and must be a string such as "1.30"' }];
  }
  const validate = validatorFor(manifestVersion, MANIFEST);
  if (!validate) {
    return [{ field: 'manifestVersion', message: `"${manifestVersion}" has no schema bundled in @microsoft/app-manifest` }];
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => toIssue(error, MANIFEST, '(manifest)'));
}

/**
 * Checks a language file against the localization schema of the manifest's version. Fields are the file's keys
 * (`name.short`, `bots[0].commandLists[0].commands[1].title`); the caller says which file they are in.
 */
export function validateAgainstLocalizationSchema(languageFile: unknown, manifestVersion: unknown): PackageIssue[] {
  // A manifest without a usable version is reported by the manifest schema check; there is no schema to pick here.
  if (typeof manifestVersion !== 'string') return [];
  const validate = validatorFor(manifestVersion, LOCALIZATION);
  if (!validate) {
    return [{ field: '(language file)', message: `manifest version "${manifestVersion}" has no localization schema bundled in @microsoft/app-manifest` }];
  }
  if (validate(languageFile)) return [];
  return (validate.errors ?? []).map((error) => toIssue(error, LOCALIZATION, '(language file)'));
}
