/**
 * The load generator's HTTP client: `node:http` over one keep-alive agent, with a bound on every request. Lighter
 * than fetch on the client side, so more of the two cores go to the processes being measured; the same client
 * drives every bot, so whatever it costs is paid equally.
 */
import http from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** The whole exchange must finish within this many ms; the socket is destroyed otherwise. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Idle sockets are dropped after 4 s, before the servers' own keep-alive timeout (Node's default, 5 s) closes them:
 * a bot that sits idle while other targets run would otherwise have the next request race its closing socket
 * (ECONNRESET), a failure of the client, not of the bot.
 */
const IDLE_SOCKET_MS = 4_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_SOCKET_MS });

export class HttpTimeoutError extends Error {
  constructor(url: string, timeoutMs: number) {
    super(`No answer from ${url} within ${timeoutMs} ms`);
  }
}

export function request(options: HttpRequest): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const headers: Record<string, string> = { ...options.headers };
    if (body) headers['Content-Length'] = String(body.length);
    const outgoing = http.request(options.url, { method: options.method, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        clearTimeout(timer);
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => outgoing.destroy(new HttpTimeoutError(options.url, timeoutMs)), timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(body);
  });
}

/** Closes the idle keep-alive sockets, so the process can exit. */
export function closeIdleSockets(): void {
  agent.destroy();
}
