/**
 * The one place that reads the environment. `loadConfig` parses it (plus a `.env` file, which never overrides
 * real environment variables) once into a typed, frozen `Config`. No app credentials means local mode; any
 * credential setting without the rest is a start-up error that names what is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors/configError';
import { canonicalTag } from './i18n/languages';
import type { LogLevel } from './logger';

export type StorageConfig =
  | { readonly kind: 'memory' }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string }
  | {
      readonly kind: 'cosmos';
      readonly endpoint: string;
      readonly key: string;
      readonly databaseId: string;
      readonly containerId: string;
      /** Whether the SDK follows the regions the account advertises (its default); off for an emulator behind another address. */
      readonly endpointDiscovery: boolean;
    };

export interface AuthConfig {
  readonly appId: string;
  readonly appPassword: string | undefined;
  readonly certificatePath: string | undefined;
  readonly certificateThumbprint: string | undefined;
  readonly tenantId: string;
  readonly appType: 'SingleTenant' | 'MultiTenant';
  /** The Application ID URI Teams requests SSO tokens for; must equal the manifest's webApplicationInfo.resource. */
  readonly applicationIdUri: string;
  /** Public host name of the bot (no scheme), used for the fallback sign-in pages. */
  readonly botDomain: string;
  readonly graphScopes: readonly string[];
  readonly authorityHost: string;
  /** Where the Bot Framework channel's signing keys are published; only sovereign clouds and tests change it. */
  readonly botFrameworkOpenIdMetadataUrl: string | undefined;
  /**
   * Base64 AES-256 key for the token cache shared through Blob or Cosmos storage (it holds refresh tokens).
   * Undefined with memory storage, where the cache stays in the process.
   */
  readonly tokenCacheEncryptionKey: string | undefined;
}

export interface Config {
  readonly mode: 'local' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly graph: { readonly baseUrl: string; readonly timeoutMs: number; readonly maxRetries: number; readonly maxRetryWaitSeconds: number };
  readonly profileService: { readonly host: string; readonly port: number; readonly dataDir: string };
  /**
   * The Agents Playground of local mode. It always sends `en-US` and no time zone; `locale` and `timeZone`
   * (`LOCAL_LOCALE`, `LOCAL_TIMEZONE`) are set on its activities on their way to the bot, to try another language.
   */
  readonly playground: { readonly port: number; readonly locale?: string; readonly timeZone?: string };
  readonly auth: AuthConfig | null;
  readonly storage: StorageConfig;
  /**
   * An upper bound on how long every expiring record kind lives (`src/storage/onceKinds.ts`); `null` keeps the
   * documented lifetimes. It never touches a kind kept until something deletes it (the welcome claim).
   */
  readonly records: { readonly lifetimeCapMs: number | null };
  /**
   * Delegated scopes asked for only when someone asks "who can help with …", in an on-behalf-of request of their
   * own, so signing in for everything else never depends on them (see docs/who-can-help.md).
   */
  readonly helpers: { readonly colleagueScopes: readonly string[]; readonly peopleScopes: readonly string[] };
}


const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    // Intl refuses zones it does not know: the setting names no zone.
    return false;
  }
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positive = (fallback: number) => z.coerce.number().positive().default(fallback);

const envSchema = z.object({
  PORT: port(3978),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  GRAPH_BASE_URL: optionalText.pipe(z.string().url().optional()),
  GRAPH_TIMEOUT_MS: positive(10_000),
  GRAPH_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  GRAPH_MAX_RETRY_WAIT_SECONDS: positive(30),
  PROFILE_SERVICE_HOST: z.string().default('127.0.0.1'),
  PROFILE_SERVICE_PORT: port(3979),
  PROFILE_SERVICE_DATA_DIR: z.string().default('data'),
  PLAYGROUND_PORT: port(56150),
  LOCAL_LOCALE: optionalText.pipe(z.string().refine((tag) => canonicalTag(tag) !== undefined, 'must be a language tag such as de-DE').optional()),
  LOCAL_TIMEZONE: optionalText.pipe(z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').optional()),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_CERTIFICATE_PATH: optionalText,
  MICROSOFT_APP_CERTIFICATE_THUMBPRINT: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant']).default('SingleTenant'),
  SSO_APPLICATION_ID_URI: optionalText,
  BOT_DOMAIN: optionalText,
  GRAPH_SCOPES: z.string().default('User.ReadWrite'),
  HELPERS_COLLEAGUE_SCOPES: z.string().default('User.Read.All'),
  HELPERS_PEOPLE_SCOPES: z.string().default('People.Read'),
  AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
  BOT_OPENID_METADATA_URL: optionalText.pipe(z.string().url().optional()),
  TOKEN_CACHE_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
  ),
  STORAGE_KIND: z.enum(['memory', 'blob', 'cosmos']).default('memory'),
  STORAGE_BLOB_CONNECTION_STRING: optionalText,
  STORAGE_BLOB_CONTAINER: z.string().default('bot-state'),
  STORAGE_COSMOS_ENDPOINT: optionalText,
  STORAGE_COSMOS_KEY: optionalText,
  STORAGE_COSMOS_DATABASE: z.string().default('profile-interests-bot'),
  STORAGE_COSMOS_CONTAINER: z.string().default('bot-state'),
  STORAGE_COSMOS_ENDPOINT_DISCOVERY: z.enum(['true', 'false']).default('true'),
  // Whole seconds, at least 1; above the longest documented lifetime (24 h) it changes nothing.
  STORAGE_RECORD_LIFETIME_SECONDS: optionalText.pipe(z.coerce.number().int().min(1).optional()),
});

type Env = z.infer<typeof envSchema>;

const CREDENTIAL_SETTINGS = [
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_CERTIFICATE_PATH',
  'MICROSOFT_APP_TENANT_ID',
  'SSO_APPLICATION_ID_URI',
  'BOT_DOMAIN',
] as const;

function requireSetting(env: Env, name: keyof Env, why: string): string {
  const value = env[name];
  if (typeof value !== 'string' || value === '') throw new ConfigError(`Missing setting ${name}: ${why}`);
  return value;
}

function parseAuth(env: Env): AuthConfig | null {
  if (!CREDENTIAL_SETTINGS.some((name) => env[name] !== undefined)) return null;
  const appId = requireSetting(env, 'MICROSOFT_APP_ID', 'the bot app registration (client) id is needed once any credential is set.');
  if (!env.MICROSOFT_APP_PASSWORD && !env.MICROSOFT_APP_CERTIFICATE_PATH) {
    throw new ConfigError('Missing setting MICROSOFT_APP_PASSWORD (or MICROSOFT_APP_CERTIFICATE_PATH): the bot needs a client secret or certificate.');
  }
  if (env.MICROSOFT_APP_CERTIFICATE_PATH && !env.MICROSOFT_APP_CERTIFICATE_THUMBPRINT) {
    throw new ConfigError('Missing setting MICROSOFT_APP_CERTIFICATE_THUMBPRINT: it is required with MICROSOFT_APP_CERTIFICATE_PATH.');
  }
  const tenantId = requireSetting(env, 'MICROSOFT_APP_TENANT_ID', 'the Entra tenant of the app registration.');
  const botDomain = requireSetting(env, 'BOT_DOMAIN', 'the public host name of the bot, for the sign-in pages.');
  return {
    appId,
    appPassword: env.MICROSOFT_APP_PASSWORD,
    certificatePath: env.MICROSOFT_APP_CERTIFICATE_PATH,
    certificateThumbprint: env.MICROSOFT_APP_CERTIFICATE_THUMBPRINT,
    tenantId,
    appType: env.MICROSOFT_APP_TYPE,
    applicationIdUri: env.SSO_APPLICATION_ID_URI ?? `api://botid-${appId}`,
    botDomain: botDomain.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
    graphScopes: env.GRAPH_SCOPES.split(/[\s,]+/).filter(Boolean),
    authorityHost: env.AUTHORITY_HOST.replace(/\/+$/, ''),
    botFrameworkOpenIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
    tokenCacheEncryptionKey: env.STORAGE_KIND === 'memory' ? undefined : requireSetting(env, 'TOKEN_CACHE_ENCRYPTION_KEY', 'the token cache is shared through storage and must be encrypted; generate one with `openssl rand -base64 32`.'),
  };
}

function parseStorage(env: Env): StorageConfig {
  switch (env.STORAGE_KIND) {
    case 'memory':
      return { kind: 'memory' };
    case 'blob':
      return {
        kind: 'blob',
        connectionString: requireSetting(env, 'STORAGE_BLOB_CONNECTION_STRING', 'STORAGE_KIND=blob needs the storage account connection string.'),
        container: env.STORAGE_BLOB_CONTAINER,
      };
    case 'cosmos':
      return {
        kind: 'cosmos',
        endpoint: requireSetting(env, 'STORAGE_COSMOS_ENDPOINT', 'STORAGE_KIND=cosmos needs the account endpoint.'),
        key: requireSetting(env, 'STORAGE_COSMOS_KEY', 'STORAGE_KIND=cosmos needs the account key.'),
        databaseId: env.STORAGE_COSMOS_DATABASE,
        containerId: env.STORAGE_COSMOS_CONTAINER,
        endpointDiscovery: env.STORAGE_COSMOS_ENDPOINT_DISCOVERY === 'true',
      };
  }
}

const scopeList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

function readDotenv(file: string): Record<string, string> {
  return fs.existsSync(file) ? parseDotenv(fs.readFileSync(file)) : {};
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses settings from `env` (default: the process environment) over those in `dotenvFile` (default `./.env`;
 * pass `null` to ignore files, as tests do).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvFile: string | null = path.resolve('.env')): Config {
  const merged = { ...(dotenvFile ? readDotenv(dotenvFile) : {}), ...env };
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unreadable value'}`);
  }
  const values = parsed.data;
  const auth = parseAuth(values);
  const mode = auth ? 'production' : 'local';
  const profileService = { host: values.PROFILE_SERVICE_HOST, port: values.PROFILE_SERVICE_PORT, dataDir: path.resolve(values.PROFILE_SERVICE_DATA_DIR) };
  const localGraph = `http://${profileService.host}:${profileService.port}/beta`;
  return deepFreeze<Config>({
    mode,
    // Local mode has no inbound authentication, so it listens on loopback only.
    host: values.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    graph: {
      baseUrl: (values.GRAPH_BASE_URL ?? (mode === 'local' ? localGraph : 'https://graph.microsoft.com/beta')).replace(/\/+$/, ''),
      timeoutMs: values.GRAPH_TIMEOUT_MS,
      maxRetries: values.GRAPH_MAX_RETRIES,
      maxRetryWaitSeconds: values.GRAPH_MAX_RETRY_WAIT_SECONDS,
    },
    profileService,
    playground: {
      port: values.PLAYGROUND_PORT,
      ...(values.LOCAL_LOCALE !== undefined ? { locale: canonicalTag(values.LOCAL_LOCALE) ?? values.LOCAL_LOCALE } : {}),
      ...(values.LOCAL_TIMEZONE !== undefined ? { timeZone: values.LOCAL_TIMEZONE } : {}),
    },
    auth,
    storage: parseStorage(values),
    records: { lifetimeCapMs: values.STORAGE_RECORD_LIFETIME_SECONDS === undefined ? null : values.STORAGE_RECORD_LIFETIME_SECONDS * 1000 },
    helpers: { colleagueScopes: scopeList(values.HELPERS_COLLEAGUE_SCOPES), peopleScopes: scopeList(values.HELPERS_PEOPLE_SCOPES) },
  });
}
