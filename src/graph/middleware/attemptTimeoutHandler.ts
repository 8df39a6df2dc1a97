import type { Context } from '@microsoft/microsoft-graph-client';
import { BufferedResponse } from '../bufferedResponse';
import { ChainedMiddleware } from './chainedMiddleware';
import { graphCallOptionsOf } from './graphCallOptions';

// Statuses whose Response must be built without a body (fetch spec "null body status").
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Aborts one HTTP attempt after `timeoutMs`. It sits after the retry handler, so each attempt gets the full time
 * and a retry's pause is not counted. The body is read inside the deadline and handed on buffered, so a service
 * that sends headers and then stalls is cut off too, and unread error bodies do not hold connections between retries.
 */
export class AttemptTimeoutHandler extends ChainedMiddleware {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const callOptions = graphCallOptionsOf(context);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      callOptions.markTimedOut();
      controller.abort();
    }, this.timeoutMs);
    try {
      context.options = { ...context.options, signal: controller.signal };
      await this.executeNext(context);
      if (context.response) context.response = await bufferResponse(context.response);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function bufferResponse(response: Response): Promise<Response> {
  // The keep-alive transport resolves only once the whole body is in, inside this deadline.
  if (response instanceof BufferedResponse) return response;
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
