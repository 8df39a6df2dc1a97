import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../src/errors/configError';
import { loadConfig } from '../src/config';

const production = {
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-0000000000a1',
  MICROSOFT_APP_PASSWORD: 'secret-value',
  MICROSOFT_APP_TENANT_ID: '00000000-0000-0000-0000-0000000000b2',
  BOT_DOMAIN: 'https://bot.example.com/',
};

describe('loadConfig', () => {
  it('runs in local mode on loopback when no credentials are set', () => {
    const config = loadConfig({}, null);
    expect(config.mode).toBe('local');
    expect(config.auth).toBeNull();
    expect(config.host).toBe('127.0.0.1');
    expect(config.graph.baseUrl).toBe('http://127.0.0.1:3979/beta');
    expect(config.storage).toEqual({ kind: 'memory' });
  });

  it('is frozen all the way down', () => {
    const config = loadConfig({}, null);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.graph)).toBe(true);
  });

  it('builds the production settings with defaults derived from the app id', () => {
    const config = loadConfig(production, null);
    expect(config.mode).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.graph.baseUrl).toBe('https://graph.microsoft.com/beta');
    expect(config.auth).toMatchObject({
      applicationIdUri: 'api://botid-00000000-0000-0000-0000-0000000000a1',
      botDomain: 'bot.example.com',
      graphScopes: ['User.ReadWrite'],
    });
  });

  it.each([
    ['MICROSOFT_APP_ID', { ...production, MICROSOFT_APP_ID: '' }],
    ['MICROSOFT_APP_PASSWORD', { ...production, MICROSOFT_APP_PASSWORD: undefined }],
    ['MICROSOFT_APP_TENANT_ID', { ...production, MICROSOFT_APP_TENANT_ID: ' ' }],
    ['BOT_DOMAIN', { ...production, BOT_DOMAIN: undefined }],
    ['MICROSOFT_APP_CERTIFICATE_THUMBPRINT', { ...production, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_CERTIFICATE_PATH: '/k.pem' }],
    ['STORAGE_BLOB_CONNECTION_STRING', { STORAGE_KIND: 'blob' }],
    ['STORAGE_COSMOS_ENDPOINT', { STORAGE_KIND: 'cosmos' }],
  ])('names the missing setting %s in a half-configured set-up', (setting, env) => {
    expect(() => loadConfig(env, null)).toThrow(ConfigError);
    expect(() => loadConfig(env, null)).toThrow(setting);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['GRAPH_BASE_URL', { GRAPH_BASE_URL: 'not a url' }],
    ['STORAGE_KIND', { STORAGE_KIND: 'disk' }],
    ['LOCAL_LOCALE', { LOCAL_LOCALE: 'not a language' }],
    ['LOCAL_TIMEZONE', { LOCAL_TIMEZONE: 'Europe/Atlantis' }],
  ])('rejects an invalid %s with its name', (setting, env) => {
    expect(() => loadConfig(env, null)).toThrow(setting);
  });

  it('gives the local Playground user the language and zone asked for, in canonical form', () => {
    expect(loadConfig({ LOCAL_LOCALE: 'de-de', LOCAL_TIMEZONE: 'Europe/Berlin' }, null).playground).toEqual({
      port: 56150,
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
    });
    expect(loadConfig({}, null).playground).toEqual({ port: 56150 });
  });

  it('keeps the documented record lifetimes when STORAGE_RECORD_LIFETIME_SECONDS is absent or empty', () => {
    expect(loadConfig({}, null).records).toEqual({ lifetimeCapMs: null });
    expect(loadConfig({ STORAGE_RECORD_LIFETIME_SECONDS: ' ' }, null).records).toEqual({ lifetimeCapMs: null });
  });

  it('caps record lifetimes at STORAGE_RECORD_LIFETIME_SECONDS, in milliseconds', () => {
    expect(loadConfig({ STORAGE_RECORD_LIFETIME_SECONDS: '2' }, null).records).toEqual({ lifetimeCapMs: 2000 });
    expect(loadConfig({ STORAGE_RECORD_LIFETIME_SECONDS: '3600', STORAGE_KIND: 'memory' }, null).records.lifetimeCapMs).toBe(3_600_000);
  });

  it.each(['0', '-5', '1.5', 'two', '2s'])('rejects STORAGE_RECORD_LIFETIME_SECONDS=%s with its name', (value) => {
    expect(() => loadConfig({ STORAGE_RECORD_LIFETIME_SECONDS: value }, null)).toThrow(ConfigError);
    expect(() => loadConfig({ STORAGE_RECORD_LIFETIME_SECONDS: value }, null)).toThrow('STORAGE_RECORD_LIFETIME_SECONDS');
  });

  it('reads a .env file but lets the real environment win', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'PORT=4100\nLOG_LEVEL=debug\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, file);
    expect(config.port).toBe(4100);
    expect(config.logLevel).toBe('warn');
  });

  it('accepts the shipped .env.example unchanged as a local-mode set-up', () => {
    const config = loadConfig({}, path.resolve(__dirname, '..', '.env.example'));
    expect(config.mode).toBe('local');
    expect(config.records.lifetimeCapMs).toBeNull();
  });
});

describe('the shared token cache key', () => {
  const production = {
    MICROSOFT_APP_ID: 'app',
    MICROSOFT_APP_PASSWORD: 'secret',
    MICROSOFT_APP_TENANT_ID: 'tenant',
    BOT_DOMAIN: 'bot.example.com',
    STORAGE_KIND: 'blob',
    STORAGE_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  };

  it('is required in production when the cache is shared through storage', () => {
    expect(() => loadConfig(production, null)).toThrow('TOKEN_CACHE_ENCRYPTION_KEY');
  });

  it('must be 32 bytes', () => {
    expect(() => loadConfig({ ...production, TOKEN_CACHE_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, null)).toThrow('TOKEN_CACHE_ENCRYPTION_KEY');
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ ...production, TOKEN_CACHE_ENCRYPTION_KEY: key }, null).auth?.tokenCacheEncryptionKey).toBe(key);
  });

  it('is not needed with memory storage, where the cache stays in the process', () => {
    expect(loadConfig({ ...production, STORAGE_KIND: 'memory' }, null).auth?.tokenCacheEncryptionKey).toBeUndefined();
  });
});
