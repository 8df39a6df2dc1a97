/**
 * The package's languages as Teams reads them: `localizationInfo` names each language file, each file sits at the
 * zip root, passes the localization schema of the manifest's version (key names, length limits) and overrides only
 * text the manifest has.
 */
import { validateAgainstLocalizationSchema } from './manifestSchema';
import { childPath, type PackageIssue } from './packageIssue';

/** How an issue names a key of a language file: `name.short in de.json`. */
export function languageFileField(file: string, key: string): string {
  return `${key} in ${file}`;
}

/** Keys of a language file that are not manifest text. */
const NOT_OVERRIDES = new Set(['$schema', 'localizationKeys']);
const ROOT_JSON_FILE = /^[^/\\]+\.json$/i;

function property(value: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(value) ? (value[key] as unknown) : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

interface NamedFile {
  readonly field: string;
  readonly file: string;
}

/** Every language file `localizationInfo` names, with where it is named. */
function namedFiles(manifest: unknown): NamedFile[] {
  const info = property(manifest, 'localizationInfo');
  const named: NamedFile[] = [];
  const defaultFile = property(info, 'defaultLanguageFile');
  if (typeof defaultFile === 'string') named.push({ field: 'localizationInfo.defaultLanguageFile', file: defaultFile });
  const additional = property(info, 'additionalLanguages');
  (Array.isArray(additional) ? additional : []).forEach((language: unknown, index) => {
    const file = property(language, 'file');
    if (typeof file === 'string') named.push({ field: childPath(childPath('localizationInfo.additionalLanguages', index), 'file'), file });
  });
  return named;
}

/** The names of the language files the manifest's `localizationInfo` names, each once. */
export function namedLanguageFiles(manifest: unknown): string[] {
  return [...new Set(namedFiles(manifest).map((named) => named.file))];
}

/** The manifest's value at a language file key (`bots[0].commandLists[0].commands[2].title`). */
function valueAtKey(manifest: unknown, key: string): unknown {
  const segments = key.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  return segments.reduce<unknown>((node, segment) => (segment.startsWith('[') ? property(node, Number(segment.slice(1, -1))) : property(node, segment)), manifest);
}

function checkLanguageTags(manifest: unknown): PackageIssue[] {
  const additional = property(property(manifest, 'localizationInfo'), 'additionalLanguages');
  const seen = new Set<string>();
  return (Array.isArray(additional) ? additional : []).flatMap((language: unknown, index) => {
    const tag = property(language, 'languageTag');
    if (typeof tag !== 'string') return [];
    const folded = tag.toLowerCase();
    if (!seen.has(folded)) {
      seen.add(folded);
      return [];
    }
    return [{ field: childPath(childPath('localizationInfo.additionalLanguages', index), 'languageTag'), message: `declares "${tag}" a second time` }];
  });
}

function checkLanguageFile(manifest: unknown, file: string, content: unknown): PackageIssue[] {
  const schemaIssues = validateAgainstLocalizationSchema(content, property(manifest, 'manifestVersion')).map((issue) => ({
    field: issue.field.startsWith('(') ? file : languageFileField(file, issue.field),
    message: issue.message,
  }));
  const keys = content !== null && typeof content === 'object' && !Array.isArray(content) ? Object.keys(content) : [];
  // A key the schema refuses is reported once, as the schema sees it.
  const refused = new Set(schemaIssues.map((issue) => issue.field));
  const dangling = keys
    .filter((key) => !NOT_OVERRIDES.has(key) && !refused.has(languageFileField(file, key)) && typeof valueAtKey(manifest, key) !== 'string')
    .map((key) => ({ field: languageFileField(file, key), message: 'overrides nothing: manifest.json has no text there' }));
  return [...schemaIssues, ...dangling];
}

/**
 * Every check of the package's languages, given the language files by name. A manifest without `localizationInfo`
 * is in one language and passes.
 */
export function validateLocalization(manifest: unknown, languageFiles: Readonly<Record<string, unknown>>): PackageIssue[] {
  const issues: PackageIssue[] = checkLanguageTags(manifest);
  const checked = new Set<string>();
  for (const { field, file } of namedFiles(manifest)) {
    if (!ROOT_JSON_FILE.test(file)) {
      issues.push({ field, message: `must name a .json file at the package root, found ${JSON.stringify(file)}` });
    } else if (!Object.hasOwn(languageFiles, file)) {
      issues.push({ field: file, message: 'is named in localizationInfo but is not in the package' });
    } else if (!checked.has(file)) {
      checked.add(file);
      issues.push(...checkLanguageFile(manifest, file, languageFiles[file]));
    }
  }
  return issues;
}
