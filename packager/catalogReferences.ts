/**
 * Catalog references in the manifest template: `${{TEXT:<key>}}` is a message of the bot's catalogs
 * (`src/i18n/catalogs/`), `${{WORD:<key>}}` the first of the words a `words.*` message lists (what a user types, so a
 * command's title). The app's English is written once, in the English catalog, and every shipped language
 * translates the app package as it translates the bot.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { fail, ok, type Result } from '../src/domain/result';
import { describeError, type PackageIssue } from './packageIssue';
import { mapStrings } from './placeholders';

const CATALOG_REFERENCE = /\$\{\{\s*(TEXT|WORD):([A-Za-z0-9.]+)\s*\}\}/g;

/** A language's messages by key, ICU MessageFormat (a `Catalog` of `src/i18n`, or a test's stand-in). */
export type MessageCatalog = Readonly<Record<string, string>>;

export interface FilledFromCatalog {
  readonly value: unknown;
  /** Each field that held a reference, by manifest path (`bots[0].commandLists[0].commands[2].title`): its text and the keys it came from. */
  readonly fields: ReadonlyMap<string, { readonly text: string; readonly keys: readonly string[] }>;
}

/** The alternatives of a `words.*` message are separated by `|`; the first is the one shown. */
const WORD_SEPARATOR = '|';

function formatMessage(catalog: MessageCatalog, key: string, language: string): Result<string, string> {
  const source = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
  if (source === undefined) return fail(`${key} is not a message of the ${language} catalog`);
  try {
    const formatted = new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).format();
    if (typeof formatted !== 'string') return fail(`${key} of the ${language} catalog does not format to text`);
    return ok(formatted);
  } catch (error) {
    // A manifest message has no values to fill: one that asks for any cannot go in the package.
    return fail(`${key} of the ${language} catalog does not format without values (${describeError(error)})`);
  }
}

function resolve(kind: string, key: string, catalog: MessageCatalog, language: string): Result<string, string> {
  const message = formatMessage(catalog, key, language);
  if (!message.ok || kind === 'TEXT') return message;
  const first = message.value.split(WORD_SEPARATOR)[0]?.trim() ?? '';
  return first === '' ? fail(`${key} of the ${language} catalog lists no word first`) : ok(first);
}

/** Replaces every catalog reference with its text in `language`; a reference that cannot be filled is an issue naming the field. */
export function fillCatalogReferences(template: unknown, catalog: MessageCatalog, language: string): Result<FilledFromCatalog, PackageIssue[]> {
  const issues: PackageIssue[] = [];
  const fields = new Map<string, { text: string; keys: string[] }>();
  const value = mapStrings(template, '', (text, path) => {
    const keys: string[] = [];
    const filled = text.replace(CATALOG_REFERENCE, (whole, kind: string, key: string) => {
      keys.push(key);
      const resolved = resolve(kind, key, catalog, language);
      if (resolved.ok) return resolved.value;
      issues.push({ field: path, message: `${resolved.error} (reference ${whole})` });
      return whole;
    });
    if (keys.length > 0) fields.set(path, { text: filled, keys });
    return filled;
  });
  return issues.length > 0 ? fail(issues) : ok({ value, fields });
}
