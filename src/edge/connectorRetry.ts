/**
 * Replies that the Bot Connector refuses with 429 are sent again after a pause. The SDK's HTTP pipeline retries a
 * 429 only when it carries `Retry-After` (Teams often sends none) and then fails the whole turn; here every 429 is
 * retried with exponential back-off, honouring `Retry-After` when present, within fixed bounds.
 *
 * Activities go out one at a time, so a 429 on the third reply of a turn re-sends only that one: a 429 means the
 * connector did not take the activity, so nothing is sent twice. Other failures are not retried for that reason.
 */
import { CloudAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { parseRetryAfterSeconds } from '../graph/retryAfter';
import { EdgeCloudAdapter } from './edgeAdapter';
import type { Logger } from '../logger';

export interface ConnectorRetryOptions {
  readonly logger: Logger;
  /** Retries after the first attempt (default 4). */
  readonly maxRetries?: number;
  /** First back-off pause; it doubles on each retry (default 500 ms). */
  readonly baseDelayMs?: number;
  /** Longest single pause, whatever `Retry-After` asks (default 10 s). */
  readonly maxDelayMs?: number;
  /** Waits before a retry; tests pass a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 10_000 } as const;

const THROTTLED_ERROR = z.object({ statusCode: z.literal(429) });

/** The `Retry-After` of a core-rest-pipeline `RestError` (its headers object has a `get` method). */
function retryAfterHeaderOf(error: object): string | undefined {
  const headers: unknown = (error as { response?: { headers?: unknown } }).response?.headers;
  if (typeof headers !== 'object' || headers === null || !('get' in headers) || typeof headers.get !== 'function') return undefined;
  const value: unknown = headers.get('retry-after');
  return typeof value === 'string' ? value : undefined;
}

type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The pause before retry number `retry` (0-based), or undefined when the error is not a connector 429. */
export function connectorRetryDelayMs(error: unknown, retry: number, options: ConnectorRetryOptions): number | undefined {
  if (!THROTTLED_ERROR.safeParse(error).success) return undefined;
  const retryAfterSeconds = parseRetryAfterSeconds(retryAfterHeaderOf(error as object));
  const backoff = (options.baseDelayMs ?? DEFAULTS.baseDelayMs) * 2 ** retry;
  const wanted = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : backoff;
  return Math.min(wanted, options.maxDelayMs ?? DEFAULTS.maxDelayMs);
}

export async function sendWithConnectorRetry<T>(send: () => Promise<T>, options: ConnectorRetryOptions): Promise<T> {
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  const sleep = options.sleep ?? defaultSleep;
  for (let retry = 0; ; retry++) {
    try {
      return await send();
    } catch (error) {
      const delayMs = retry < maxRetries ? connectorRetryDelayMs(error, retry, options) : undefined;
      if (delayMs === undefined) throw error;
      options.logger.warn('The connector refused a reply with 429; sending it again', { retry: retry + 1, delayMs });
      await sleep(delayMs);
    }
  }
}

/** `CloudAdapter` whose outgoing activities (replies and proactive messages) are retried on 429. */
export class ConnectorRetryingCloudAdapter extends EdgeCloudAdapter {
  constructor(
    botFrameworkAuthentication: BotFrameworkAuthentication,
    private readonly retry: ConnectorRetryOptions,
  ) {
    super(botFrameworkAuthentication);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      responses.push(...(await sendWithConnectorRetry(() => super.sendActivities(context, [activity]), this.retry)));
    }
    return responses;
  }
}
