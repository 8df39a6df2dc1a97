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
