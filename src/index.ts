/**
 * The composition root (`npm start`): reads the configuration, builds the dependencies, starts listening and
 * shuts down gracefully on SIGINT/SIGTERM. Everything it wires is importable and side-effect free elsewhere.
 */
import { startBotApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'bot' });
  if (config.mode === 'local') {
    console.warn(`*** Local mode: no app credentials; using the local profile service at ${config.graph.baseUrl}. Not for production. ***`);
  }
  const server = await startBotApp({ config, logger });

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
