import type { Context } from '@microsoft/microsoft-graph-client';
import { ChainedMiddleware } from './chainedMiddleware';
import { graphCallOptionsOf } from './graphCallOptions';
import { setRequestHeader } from './requestHeaders';

/** Sends the request's `client-request-id`; placed before the retry handler so every retry carries the same id. */
export class ClientRequestIdHandler extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    setRequestHeader(context, 'client-request-id', graphCallOptionsOf(context).clientRequestId);
    await this.executeNext(context);
  }
}
