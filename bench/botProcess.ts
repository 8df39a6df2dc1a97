/**
 * Child process: the bot in local mode, exactly as `npm run dev` builds it (local token provider, memory state,
 * the real Graph client), pointed at the benchmark's profile service. Logs only errors, as a production bot would
 * at a quiet level, so logging does not dominate the figures.
 */
import { MemoryStorage } from 'botbuilder';
import { createLocalTokenProvider } from '../src/auth/localTokenProvider';
import { createBot } from '../src/bot/createBot';
import { startBotServer } from '../src/bot/server';
import { loadConfig } from '../src/config';
import { createGraphInterestsClient } from '../src/graph/interestsClient';
import { createLogger } from '../src/logger';
import { serveChild, settingsFromArgv } from './childProcess';

export interface BotProcessSettings {
  readonly graphBaseUrl: string;
}

async function main(): Promise<void> {
  const { graphBaseUrl } = settingsFromArgv<BotProcessSettings>();
  const config = loadConfig({ GRAPH_BASE_URL: graphBaseUrl, LOG_LEVEL: 'error' }, null);
  const logger = createLogger({ level: 'error', name: 'bench-bot' });
  const interests = createGraphInterestsClient({
    graphBaseUrl,
    timeoutMs: config.graph.timeoutMs,
    maxRetries: config.graph.maxRetries,
    maxRetryWaitSeconds: config.graph.maxRetryWaitSeconds,
    logger,
  });
  const { adapter, handler } = createBot({ config, interests, tokens: createLocalTokenProvider({ logger }), storage: new MemoryStorage(), logger });
  const server = await startBotServer({ host: '127.0.0.1', port: 0, adapter, handler, logger, shutdownGraceMs: 1_000 });
  serveChild({ url: server.url }, () => server.close());
}

main().catch((error: unknown) => {
  console.error('The bot process failed to start', error);
  process.exit(1);
});
