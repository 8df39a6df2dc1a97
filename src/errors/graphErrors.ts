/**
 * Typed failures of a Graph call. Each keeps what the log needs (status, Graph's error code, `request-id`,
 * `client-request-id`, `Date`) and never the access token. The bot decides what the user sees from `kind`.
 */
export const GRAPH_ERROR_KINDS = Object.freeze(['notFound', 'throttled', 'unauthorized', 'forbidden', 'invalidRequest', 'unavailable'] as const);

export type GraphErrorKind = (typeof GRAPH_ERROR_KINDS)[number];

export interface GraphErrorDetails {
  readonly status: number | undefined;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
}

/** `graph-<kind>`: the code logs and invoke error bodies carry for a Graph failure. */
export type GraphErrorCode = `graph-${GraphErrorKind}`;

export class GraphRequestError extends Error {
  override readonly name: string = 'GraphRequestError';
  get code(): GraphErrorCode {
    return `graph-${this.kind}`;
  }
  constructor(
    readonly kind: GraphErrorKind,
    message: string,
    readonly details: GraphErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isGraphRequestError(error: unknown, kind?: GraphErrorKind): error is GraphRequestError {
  return error instanceof GraphRequestError && (kind === undefined || error.kind === kind);
}
