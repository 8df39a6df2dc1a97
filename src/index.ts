/**
 * The composition root (`npm start`): reads the configuration, builds the dependencies, starts listening and
 * shuts down gracefully on SIGINT/SIGTERM. Everything it wires is importable and side-effect free elsewhere.
 */
import { createAuthPages } from './auth/authPages';
import { createGraphTokenService, type GraphTokenService } from './auth/graphTokenService';
import { createLocalTokenProvider } from './auth/localTokenProvider';
import { createSsoTokenProvider } from './auth/ssoTokenProvider';
import type { UserTokenProvider } from './auth/userTokenProvider';
import { createBot } from './bot/createBot';
import { startBotServer, type StaticRoute } from './bot/server';
import { createStateStorage } from './bot/stateStorage';
import { loadConfig, type Config } from './config';
import { createGraphInterestsClient } from './graph/interestsClient';
import { createLogger, type Logger } from './logger';

interface TokenWiring {
  readonly tokens: UserTokenProvider;
  readonly graphTokens?: GraphTokenService;
  readonly staticRoutes: readonly StaticRoute[];
}

/** Local mode mints development tokens; production signs users in with Teams SSO and on-behalf-of. */
function wireTokens(config: Config, logger: Logger): TokenWiring {
  if (!config.auth) return { tokens: createLocalTokenProvider({ logger }), staticRoutes: [] };
  const graphTokens = createGraphTokenService({ auth: config.auth, logger });
  const pages = createAuthPages(config.auth);
  return {
    tokens: createSsoTokenProvider(graphTokens),
    graphTokens,
    staticRoutes: [...pages.routes].map(([path, page]) => ({ path, ...page })),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'bot' });
  if (config.mode === 'local') {
    console.warn(`*** Local mode: no app credentials; using the local profile service at ${config.graph.baseUrl}. Not for production. ***`);
  }
  const interests = createGraphInterestsClient({
    graphBaseUrl: config.graph.baseUrl,
    timeoutMs: config.graph.timeoutMs,
    maxRetries: config.graph.maxRetries,
    maxRetryWaitSeconds: config.graph.maxRetryWaitSeconds,
    logger,
  });
  const { tokens, graphTokens, staticRoutes } = wireTokens(config, logger);
  const { adapter, handler } = createBot({ config, interests, tokens, ...(graphTokens ? { graphTokens } : {}), storage: createStateStorage(config.storage), logger });
  const server = await startBotServer({ host: config.host, port: config.port, adapter, handler, logger, staticRoutes });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info('Stopping: finishing the turns in flight', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('The bot did not stop cleanly', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Start-up errors (configuration, a port in use) are meant for the operator: print the message, not a stack.
  console.error(`The bot failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
