/**
 * Checks a manifest against the official Teams manifest JSON schema for its `manifestVersion`, as bundled in the
 * `@microsoft/app-manifest` npm package, so validation works offline. The schemas are draft-04 (with `const`, which
 * ajv-draft-04 supports); `strictTypes` is off because the official schemas omit `type` next to some keywords.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { childPath, type PackageIssue } from './packageIssue';

/** The newest stable schema `@microsoft/app-manifest` bundles; the manifest template uses it. */
export const MANIFEST_SCHEMA_VERSION = '1.30';

const validators = new Map<string, ValidateFunction>();

function bundledSchemaPath(manifestVersion: string): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

function validatorFor(manifestVersion: string): ValidateFunction | undefined {
  const cached = validators.get(manifestVersion);
  if (cached) return cached;
  if (!/^\d+\.\d+$/.test(manifestVersion)) return undefined;
  const schemaFile = bundledSchemaPath(manifestVersion);
  if (!fs.existsSync(schemaFile)) return undefined;
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  validators.set(manifestVersion, validate);
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

function toIssue(error: ErrorObject): PackageIssue {
  const at = pointerToPath(error.instancePath);
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { field: childPath(at, params.missingProperty), message: 'is required by the manifest schema' };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { field: childPath(at, params.additionalProperty), message: 'is not allowed by the manifest schema' };
  }
  const allowed = Array.isArray(params.allowedValues) ? ` (${params.allowedValues.map(String).join(', ')})` : '';
  return { field: at || '(manifest)', message: `${error.message ?? 'is invalid'}${allowed}` };
}

export function validateAgainstManifestSchema(manifest: unknown): PackageIssue[] {
  const manifestVersion =
    manifest !== null && typeof manifest === 'object' && 'manifestVersion' in manifest ? manifest.manifestVersion : undefined;
  if (typeof manifestVersion !== 'string') {
    return [{ field: 'manifestVersion', message: 'is required and must be a string such as "1.30"' }];
  }
  const validate = validatorFor(manifestVersion);
  if (!validate) {
    return [{ field: 'manifestVersion', message: `"${manifestVersion}" has no schema bundled in @microsoft/app-manifest` }];
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(toIssue);
}
