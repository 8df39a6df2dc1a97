/**
 * The HTTP edge: restify wires `POST /api/messages` to the adapter, answers `GET /healthz` and serves any fixed pages
 * it is given (the SSO fallback pages). Everything a turn does happens behind the adapter.
 *
 * Nothing a client sends can end or stall the process: the body is read by a bounded reader (no decompression,
 * size, depth and time limits) and the activity is checked (`http/activityGuard.ts`) before authentication; every
 * refusal is one warn line and a fixed body (`http/errorBodies.ts`); every response carries the security headers
 * (`http/securityHeaders.ts`); and whatever still escapes a route is logged with the request id and answered 500.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as restify from 'restify';
import { AuthenticationError } from 'botframework-connector';
import type { Activity, ActivityHandlerBase, InvokeResponse } from 'botbuilder';
import type { Logger } from '../logger';
import { guardActivity } from './activityGuard';
import type { EdgeCloudAdapter } from './edgeAdapter';
import { REFUSALS, refusalBody, type HttpRefusal } from './errorBodies';
import { readJsonBody, refuseFromHeaders, type BodyLimits } from './readJsonBody';
import { applySecurityHeaders, securityHeaders } from './securityHeaders';
import { warmUpWhenIdle } from './warmUpWhenIdle';

/**
 * A document served at `path` outside any turn, e.g. the sign-in pages Teams opens in a pop-up: the same for every
 * request but for the language it is in, which follows the request's `Accept-Language`.
 */
export interface StaticRoute {
  readonly path: string;
  readonly respond: (request: { readonly acceptLanguage: string | undefined }) => {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
}

export interface BotServerOptions {
  readonly host: string;
  readonly port: number;
  readonly adapter: EdgeCloudAdapter;
  readonly handler: ActivityHandlerBase;
  readonly logger: Logger;
  readonly staticRoutes?: readonly StaticRoute[];
  /** How long `close()` lets in-flight turns finish before dropping their connections. */
  readonly shutdownGraceMs?: number;
  /** App credentials are configured: responses add `Strict-Transport-Security`. */
  readonly production?: boolean;
  /** Overrides of the body limits (tests shorten the read timeout). */
  readonly bodyLimits?: Partial<BodyLimits>;
  /** Code to load once the server is up and idle (`warmUpWhenIdle.ts`), rather than at start or in a first turn. */
  readonly warmUp?: () => Promise<void>;
}

export interface BotServer {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  readonly url: string;
  /** Stops accepting connections and resolves once in-flight requests have finished (or the grace period ran out). */
  close(): Promise<void>;
}

/** Activities are small JSON documents (files travel as links); anything bigger is refused with 413. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;
/** Real activities nest a dozen levels at most (an invoke's card data); the bound keeps parsing cheap. */
export const MAX_JSON_DEPTH = 64;
/** The connector sends a whole activity at once; a body still arriving after this is refused. */
export const BODY_READ_TIMEOUT_MS = 10_000;
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
/** Node's own bound on a whole request (headers and body), behind the reader's. */
const REQUEST_TIMEOUT_MS = 30_000;

const INVOKE = 'invoke';
const NOT_IMPLEMENTED = 501;

export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const { adapter, handler, logger } = options;
  const production = options.production ?? false;
  const limits: BodyLimits = { maxBytes: MAX_ACTIVITY_BYTES, maxDepth: MAX_JSON_DEPTH, readTimeoutMs: BODY_READ_TIMEOUT_MS, ...options.bodyLimits };
  // No body parser: /api/messages reads its body itself, bounded; no other route has one.
  const server = restify.createServer({ name: 'profile-interests-bot', handleUncaughtExceptions: false });
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;

  server.pre((req, res, next) => {
    applySecurityHeaders(res, production);
    requestIds.set(req, randomUUID());
    next();
  });

  const logRefusal = (req: IncomingMessage, refusal: HttpRefusal): void =>
    logger.warn('Request refused', { requestId: requestIdOf(req), reason: refusal.code, status: refusal.status, method: req.method });
  const refuse = (req: IncomingMessage, res: ServerResponse, refusal: HttpRefusal, close = false): void => {
    logRefusal(req, refusal);
    sendJson(res, refusal.status, refusalBody(refusal), close);
  };

  /** The last resort: whatever a route did not handle is logged with the request id and answered 500. */
  const guarded =
    (route: (req: restify.Request, res: restify.Response) => Promise<void>): restify.RequestHandler =>
    async (req, res) => {
      try {
        await route(req, res);
      } catch (error) {
        logger.error('Request failed unexpectedly', { requestId: requestIdOf(req), error });
        if (!res.headersSent) sendJson(res, REFUSALS.internal.status, refusalBody(REFUSALS.internal), false);
      }
    };

  server.post(
    '/api/messages',
    guarded(async (req, res) => {
      const early = refuseFromHeaders(req, limits);
      if (early) {
        req.resume();
        return refuse(req, res, early, true);
      }
      const body = await readJsonBody(req, limits);
      // A body over the limit or too slow is not read to its end: answer and close the connection.
      if (!body.ok) return refuse(req, res, body.error, body.error.status === 413 || body.error.status === 408);
      const checked = guardActivity(body.value);
      if (!checked.ok) return refuse(req, res, checked.error);
      const activity = withDates(checked.value);
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      let response: InvokeResponse | undefined;
      try {
        response = await adapter.processCheckedActivity(authHeader, activity, (context) => handler.run(context));
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        return refuse(req, res, authHeader === '' ? REFUSALS.noToken : REFUSALS.tokenRefused);
      }
      if (activity.type === INVOKE && invokeStatusOf(response) === NOT_IMPLEMENTED) {
        logger.info('Invoke not handled', { requestId: requestIdOf(req), invokeName: activity.name });
      }
      sendJson(res, response?.status ?? 200, response?.body, false);
    }),
  );
  server.get(
    '/healthz',
    guarded(async (_req, res) => sendJson(res, 200, { status: 'ok' }, false)),
  );
  for (const route of options.staticRoutes ?? []) {
    server.get(
      route.path,
      guarded(async (req, res) => {
        const acceptLanguage = req.headers['accept-language'];
        const page = route.respond({ acceptLanguage: typeof acceptLanguage === 'string' ? acceptLanguage : undefined });
        for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
        res.writeHead(page.status, { 'Content-Length': Buffer.byteLength(page.body) });
        res.end(page.body);
      }),
    );
  }
  // restify's own answers (no route, wrong method, a path it cannot decode) name the path; answer with fixed text.
  server.on('restifyError', (req: restify.Request, res: restify.Response, error: { statusCode?: unknown }, callback: () => void) => {
    if (!res.headersSent) {
      const refusal = refusalFor(error.statusCode);
      logRefusal(req, refusal);
      // restify's own `send`, so restify knows the error is answered and does not answer it again.
      res.send(refusal.status, refusalBody(refusal));
    }
    callback();
  });
  // Requests Node cannot even parse (a broken request line or header) never reach restify.
  server.server.on('clientError', (_error: Error, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify(refusalBody(REFUSALS.badRequest));
    const headers = { ...securityHeaders(production), 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 400 Bad Request\r\n${head}\r\n${body}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${formatHost(address.address)}:${address.port}`;
  logger.info('Bot listening', { url, endpoint: `${url}/api/messages` });
  if (options.warmUp) warmUpWhenIdle(server.server, options.warmUp, logger);

  let closing: Promise<void> | undefined;
  // A keep-alive socket goes idle once its response is sent; while closing, drop it then instead of at its timeout.
  server.server.on('request', (_req, res: ServerResponse) => {
    res.once('finish', () => {
      if (closing) setImmediate(() => server.server.closeIdleConnections());
    });
  });
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const grace = setTimeout(() => server.server.closeAllConnections(), options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        logger.info('Bot server closed', { url });
        resolve();
      });
      // Idle keep-alive sockets would otherwise hold `close` open until they time out.
      server.server.closeIdleConnections();
    });
    return closing;
  };
  return { url, close };
}

const requestIds = new WeakMap<IncomingMessage, string>();

function requestIdOf(req: IncomingMessage): string {
  return requestIds.get(req) ?? 'unknown';
}

function sendJson(res: ServerResponse, status: number, body: unknown, close: boolean): void {
  if (res.headersSent) return;
  // Serialized once and written as text: the socket encodes it, so no copy of a card-sized reply is made here.
  const json = body === undefined ? '' : JSON.stringify(body);
  const length = Buffer.byteLength(json, 'utf8');
  const headers: Record<string, string | number> = { 'Content-Length': length };
  if (length > 0) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(json, 'utf8');
}

function refusalFor(status: unknown): HttpRefusal {
  if (status === 404) return REFUSALS.notFound;
  if (status === 405) return REFUSALS.methodNotAllowed;
  if (typeof status === 'number' && status >= 400 && status < 500) return REFUSALS.badRequest;
  return REFUSALS.internal;
}

/** The status an invoke was answered with: the response's own, or with expect-replies the invokeResponse activity's. */
function invokeStatusOf(response: InvokeResponse | undefined): number | undefined {
  const replies = (response?.body as { activities?: unknown } | undefined)?.activities;
  if (Array.isArray(replies)) {
    const answer = replies.find((reply): reply is { value?: { status?: unknown } } => typeof reply === 'object' && reply !== null && reply.type === 'invokeResponse');
    const status = answer?.value?.status;
    return typeof status === 'number' ? status : undefined;
  }
  return response?.status;
}

/** What `CloudAdapter.process` does to a parsed body: timestamps become dates, their wire text kept beside them. */
function withDates(body: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = body[field];
    if (typeof value === 'string') {
      body[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
      body[field] = new Date(value);
    }
  }
  return body as unknown as Activity;
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
