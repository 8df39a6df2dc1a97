/**
 * Rules the Teams manifest schema does not express but this bot depends on: a MAJOR.MINOR.PATCH `version`, one bot
 * whose id is also the SSO app (`webApplicationInfo`), the `api://botid-{botId}` resource Teams requests SSO tokens
 * for, bare host names in `validDomains`, and icons named as the files at the package root.
 */
import { APP_PACKAGE_FILES } from './appPackageFiles';
import { childPath, type PackageIssue } from './packageIssue';

/** Semantic version core only: Teams compares app versions as MAJOR.MINOR.PATCH and rejects suffixes. */
const SEMVER_CORE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** A host name, optionally with a leading `*.` wildcard; no scheme, port or path. */
const BARE_HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
/** The Bot Framework token service hosts the sign-in fallback pages Teams opens. */
export const BOT_FRAMEWORK_TOKEN_DOMAIN = 'token.botframework.com';

function property(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function checkVersion(manifest: unknown): PackageIssue[] {
  const version = property(manifest, 'version');
  if (typeof version === 'string' && SEMVER_CORE.test(version)) return [];
  return [{ field: 'version', message: `must be a semantic version MAJOR.MINOR.PATCH such as 1.0.0, found ${JSON.stringify(version)}` }];
}

function checkBotAndSso(manifest: unknown): PackageIssue[] {
  const bots = property(manifest, 'bots');
  const botId = Array.isArray(bots) ? property(bots[0], 'botId') : undefined;
  if (typeof botId !== 'string' || botId === '') return [{ field: 'bots[0].botId', message: 'this app needs one bot with a botId' }];
  const webApplicationInfo = property(manifest, 'webApplicationInfo');
  if (webApplicationInfo === undefined) {
    return [{ field: 'webApplicationInfo', message: 'is required for Teams single sign-on to the bot' }];
  }
  const issues: PackageIssue[] = [];
  const expectedResource = `api://botid-${botId}`;
  const resource = property(webApplicationInfo, 'resource');
  if (resource !== expectedResource) {
    issues.push({
      field: 'webApplicationInfo.resource',
      message: `must be "${expectedResource}" (api://botid- followed by bots[0].botId), found ${JSON.stringify(resource)}`,
    });
  }
  // The bot redeems the SSO token on-behalf-of itself, so the token's audience app must be the bot's own app.
  const ssoAppId = property(webApplicationInfo, 'id');
  if (typeof ssoAppId === 'string' && ssoAppId.toLowerCase() !== botId.toLowerCase()) {
    issues.push({ field: 'webApplicationInfo.id', message: `must be the bot's app id ${botId} (bots[0].botId), found ${ssoAppId}` });
  }
  return issues;
}

function checkValidDomains(manifest: unknown): PackageIssue[] {
  const domains = property(manifest, 'validDomains');
  if (!Array.isArray(domains)) return [{ field: 'validDomains', message: `must list the bot's domain and ${BOT_FRAMEWORK_TOKEN_DOMAIN}` }];
  const issues: PackageIssue[] = domains.flatMap((domain: unknown, index) =>
    typeof domain === 'string' && BARE_HOST.test(domain)
      ? []
      : [{ field: childPath('validDomains', index), message: `must be a host name without scheme, port or path, found ${JSON.stringify(domain)}` }],
  );
  if (!domains.includes(BOT_FRAMEWORK_TOKEN_DOMAIN)) {
    issues.push({ field: 'validDomains', message: `must include ${BOT_FRAMEWORK_TOKEN_DOMAIN} for the sign-in pages` });
  }
  return issues;
}

function checkIconFiles(manifest: unknown): PackageIssue[] {
  const icons = property(manifest, 'icons');
  return (['color', 'outline'] as const).flatMap((name) => {
    const file = property(icons, name);
    if (file === APP_PACKAGE_FILES[name]) return [];
    return [{ field: `icons.${name}`, message: `must be "${APP_PACKAGE_FILES[name]}", the icon file at the package root, found ${JSON.stringify(file)}` }];
  });
}

export function checkManifestRules(manifest: unknown): PackageIssue[] {
  return [...checkVersion(manifest), ...checkBotAndSso(manifest), ...checkValidDomains(manifest), ...checkIconFiles(manifest)];
}
