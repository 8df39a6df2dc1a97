/**
 * The composition root (`npm start`): reads the configuration, builds the dependencies, starts listening and
 * shuts down gracefully on SIGINT/SIGTERM. Everything it wires is importable and side-effect free elsewhere.
 */
import { createLocalTokenProvider } from './auth/localTokenProvider';
import type { UserTokenProvider } from './auth/userTokenProvider';
import { createBot } from './bot/createBot';
import { startBotServer } from './bot/server';
import { createStateStorage } from './bot/stateStorage';
import { loadConfig, type Config } from './config';
import { createGraphInterestsClient } from './graph/interestsClient';
import { createLogger, type Logger } from './logger';

class StartupError extends Error {
  override readonly name = 'StartupError';
}

function createTokenProvider(config: Config, logger: Logger): UserTokenProvider {
  if (config.mode === 'local') return createLocalTokenProvider({ logger });
  // The SSO token service exists in src/auth, but the Teams sign-in exchange (signin/* invokes) is not connected
  // to the bot yet; starting anyway would leave every user unable to sign in.
  throw new StartupError('Production mode (app credentials are set) needs Teams SSO sign-in, which is not wired into the bot yet. Unset MICROSOFT_APP_ID and the other credentials to run in local mode.');
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
  const { adapter, handler } = createBot({ config, interests, tokens: createTokenProvider(config, logger), storage: createStateStorage(config.storage), logger });
  const server = await startBotServer({ host: config.host, port: config.port, adapter, handler, logger });

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
