/**
 * The Teams app package as `npm run package` would fill it: every `${{NAME}}` placeholder of the manifest template
 * has a real value in the manifest env file, and the filled manifest names the same bot, SSO resource and domain
 * as the bot's own settings (Teams sends SSO tokens for the manifest's resource; the bot accepts its own).
 */
import { fillPlaceholders, listPlaceholders, type PlaceholderValues } from '../../packager/placeholders';
import { failed, passed, property, type CheckOutcome, type DoctorCheck } from '../checkResult';
import type { DoctorContext } from '../doctorContext';

/** env/.env.example's stand-in ids: a value still equal to it was never filled. */
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

const isFilled = (value: string | undefined): boolean => value !== undefined && value.trim() !== '' && value.trim() !== NIL_GUID;

interface ManifestSources {
  readonly template: unknown;
  readonly values: PlaceholderValues;
}

function manifestSources(context: DoctorContext): ManifestSources | CheckOutcome {
  const { manifestTemplate, manifestValues, files } = context;
  if (!manifestTemplate.ok) return failed(`the manifest template ${manifestTemplate.error}.`, `Restore ${files.appPackageDir}/manifest.json from the repository.`);
  if (!manifestValues.ok) {
    return failed(`the manifest env file ${manifestValues.error}.`, `Copy env/.env.example to ${files.manifestEnvFile} and fill it, or pass --manifest-env <file>.`);
  }
  return { template: manifestTemplate.value, values: manifestValues.value };
}

const isOutcome = (value: ManifestSources | CheckOutcome): value is CheckOutcome => 'ok' in value;

function unfilledNames({ template, values }: ManifestSources): string[] {
  return listPlaceholders(template).filter((name) => !isFilled(values[name]));
}

export const manifestPlaceholdersCheck: DoctorCheck = {
  name: 'manifest placeholders',
  run: (context) => {
    const sources = manifestSources(context);
    if (isOutcome(sources)) return sources;
    const unfilled = unfilledNames(sources);
    const file = context.files.manifestEnvFile;
    if (unfilled.length === 0) return passed(`${file} fills all ${listPlaceholders(sources.template).length} placeholders of the manifest.`);
    return failed(`${file} leaves ${unfilled.join(', ')} without a real value (empty, missing or the example's all-zero id).`, `Set ${unfilled.join(', ')} in ${file}; env/.env.example says what each one is.`);
  },
};

/** A manifest field that must carry one of the bot's settings. */
interface Expectation {
  readonly path: readonly (string | number)[];
  readonly setting: string;
  readonly expected: (context: DoctorContext) => string;
}

const EXPECTATIONS: readonly Expectation[] = [
  { path: ['bots', 0, 'botId'], setting: 'MICROSOFT_APP_ID', expected: ({ auth }) => auth.appId },
  { path: ['webApplicationInfo', 'id'], setting: 'MICROSOFT_APP_ID', expected: ({ auth }) => auth.appId },
  { path: ['webApplicationInfo', 'resource'], setting: 'SSO_APPLICATION_ID_URI', expected: ({ auth }) => auth.applicationIdUri },
  { path: ['validDomains', 0], setting: 'BOT_DOMAIN', expected: ({ auth }) => auth.botDomain },
];

const valueAt = (value: unknown, path: readonly (string | number)[]): unknown => path.reduce<unknown>((node, key) => property(node, String(key)), value);
const fieldName = (path: readonly (string | number)[]): string => path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').slice(1);

export const manifestMatchesSettingsCheck: DoctorCheck = {
  name: 'manifest matches settings',
  run: (context) => {
    const sources = manifestSources(context);
    if (isOutcome(sources)) return sources;
    // Unfilled placeholders stay as written, so only the fields that could be filled are compared (the check above names the rest).
    const keepUnfilled = Object.fromEntries(unfilledNames(sources).map((name) => [name, `\${{${name}}}`]));
    const filled = fillPlaceholders(sources.template, { ...sources.values, ...keepUnfilled });
    const manifest = filled.ok ? filled.value : undefined;
    const file = context.files.manifestEnvFile;
    const mismatches = EXPECTATIONS.flatMap((expectation) => {
      const actual = valueAt(manifest, expectation.path);
      const expected = expectation.expected(context);
      if (typeof actual !== 'string' || actual.includes('${{') || actual.toLowerCase() === expected.toLowerCase()) return [];
      const template = valueAt(sources.template, expectation.path);
      const names = listPlaceholders(template);
      const source = names.length > 0 ? `${names.join(', ')} in ${file}` : 'the manifest template';
      return [{ text: `${fieldName(expectation.path)} is ${actual} (from ${source}) but the bot's ${expectation.setting} is ${expected}`, names }];
    });
    if (mismatches.length === 0) return passed(`the manifest names the bot ${context.auth.appId}, its SSO resource and ${context.auth.botDomain}, as the settings do.`);
    const toChange = [...new Set(mismatches.flatMap((mismatch) => mismatch.names))];
    return failed(
      `${mismatches.map((mismatch) => mismatch.text).join('; ')}.`,
      `Make ${toChange.join(', ')} in ${file} agree with the bot's settings, then rebuild the package (npm run package) and upload it again.`,
    );
  },
};
