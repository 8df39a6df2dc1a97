import type { Logger } from './logger';

/**
 * Runs `stop` once on the first SIGINT or SIGTERM (what Ctrl-C, App Service, Container Apps and Kubernetes send),
 * then exits 0, or 1 if stopping failed. Shared by the bot, local mode and the profile service's entry points.
 */
export function stopOnSignals(what: string, stop: () => Promise<void>, logger: Logger): { readonly stopping: () => boolean } {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`Stopping ${what}`, { signal });
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`${what} did not stop cleanly`, { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { stopping: () => stopping };
}
