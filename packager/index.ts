/** The Teams app package: fill the manifest template, validate it offline, zip it. */
export { APP_PACKAGE_FILES } from './appPackageFiles';
export { readAppPackageZip, writeAppPackageZip, type AppPackageContents } from './appPackageZip';
export { buildAppPackage, validateAppPackage, type AppPackageSources, type BuiltAppPackage } from './buildAppPackage';
export { checkIcons, ICON_SIZES, type AppIcons } from './iconChecks';
export { checkManifestRules, BOT_FRAMEWORK_TOKEN_DOMAIN } from './manifestRules';
export { MANIFEST_SCHEMA_VERSION, validateAgainstManifestSchema } from './manifestSchema';
export { formatIssue, type PackageIssue } from './packageIssue';
export { fillPlaceholders, findUnresolvedPlaceholders, listPlaceholders, type PlaceholderValues } from './placeholders';
export { validateManifest } from './validateManifest';
export { PACKAGE_DEFAULTS, parsePackageArguments, runPackageCommand, type PackageCommandIo, type PackageCommandOptions } from './packageCommand';
