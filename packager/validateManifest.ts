import { checkIcons, type AppIcons } from './iconChecks';
import { checkManifestRules } from './manifestRules';
import { validateAgainstManifestSchema } from './manifestSchema';
import type { PackageIssue } from './packageIssue';
import { findUnresolvedPlaceholders } from './placeholders';

function isWithin(field: string, parent: string): boolean {
  return field === parent || field.startsWith(`${parent}.`) || field.startsWith(`${parent}[`);
}

/**
 * Every check a filled manifest and its icons must pass before upload. A field that still holds a placeholder is
 * reported once as unresolved, not again as every pattern or rule it then fails.
 */
export function validateManifest(manifest: unknown, icons: AppIcons): PackageIssue[] {
  const unresolved = findUnresolvedPlaceholders(manifest);
  const unresolvedFields = unresolved.map((issue) => issue.field);
  const other = [...validateAgainstManifestSchema(manifest), ...checkManifestRules(manifest)].filter(
    (issue) => !unresolvedFields.some((field) => isWithin(issue.field, field)),
  );
  return [...unresolved, ...other, ...checkIcons(icons)];
}
