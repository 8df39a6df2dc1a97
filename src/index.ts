/**
 * The composition root (`npm start`): reads the configuration, builds the dependencies, starts listening and
 * shuts down gracefully on SIGINT/SIGTERM. Everything it wires is importable and side-effect free elsewhere.
 */
import { startBotApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { stopOnSignals } from './processSignals';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'bot' });
  if (config.mode === 'local') {
    console.warn(`*** Local mode: no app credentials; using the local profile service at ${config.graph.baseUrl}. Not for production. ***`);
  }
  const server = await startBotApp({ config, logger });

  // Stops accepting, lets turns in flight finish (each saves its state), then exits.
  stopOnSignals('the bot', () => server.close(), logger);
}

main().catch((error: unknown) => {
  // Start-up errors (configuration, a port in use) are meant for the operator: print the message, not a stack.
  console.error(`The bot failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
