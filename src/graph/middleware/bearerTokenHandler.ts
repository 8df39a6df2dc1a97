import type { Context } from '@microsoft/microsoft-graph-client';
import { ChainedMiddleware } from './chainedMiddleware';
import { graphCallOptionsOf } from './graphCallOptions';
import { setRequestHeader } from './requestHeaders';

/**
 * Adds `Authorization: Bearer` from the request's own call options. Replaces the library's AuthenticationHandler,
 * which takes one token source per Client and strips the header for hosts that are not Graph (such as the local
 * profile service on plain http).
 */
export class BearerTokenHandler extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    setRequestHeader(context, 'Authorization', `Bearer ${graphCallOptionsOf(context).accessToken}`);
    await this.executeNext(context);
  }
}
