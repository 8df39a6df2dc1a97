import type { Server, ServerResponse } from 'node:http';
import type { Logger } from '../logger';

/** How long the server must have had no request in flight before the warm-up runs. */
export const WARM_UP_QUIET_MS = 500;

/**
 * Runs `warmUp` once, as soon as the server has been without a request in flight for `quietMs`. Loading code
 * blocks the event loop, so it waits for a quiet moment instead of delaying the first people to write; a turn
 * that needs the code before then loads it itself. A failed warm-up is only logged here: a turn that needs the
 * code meets the same failure and answers it like any other.
 */
export function warmUpWhenIdle(server: Server, warmUp: () => Promise<void>, logger: Logger, quietMs = WARM_UP_QUIET_MS): void {
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    server.off('request', onRequest);
    warmUp().catch((error: unknown) => logger.warn('Warm-up failed', { error: error instanceof Error ? error.message : String(error) }));
  };
  const schedule = (): void => {
    clearTimeout(timer);
    if (inFlight > 0) return;
    timer = setTimeout(run, quietMs);
    timer.unref();
  };
  function onRequest(_request: unknown, response: ServerResponse): void {
    inFlight += 1;
    clearTimeout(timer);
    response.once('close', () => {
      inFlight -= 1;
      schedule();
    });
  }
  server.on('request', onRequest);
  // A server closed before it was ever quiet long enough has nothing left to warm up for.
  server.once('close', () => {
    clearTimeout(timer);
    server.off('request', onRequest);
  });
  schedule();
}
