/**
 * `npm run dev`: local mode in one command. Starts the local profile service, the bot (no app credentials,
 * loopback only) and the Microsoft 365 Agents Playground, prints the address to open, and stops everything on
 * Ctrl-C (SIGINT) or SIGTERM. Settings come from the environment and `.env` (see src/config.ts).
 */
import { loadConfig } from '../src/config';
import { stopOnSignals } from '../src/processSignals';
import { startLocalMode } from './localMode';
import { PLAYGROUND_USER } from './playground';
import { createLogger } from '../src/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'local-mode' });
  const starting = startLocalMode({ config, logger });

  // Handlers go in before anything starts: the Playground runs in its own process group, so a Ctrl-C that killed
  // this process mid-start would leave it running.
  const signals = stopOnSignals('local mode', () => starting.then((local) => local.stop()), logger);

  const local = await starting;
  if (signals.stopping()) return;
  console.log(
    [
      '',
      `Local mode is ready. Open ${local.playgroundUrl} and chat with the bot as ${PLAYGROUND_USER.name} (try "help").`,
      `Profile data: ${config.profileService.dataDir}. Press Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // Start-up problems (a port in use, credentials set) are for the developer: the message, not a stack.
  console.error(`Local mode failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
