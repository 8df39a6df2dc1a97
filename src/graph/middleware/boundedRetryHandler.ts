import type { Context } from '@microsoft/microsoft-graph-client';
import { parseRetryAfterSeconds } from '../retryAfter';
import { ChainedMiddleware } from './chainedMiddleware';
import { setRequestHeader } from './requestHeaders';

/** Throttled, unavailable and gateway timeout: the answers Graph documents as worth asking again. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** First pause when Graph gives no `Retry-After`; it doubles on each retry, up to the bound. */
const FIRST_BACKOFF_SECONDS = 1;

export interface BoundedRetrySettings {
  /** Requests after the first one, at most. */
  readonly maxRetries: number;
  /** Longest single pause before a retry: Graph asking for more ends the call at once. */
  readonly maxRetryWaitSeconds: number;
}

/**
 * Sends a request again after 429, 503 or 504, a bounded number of times, within a bounded pause each time, so a
 * user's turn is never held for long. The pause is Graph's `Retry-After` when it sends one (never less, so the
 * service is not asked early); when it asks for more than `maxRetryWaitSeconds` the answer is handed back at once,
 * and the caller reports it as throttled or unavailable with its `retryAfterSeconds`. Without a `Retry-After` the
 * pause doubles from one second, never beyond the bound, and only its second half is random, so clients throttled
 * together do not all come back together.
 *
 * A POST that met 504 is not sent again: the gateway may have applied it, and a second create would make a second
 * interest. Each retry carries `Retry-Attempt: n`. Every body this client sends is a string, so a request can be
 * sent again as it is. A request that got no answer at all (timeout, lost connection) is not retried here.
 *
 * Written for this bot rather than configured from the library's `RetryHandler`: that handler cannot be told to
 * cap a pause it chooses itself, only whether to retry at all.
 */
export class BoundedRetryHandler extends ChainedMiddleware {
  private readonly maxRetries: number;
  private readonly maxWaitSeconds: number;

  constructor(settings: BoundedRetrySettings) {
    super();
    this.maxRetries = Math.max(0, Math.floor(settings.maxRetries));
    this.maxWaitSeconds = Math.max(0, settings.maxRetryWaitSeconds);
  }

  async execute(context: Context): Promise<void> {
    for (let retry = 0; ; retry++) {
      await this.executeNext(context);
      const waitSeconds = retry < this.maxRetries ? this.pauseBeforeRetry(context, retry) : undefined;
      if (waitSeconds === undefined) return;
      await pause(waitSeconds);
      setRequestHeader(context, 'Retry-Attempt', String(retry + 1));
    }
  }

  /** Seconds to wait before sending the request again, or `undefined` when its answer stands. */
  private pauseBeforeRetry(context: Context, retry: number): number | undefined {
    const { response } = context;
    if (!response || !RETRYABLE_STATUSES.has(response.status)) return undefined;
    if (response.status === 504 && methodOf(context) === 'POST') return undefined;
    const retryAfter = parseRetryAfterSeconds(response.headers.get('Retry-After'));
    if (retryAfter !== undefined) return retryAfter <= this.maxWaitSeconds ? retryAfter : undefined;
    const backoff = Math.min(FIRST_BACKOFF_SECONDS * 2 ** retry, this.maxWaitSeconds);
    return backoff / 2 + (Math.random() * backoff) / 2;
  }
}

function methodOf(context: Context): string {
  const method = context.request instanceof Request ? context.request.method : context.options?.method;
  return (method ?? 'GET').toUpperCase();
}

const pause = (seconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
