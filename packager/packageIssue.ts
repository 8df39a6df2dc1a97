/**
 * One problem found while building or checking the Teams app package. `field` names where it is: a manifest
 * path such as `bots[0].botId`, an icon such as `icons.outline`, or a zip entry.
 */
export interface PackageIssue {
  readonly field: string;
  readonly message: string;
}

export function formatIssue(issue: PackageIssue): string {
  return `${issue.field}: ${issue.message}`;
}

/** Appends an object key or array index to a manifest path, in the `a.b[0].c` form people read in the manifest. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The message of anything thrown, without relying on `instanceof Error` (which fails across VM realms, as in jest). */
export function describeError(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
