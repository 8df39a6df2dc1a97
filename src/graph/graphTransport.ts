import { randomUUID } from 'node:crypto';
import { Client, ResponseType, type GraphRequest, type Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphRequestError } from '../errors/graphErrors';
import type { Logger } from '../logger';
import { failureFromException, failureFromResponse, logGraphFailure, type GraphFailure } from './graphFailure';
import { AttemptTimeoutHandler } from './middleware/attemptTimeoutHandler';
import { BearerTokenHandler } from './middleware/bearerTokenHandler';
import { BoundedRetryHandler } from './middleware/boundedRetryHandler';
import { ClientRequestIdHandler } from './middleware/clientRequestIdHandler';
import { FetchHandler } from './middleware/fetchHandler';
import { GraphCallOptions } from './middleware/graphCallOptions';
import { createKeepAliveFetch } from './keepAliveFetch';

export interface GraphTransportOptions {
  /** Graph root including the version, e.g. `https://graph.microsoft.com/beta` or `http://127.0.0.1:PORT/beta`. */
  readonly graphBaseUrl: string;
  /** Limit for one HTTP attempt, body included. */
  readonly timeoutMs: number;
  /** Retries after 429/503/504 (a POST that met 504 is never sent again). */
  readonly maxRetries: number;
  /** Longest single pause before a retry; Graph asking for more ends the call at once. */
  readonly maxRetryWaitSeconds: number;
  readonly logger: Logger;
  /** The HTTP exchange under the middleware chain; a keep-alive node:http transport (`createKeepAliveFetch`) by default. */
  readonly fetch?: typeof fetch;
  readonly newRequestId?: () => string;
}

/** One completed request with a 2xx status. */
export interface GraphExchange {
  readonly operation: string;
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or `undefined` for an empty or non-JSON body. */
  readonly body: unknown;
  readonly clientRequestId: string;
}

export interface GraphTransport {
  /**
   * Sends one request through the middleware chain. `getToken` is called once per request and its own errors
   * propagate unchanged; every Graph failure is thrown as `GraphRequestError` and logged here at debug only: the
   * boundary that answers the user logs it once, with its request-id and client-request-id.
   */
  send(
    operation: string,
    getToken: () => Promise<string>,
    path: string,
    perform: (request: GraphRequest) => Promise<unknown>,
  ): Promise<GraphExchange>;
  /** The path of an absolute Graph link below `graphBaseUrl`, or `undefined` for a link elsewhere. */
  pathOf(absoluteLink: string): string | undefined;
  /** Logs a failure found after a successful exchange (e.g. an unexpected body) and returns its error to throw. */
  reportFailure(operation: string, failure: GraphFailure): GraphRequestError;
}

function splitGraphBaseUrl(graphBaseUrl: string): { baseUrl: string; version: string } {
  const url = new URL(graphBaseUrl);
  const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
  const version = segments.pop();
  if (version === undefined) throw new Error(`graphBaseUrl must end with the API version (for example /beta): ${url.origin}`);
  return { baseUrl: [url.origin, ...segments].join('/'), version };
}

async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Not JSON (an HTML gateway page, say): there is no usable body; callers that need one report it.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  const { baseUrl, version } = splitGraphBaseUrl(options.graphBaseUrl);
  const root = `${baseUrl}/${version}`;
  const newRequestId = options.newRequestId ?? randomUUID;
  // Custom chain instead of the default one: the default AuthenticationHandler and TelemetryHandler drop the
  // bearer token for any host that is not an https Graph host, which includes the local profile service.
  const middleware: Middleware[] = [
    new ClientRequestIdHandler(),
    new BearerTokenHandler(),
    new BoundedRetryHandler(options),
    new AttemptTimeoutHandler(options.timeoutMs),
    // Not the library's HTTPMessageHandler: it always calls the global fetch, whose web-stream machinery costs more
    // CPU per small JSON exchange than the rest of the request's work.
    new FetchHandler(options.fetch ?? createKeepAliveFetch()),
  ];
  const client = Client.initWithMiddleware({ baseUrl, defaultVersion: version, middleware });

  const reportFailure = (operation: string, failure: GraphFailure): GraphRequestError => {
    logGraphFailure(options.logger, operation, failure);
    return failure.error;
  };

  return {
    async send(operation, getToken, path, perform) {
      const callOptions = new GraphCallOptions(await getToken(), newRequestId());
      let response: unknown;
      try {
        response = await perform(client.api(path).responseType(ResponseType.RAW).middlewareOptions([callOptions]));
      } catch (error) {
        throw reportFailure(
          operation,
          failureFromException(operation, error, {
            clientRequestId: callOptions.clientRequestId,
            timedOut: callOptions.timedOut,
            timeoutMs: options.timeoutMs,
          }),
        );
      }
      if (!(response instanceof Response)) throw new Error('The Graph middleware chain returned no Response.');
      const body = await readJsonBody(response);
      if (!response.ok) throw reportFailure(operation, failureFromResponse(operation, response, body, callOptions.clientRequestId));
      options.logger.debug('Graph request succeeded', {
        operation,
        status: response.status,
        // Read only when the line is written: a response's headers are made on first use (`BufferedResponse`).
        get requestId() {
          return response.headers.get('request-id') ?? undefined;
        },
        clientRequestId: callOptions.clientRequestId,
      });
      return { operation, status: response.status, headers: response.headers, body, clientRequestId: callOptions.clientRequestId };
    },

    pathOf(absoluteLink) {
      // The library's URL parser recognises only https:// links, so links are made relative to the configured
      // root; a link to any other host is refused, which also keeps the user's token away from it.
      return absoluteLink.startsWith(`${root}/`) ? absoluteLink.slice(root.length) : undefined;
    },

    reportFailure,
  };
}
