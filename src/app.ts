/**
 * Assembles and starts the bot from its configuration: storage, the Graph client, how user tokens are had (local
 * development tokens, or Teams SSO with on-behalf-of and a token cache shared through storage), the sign-in pages
 * and the HTTP server. `src/index.ts` (production and `npm start`) and local mode both start the bot through here.
 */
import { createAuthPages } from './auth/authPages';
import type { GraphTokenService } from './auth/graphTokenService';
import { createLocalTokenProvider } from './auth/localTokenProvider';
import { createSsoTokenProvider } from './auth/ssoTokenProvider';
import type { UserTokenProvider } from './auth/userTokenProvider';
import { createBot } from './app/createBot';
import { startBotServer, type BotServer, type StaticRoute } from './edge/server';
import type { Config } from './config';
import { createGraphInterestsClient } from './graph/interestsClient';
import type { Logger } from './logger';
import { createStorage } from './storage/createStorage';
import { createSharedTokenCache } from './storage/msalCachePlugin';
import type { Storage } from 'botbuilder';

interface TokenWiring {
  readonly tokens: UserTokenProvider;
  readonly graphTokens?: GraphTokenService;
  readonly staticRoutes: readonly StaticRoute[];
}

async function wireTokens(config: Config, storage: Storage, logger: Logger): Promise<TokenWiring> {
  const { auth } = config;
  if (!auth) return { tokens: createLocalTokenProvider({ logger }), staticRoutes: [] };
  // MSAL is loaded only with app credentials: local mode never signs anyone in, and loading it costs start-up time.
  const { createGraphTokenService } = await import('./auth/graphTokenService');
  const sharedCache = auth.tokenCacheEncryptionKey
    ? createSharedTokenCache({ storage, encryptionKey: Buffer.from(auth.tokenCacheEncryptionKey, 'base64'), logger })
    : undefined;
  // Best effort: a store that cannot delete now is met again by the first turn, which answers it as any turn does.
  await sharedCache?.removeUnpartitionedCache().catch((error: unknown) => logger.warn('The old shared token cache item could not be deleted', { error }));
  const graphTokens = createGraphTokenService({ auth, logger, ...(sharedCache ? { sharedCache } : {}) });
  return {
    tokens: createSsoTokenProvider(graphTokens),
    graphTokens,
    staticRoutes: [...createAuthPages(auth).routes].map(([path, respond]) => ({ path, respond })),
  };
}

export interface BotAppOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Overrides `config.graph.baseUrl`: local mode points the bot at the profile service it actually started. */
  readonly graphBaseUrl?: string;
  /** Overrides `config.host`. */
  readonly host?: string;
}

export async function startBotApp(options: BotAppOptions): Promise<BotServer> {
  const { config, logger } = options;
  const storage = await createStorage(config.storage, logger, config.records.lifetimeCapMs);
  const interests = createGraphInterestsClient({
    graphBaseUrl: options.graphBaseUrl ?? config.graph.baseUrl,
    timeoutMs: config.graph.timeoutMs,
    maxRetries: config.graph.maxRetries,
    maxRetryWaitSeconds: config.graph.maxRetryWaitSeconds,
    logger,
  });
  const { tokens, graphTokens, staticRoutes } = await wireTokens(config, storage, logger);
  const { adapter, handler, warmUp } = createBot({ config, interests, colleagues: interests, tokens, ...(graphTokens ? { graphTokens } : {}), storage, logger });
  return startBotServer({ host: options.host ?? config.host, port: config.port, adapter, handler, logger, staticRoutes, production: config.auth !== null, warmUp });
}
