import { z } from 'zod';
import { GraphRequestError, type GraphErrorDetails, type GraphErrorKind } from '../errors/graphErrors';
import type { Logger } from '../logger';
import { parseRetryAfterSeconds } from './retryAfter';

const GRAPH_MESSAGE_LOG_MAX = 300;

const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string().nullish(),
    message: z.string().nullish(),
    innerError: z
      .object({ date: z.string().nullish(), 'request-id': z.string().nullish(), 'client-request-id': z.string().nullish() })
      .nullish(),
  }),
});

export function kindForStatus(status: number): GraphErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'throttled';
  if (status >= 400 && status < 500) return 'invalidRequest';
  return 'unavailable';
}

/** A failed exchange, kept for the log: what Graph said, never what was sent (the token stays out). */
export interface GraphFailure {
  readonly error: GraphRequestError;
  readonly graphMessage: string | undefined;
}

/** Maps a non-success response; the request-id, client-request-id and date come from headers, else the error body. */
export function failureFromResponse(
  operation: string,
  response: { status: number; headers: Headers },
  body: unknown,
  sentClientRequestId: string,
): GraphFailure {
  const parsed = graphErrorBodySchema.safeParse(body);
  const graphError = parsed.success ? parsed.data.error : undefined;
  const kind = kindForStatus(response.status);
  const details: GraphErrorDetails = {
    status: response.status,
    graphCode: graphError?.code ?? undefined,
    requestId: response.headers.get('request-id') ?? graphError?.innerError?.['request-id'] ?? undefined,
    clientRequestId: response.headers.get('client-request-id') ?? graphError?.innerError?.['client-request-id'] ?? sentClientRequestId,
    date: response.headers.get('Date') ?? graphError?.innerError?.date ?? undefined,
    retryAfterSeconds: parseRetryAfterSeconds(response.headers.get('Retry-After')),
  };
  const code = details.graphCode ? ` ${details.graphCode}` : '';
  return {
    error: new GraphRequestError(kind, `Graph ${operation} failed with ${response.status}${code}.`, details),
    graphMessage: graphError?.message?.slice(0, GRAPH_MESSAGE_LOG_MAX) || undefined,
  };
}

/** A 2xx that is not what the operation expects (`problem` is our own wording, safe to show in logs). */
export function failureFromUnexpectedResponse(
  exchange: { operation: string; status: number; headers: Headers; clientRequestId: string },
  problem: string,
): GraphFailure {
  const { operation, status, headers } = exchange;
  return {
    error: new GraphRequestError('unavailable', `Graph ${operation} returned an unexpected response (${status}): ${problem}.`, {
      status,
      graphCode: undefined,
      requestId: headers.get('request-id') ?? undefined,
      clientRequestId: headers.get('client-request-id') ?? exchange.clientRequestId,
      date: headers.get('Date') ?? undefined,
    }),
    graphMessage: undefined,
  };
}

/** No response at all: a timeout, a refused connection or a reset. */
export function failureFromException(
  operation: string,
  cause: unknown,
  exchange: { clientRequestId: string; timedOut: boolean; timeoutMs: number },
): GraphFailure {
  const message = exchange.timedOut
    ? `Graph ${operation} timed out after ${exchange.timeoutMs} ms.`
    : `Graph ${operation} could not reach the service.`;
  const details: GraphErrorDetails = {
    status: undefined,
    graphCode: exchange.timedOut ? 'timeout' : 'networkError',
    requestId: undefined,
    clientRequestId: exchange.clientRequestId,
    date: undefined,
  };
  return { error: new GraphRequestError('unavailable', message, details, { cause }), graphMessage: undefined };
}

/** Detail of a failed Graph call, at debug (with Graph's own message): the boundary that answers the user logs the failure once. */
export function logGraphFailure(logger: Logger, operation: string, failure: GraphFailure): void {
  const { error, graphMessage } = failure;
  logger.debug('Graph request failed', {
    operation,
    kind: error.kind,
    ...error.details,
    ...(graphMessage ? { graphMessage } : {}),
    ...(error.cause instanceof Error ? { cause: error.cause } : {}),
  });
}
