/**
 * `${{NAME}}` placeholders in the manifest template (the convention of Microsoft's Teams project templates),
 * filled from an env file when packaging. The template is parsed JSON and placeholders are replaced inside string
 * values, so a value can never break the JSON around it and every problem can name the manifest field it is in.
 */
import { fail, ok, type Result } from '../src/domain/result';
import { childPath, type PackageIssue } from './packageIssue';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const PLACEHOLDER_START = '${{';

export type PlaceholderValues = Readonly<Record<string, string | undefined>>;

type StringVisitor = (text: string, path: string) => string;

/** A copy of a JSON value with every string value replaced by what `visit` makes of it, given its manifest path. */
export function mapStrings(value: unknown, path: string, visit: StringVisitor): unknown {
  if (typeof value === 'string') return visit(value, path);
  if (Array.isArray(value)) return value.map((item, index) => mapStrings(item, childPath(path, index), visit));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, childPath(path, key), visit)]));
  }
  return value;
}

/** The names of all placeholders the template uses, each once, in order of first use. */
export function listPlaceholders(template: unknown): string[] {
  const names = new Set<string>();
  mapStrings(template, '', (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] ?? '');
    return text;
  });
  return [...names];
}

/** Replaces every placeholder with its value; a missing or blank value is an issue naming the field and the setting. */
export function fillPlaceholders(template: unknown, values: PlaceholderValues): Result<unknown, PackageIssue[]> {
  const issues: PackageIssue[] = [];
  const filled = mapStrings(template, '', (text, path) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name]?.trim();
      if (value) return value;
      issues.push({ field: path, message: `${name} has no value in the env file (placeholder ${whole})` });
      return whole;
    }),
  );
  return issues.length > 0 ? fail(issues) : ok(filled);
}

/** Any `${{` left in a string value means the manifest was not (fully) filled. */
export function findUnresolvedPlaceholders(manifest: unknown): PackageIssue[] {
  const issues: PackageIssue[] = [];
  mapStrings(manifest, '', (text, path) => {
    if (text.includes(PLACEHOLDER_START)) issues.push({ field: path, message: `unresolved placeholder in "${text}"` });
    return text;
  });
  return issues;
}
