import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGraphTransport } from '../../src/graph/graphTransport';
import { createKeepAliveFetch } from '../../src/graph/keepAliveFetch';
import { GraphRequestError } from '../../src/errors/graphErrors';
import { capturingLogger, rejectionOf } from './graphClientHarness';

/**
 * A local server that numbers each connection and each request on it, and lets a test decide per request what the
 * server does: answer, drop the connection without a byte, or drop it after the status line.
 */
interface SeenRequest {
  readonly connection: number;
  readonly indexOnConnection: number;
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

type Behaviour = (request: SeenRequest, response: http.ServerResponse, socket: Socket) => void;

interface TestServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  behave(behaviour: Behaviour): void;
  close(): Promise<void>;
}

const answerJson =
  (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
  (_request, response) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
    response.end(text);
  };

async function startTestServer(): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  let behaviour: Behaviour = answerJson(200, { ok: true });
  let connections = 0;
  const requestsOn = new WeakMap<Socket, number>();
  const connectionNumber = new WeakMap<Socket, number>();
  const server = http.createServer({ keepAliveTimeout: 30_000 }, (request, response) => {
    const socket = request.socket;
    const index = (requestsOn.get(socket) ?? 0) + 1;
    requestsOn.set(socket, index);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: SeenRequest = {
        connection: connectionNumber.get(socket) ?? 0,
        indexOnConnection: index,
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      behaviour(entry, response, socket);
    });
  });
  server.on('connection', (socket: Socket) => connectionNumber.set(socket, ++connections));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Drops the connection of every request that arrives on a reused connection, without sending a byte. */
const resetReusedConnections =
  (otherwise: Behaviour): Behaviour =>
  (request, response, socket) => {
    if (request.indexOnConnection > 1) socket.destroy();
    else otherwise(request, response, socket);
  };

describe('keep-alive Graph fetch (node:http) against a local server', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('reuses one connection for consecutive requests', async () => {
    const send = createKeepAliveFetch();
    for (let index = 0; index < 3; index++) {
      const response = await send(`${server.url}/beta/me/profile/interests?n=${index}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
    expect(server.seen.map((request) => request.connection)).toEqual([1, 1, 1]);
    expect(server.seen.map((request) => request.indexOnConnection)).toEqual([1, 2, 3]);
  });

  it('sends method, headers and body as given, with a content length, and reads status and headers back', async () => {
    server.behave(answerJson(201, { id: 'new' }, { 'request-id': 'rid-1', Date: 'Tue, 01 Jul 2025 10:00:00 GMT' }));
    const send = createKeepAliveFetch();
    const body = JSON.stringify({ displayName: 'Sailing – ⛵' });
    const response = await send(`${server.url}/beta/x`, { method: 'post', headers: { Authorization: 'Bearer t', 'client-request-id': 'cid' }, body });
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/beta/x', body });
    expect(server.seen[0]?.headers).toMatchObject({ authorization: 'Bearer t', 'client-request-id': 'cid', 'content-length': String(Buffer.byteLength(body)) });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('request-id')).toBe('rid-1');
    expect(response.headers.get('date')).toBe('Tue, 01 Jul 2025 10:00:00 GMT');
    expect(await response.text()).toBe('{"id":"new"}');
  });

  it('sends a request once more on a new connection when its reused connection was reset before any response byte', async () => {
    server.behave(resetReusedConnections(answerJson(200, { ok: true })));
    const send = createKeepAliveFetch();
    await send(`${server.url}/first`);
    const response = await send(`${server.url}/second`, { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(server.seen.map((request) => [request.url, request.connection, request.indexOnConnection])).toEqual([
      ['/first', 1, 1],
      ['/second', 1, 2],
      ['/second', 2, 1],
    ]);
  });

  it('does not retry a second time when the retry is reset too', async () => {
    const send = createKeepAliveFetch();
    // Two idle connections in the pool, both of which the server resets when used again.
    await Promise.all([send(`${server.url}/a`), send(`${server.url}/b`)]);
    server.behave(resetReusedConnections(answerJson(200, { ok: true })));
    const error = await rejectionOf(send(`${server.url}/c`));
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    expect(server.seen.filter((request) => request.url === '/c')).toHaveLength(2);
  });

  it('does not retry when a fresh connection is reset', async () => {
    server.behave((_request, _response, socket) => socket.destroy());
    const send = createKeepAliveFetch();
    const error = await rejectionOf(send(`${server.url}/fresh`));
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    expect(server.seen).toHaveLength(1);
  });

  it('does not resend a request whose reused connection broke after response bytes arrived', async () => {
    const send = createKeepAliveFetch();
    await send(`${server.url}/first`);
    server.behave((_request, response, socket) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"value":[', () => setTimeout(() => socket.destroy(), 20));
    });
    const error = await rejectionOf(send(`${server.url}/create`, { method: 'POST', body: '{}' }));
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    expect(server.seen.filter((request) => request.url === '/create')).toHaveLength(1);
  });

  it('aborts a request whose headers never come, and one whose body stalls, when the signal fires', async () => {
    const send = createKeepAliveFetch();
    server.behave(() => undefined);
    const started = Date.now();
    const silent = await rejectionOf(send(`${server.url}/silent`, { signal: AbortSignal.timeout(150) }));
    expect((silent as Error).name).toBe('TimeoutError');
    server.behave((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      response.write('{"value":');
    });
    const stalled = await rejectionOf(send(`${server.url}/stalled`, { signal: AbortSignal.timeout(150) }));
    expect((stalled as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.seen.map((request) => request.url)).toEqual(['/silent', '/stalled']);
  });

  it('reads a large body in full', async () => {
    const value = Array.from({ length: 2_000 }, (_, index) => ({ id: `id-${index}`, displayName: `Interest ${index} ${'é'.repeat(500)}` }));
    server.behave(answerJson(200, { value }));
    const send = createKeepAliveFetch();
    const response = await send(`${server.url}/big`);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(2_000_000);
    expect(await response.json()).toEqual({ value });
  });
});

describe('Graph transport over the keep-alive fetch', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    await server.close();
  });

  const transportFor = (timeoutMs = 2_000) => {
    const { logger, lines } = capturingLogger();
    // No `fetch` given: the product's default transport.
    const transport = createGraphTransport({ graphBaseUrl: `${server.url}/beta`, timeoutMs, maxRetries: 2, maxRetryWaitSeconds: 1, logger, newRequestId: () => 'cid-fixed' });
    return { transport, lines };
  };

  it('answers a non-JSON error body with a typed error carrying the request-id and date from the headers', async () => {
    server.behave((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html', 'request-id': 'rid-502', Date: 'Tue, 01 Jul 2025 10:00:00 GMT' });
      response.end('<html><body>Bad gateway</body></html>');
    });
    const { transport, lines } = transportFor();
    const error = await rejectionOf(transport.send('list interests', async () => 'token-1', '/me/profile/interests', (request) => request.get()));
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ kind: 'unavailable', details: { status: 502, requestId: 'rid-502', date: 'Tue, 01 Jul 2025 10:00:00 GMT', clientRequestId: 'cid-fixed' } });
    expect(server.seen[0]?.headers).toMatchObject({ authorization: 'Bearer token-1', 'client-request-id': 'cid-fixed' });
    expect(lines.filter((line) => line.entry.msg === 'Graph request failed')).toHaveLength(1);
  });

  it('times out an attempt whose body stalls, as a typed timeout', async () => {
    server.behave((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      response.write('{"value":');
    });
    const { transport } = transportFor(200);
    const error = await rejectionOf(transport.send('list interests', async () => 'token-1', '/me/profile/interests', (request) => request.get()));
    expect(error).toMatchObject({ kind: 'unavailable', details: { graphCode: 'timeout', clientRequestId: 'cid-fixed' } });
  });

  it('retries 503 through the retry handler on the same kept-alive connection', async () => {
    let calls = 0;
    server.behave((request, response, socket) => {
      calls += 1;
      if (calls === 1) answerJson(503, { error: { code: 'serviceNotAvailable' } }, { 'Retry-After': '0' })(request, response, socket);
      else answerJson(200, { value: [] })(request, response, socket);
    });
    const { transport } = transportFor();
    const exchange = await transport.send('list interests', async () => 'token-1', '/me/profile/interests', (request) => request.get());
    expect(exchange.body).toEqual({ value: [] });
    expect(server.seen.map((request) => [request.connection, request.headers['retry-attempt']])).toEqual([
      [1, undefined],
      [1, '1'],
    ]);
  });
});
