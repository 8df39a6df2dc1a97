/**
 * A `fetch` for the Graph client built on node:http/https with a keep-alive Agent. Global `fetch` (undici) wraps
 * every exchange in web streams, a Request and an AbortSignal chain; for small JSON exchanges that machinery cost
 * more CPU than the rest of a bot turn's Graph work. This keeps the fetch seam the Graph client's middleware expects
 * (URL + RequestInit in, a `Response` out) while the exchange itself is plain node:http with pooled sockets.
 *
 * Guarantees: sockets are reused between requests; a request whose reused socket is reset before any response byte
 * arrived is sent once more on a new socket (the server closed an idle connection as we wrote to it); `init.signal`
 * aborts the exchange up to the last body byte; the response body is read completely before the promise resolves.
 */
import http from 'node:http';
import https from 'node:https';
import { BufferedResponse } from './bufferedResponse';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface KeepAliveFetchOptions {
  /** Most sockets open to one host at once (default: no limit, as fetch). */
  readonly maxSockets?: number;
  /**
   * An idle socket is closed after this long (default 4 s). Kept below the usual 5 s server keep-alive timeout, so
   * the client gives up an idle connection before the server does and the reset race stays rare.
   */
  readonly idleSocketTimeoutMs?: number;
}

const DEFAULT_IDLE_SOCKET_TIMEOUT_MS = 4_000;

/** Errors that mean the peer closed or reset the connection. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

interface OutgoingRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly signal: AbortSignal | undefined;
}

export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): FetchLike {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    scheduling: 'lifo',
    timeout: options.idleSocketTimeoutMs ?? DEFAULT_IDLE_SOCKET_TIMEOUT_MS,
    ...(options.maxSockets !== undefined ? { maxSockets: options.maxSockets } : {}),
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  return async (input, init) => {
    const request = await outgoingRequest(input, init);
    const agent = request.url.protocol === 'https:' ? agents.https : agents.http;
    try {
      return await exchange(request, agent);
    } catch (error) {
      if (!(error instanceof ReusedSocketResetError)) throw error;
      // One more attempt: the next socket is fresh unless the pool holds another stale one, and a second
      // reset then fails the call with the socket's own error.
      return exchange(request, agent).catch((second: unknown) => {
        throw second instanceof ReusedSocketResetError ? second.cause : second;
      });
    }
  };
}

/** The reused socket was reset before any response byte arrived; `cause` is the socket error. */
class ReusedSocketResetError extends Error {
  constructor(override readonly cause: NodeJS.ErrnoException) {
    super('The reused connection was reset before a response.', { cause });
  }
}

function exchange(request: OutgoingRequest, agent: http.Agent): Promise<Response> {
  const { url, signal } = request;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    // Rejects with the signal's reason, as fetch does (a TimeoutError for AbortSignal.timeout).
    const send = url.protocol === 'https:' ? https.request : http.request;
    const outgoing = send(url, { method: request.method, headers: request.headers, agent });
    let responded = false;
    const onAbort = (): void => {
      reject(abortReason(signal));
      outgoing.destroy();
    };
    const settle = (): void => {
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      settle();
      if (!responded && !signal?.aborted && outgoing.reusedSocket && error.code !== undefined && RESET_CODES.has(error.code)) {
        reject(new ReusedSocketResetError(error));
        return;
      }
      reject(error);
    });
    outgoing.on('response', (incoming) => {
      responded = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', (error) => {
        settle();
        reject(error);
      });
      incoming.on('end', () => {
        settle();
        const body = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
        resolve(new BufferedResponse(body, incoming.statusCode ?? 0, incoming.statusMessage ?? '', incoming.rawHeaders));
      });
      incoming.on('close', () => {
        // A connection that ends before the whole body arrived; settling twice is a no-op once 'end' resolved.
        if (incoming.complete) return;
        settle();
        reject(Object.assign(new Error('The connection closed before the response body was complete.'), { code: 'ECONNRESET' }));
      });
    });
    outgoing.end(request.body);
  });
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

async function outgoingRequest(input: string | URL | Request, init: RequestInit | undefined): Promise<OutgoingRequest> {
  if (input instanceof Request) {
    // The Graph client passes URL strings; a Request is accepted so the function stays a drop-in fetch.
    const merged = new Request(input, init);
    const body = merged.body ? Buffer.from(await merged.arrayBuffer()) : undefined;
    return withLength({ url: new URL(merged.url), method: merged.method, headers: headerRecord(merged.headers), body, signal: merged.signal });
  }
  return withLength({
    url: new URL(input),
    method: (init?.method ?? 'GET').toUpperCase(),
    headers: headerRecord(init?.headers),
    body: requestBody(init?.body),
    signal: init?.signal ?? undefined,
  });
}

function withLength(request: OutgoingRequest): OutgoingRequest {
  // A known length rather than chunked encoding, as fetch sends for a buffered body.
  if (request.body !== undefined) request.headers['content-length'] = String(request.body.length);
  return request;
}

function requestBody(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  // The Graph client serializes JSON bodies to strings; streams and forms are never sent to the interests API.
  throw new TypeError('The Graph transport sends string or byte bodies only.');
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined) return record;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      record[name] = value;
    });
  } else if (Array.isArray(headers)) {
    for (const [name, value] of headers) if (name !== undefined && value !== undefined) record[name.toLowerCase()] = value;
  } else {
    for (const [name, value] of Object.entries(headers)) record[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return record;
}
