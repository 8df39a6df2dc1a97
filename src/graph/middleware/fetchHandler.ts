import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The last link of the chain: sends the request with the given `fetch` (the keep-alive transport, or one injected). */
export class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options);
  }
}
