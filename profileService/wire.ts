import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * What a handler answers, before Graph's wire conventions are applied. Errors carry only code and message;
 * `writeResponse` adds the `innerError` block and the headers every Graph response has.
 */
export type ResponseHeaders = Readonly<Record<string, string>>;

export type ServiceResponse =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown; readonly headers?: ResponseHeaders }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: ResponseHeaders }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string; readonly headers?: ResponseHeaders };

export const jsonResponse = (status: number, body: unknown, headers?: ResponseHeaders): ServiceResponse => ({ kind: 'json', status, body, headers });
export const emptyResponse = (status: number, headers?: ResponseHeaders): ServiceResponse => ({ kind: 'empty', status, headers });
export const graphError = (status: number, code: string, message: string, headers?: ResponseHeaders): ServiceResponse => ({
  kind: 'error',
  status,
  code,
  message,
  headers,
});

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

// Only visible ASCII is echoed back: anything else could not be written as a header value.
const ECHOABLE_CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** A new `request-id`; `client-request-id` echoes the caller's when it is usable, else equals `request-id`. */
export function assignRequestIds(clientRequestIdHeader: string | string[] | undefined): RequestIds {
  const requestId = randomUUID();
  const offered = Array.isArray(clientRequestIdHeader) ? clientRequestIdHeader[0] : clientRequestIdHeader;
  const clientRequestId = offered !== undefined && ECHOABLE_CLIENT_REQUEST_ID.test(offered) ? offered : requestId;
  return { requestId, clientRequestId };
}

/** Graph writes `innerError.date` without fraction or zone, e.g. `2024-09-19T11:52:23`. */
export function innerErrorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export function graphErrorBody(code: string, message: string, ids: RequestIds, now: Date): object {
  return {
    error: {
      code,
      message,
      innerError: { date: innerErrorDate(now), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
    },
  };
}

export function writeResponse(res: ServerResponse, response: ServiceResponse, ids: RequestIds, now: Date): void {
  const headers: Record<string, string> = {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    Date: now.toUTCString(),
    'Cache-Control': 'no-store',
    'OData-Version': '4.0',
    ...response.headers,
  };
  if (response.kind === 'empty') {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const body = response.kind === 'json' ? response.body : graphErrorBody(response.code, response.message, ids, now);
  const text = JSON.stringify(body);
  res.writeHead(response.status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
