import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the chain when a `fetch` is injected. The library's HTTPMessageHandler always calls the global
 * `fetch`, so it serves only when none is given.
 */
export class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options);
  }
}
