import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * What one Graph request carries through the middleware chain (the library's per-request MiddlewareControl), so a
 * single shared Client serves every user: the bearer token and the `client-request-id`, fixed for all retries of
 * the request. `timedOut` is set by the timeout handler, because the library wraps every thrown error into a
 * GraphError that no longer tells an abort from a network failure.
 */
export class GraphCallOptions implements MiddlewareOptions {
  private timeoutElapsed = false;

  constructor(
    readonly accessToken: string,
    readonly clientRequestId: string,
  ) {}

  markTimedOut(): void {
    this.timeoutElapsed = true;
  }

  get timedOut(): boolean {
    return this.timeoutElapsed;
  }
}

export function graphCallOptionsOf(context: Context): GraphCallOptions {
  const options = context.middlewareControl?.getMiddlewareOptions(GraphCallOptions);
  if (!(options instanceof GraphCallOptions)) {
    throw new Error('GraphCallOptions missing: send requests through the interests client, which attaches them.');
  }
  return options;
}
