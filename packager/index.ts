/** The Teams app package: fill the manifest template in every shipped language, validate it offline, zip it. */
export { APP_PACKAGE_FILES } from './appPackageFiles';
export { languageFileName, manifestLanguageTag, MANIFEST_SOURCE_LANGUAGE, SHIPPED_CATALOGS, type AppCatalogs } from './appLanguages';
export { fillCatalogReferences, type MessageCatalog } from './catalogReferences';
export { languageFileField, namedLanguageFiles, validateLocalization } from './localizationChecks';
export { localizeManifest, type LanguageFile, type LocalizedManifest } from './localizeManifest';
export { readAppPackageZip, writeAppPackageZip, type AppPackageContents } from './appPackageZip';
export { buildAppPackage, validateAppPackage, type AppPackageSources, type BuiltAppPackage } from './buildAppPackage';
export { checkIcons, ICON_SIZES, type AppIcons } from './iconChecks';
export { checkManifestRules, BOT_FRAMEWORK_TOKEN_DOMAIN } from './manifestRules';
export { localizationSchemaUrl, MANIFEST_SCHEMA_VERSION, validateAgainstLocalizationSchema, validateAgainstManifestSchema } from './manifestSchema';
export { formatIssue, type PackageIssue } from './packageIssue';
export { fillPlaceholders, findUnresolvedPlaceholders, listPlaceholders, type PlaceholderValues } from './placeholders';
export { validateManifest } from './validateManifest';
export { PACKAGE_DEFAULTS, parsePackageArguments, runPackageCommand, type PackageCommandIo, type PackageCommandOptions } from './packageCommand';
