/**
 * The HTTP edge: restify wires `POST /api/messages` to the adapter, answers `GET /healthz` and serves any fixed pages
 * it is given (the SSO fallback pages). Everything a turn does happens behind `adapter.process`.
 */
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { z } from 'zod';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from '../logger';

/** A fixed document served at `path`, e.g. the sign-in pages Teams opens in a pop-up. */
export interface StaticRoute {
  readonly path: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface BotServerOptions {
  readonly host: string;
  readonly port: number;
  readonly adapter: CloudAdapter;
  readonly handler: ActivityHandlerBase;
  readonly logger: Logger;
  readonly staticRoutes?: readonly StaticRoute[];
  /** How long `close()` lets in-flight turns finish before dropping their connections. */
  readonly shutdownGraceMs?: number;
}

export interface BotServer {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  readonly url: string;
  /** Stops accepting connections and resolves once in-flight requests have finished (or the grace period ran out). */
  close(): Promise<void>;
}

/** Activities are small JSON documents (files travel as links); anything bigger is refused with 413. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
const ACTIVITY_SHAPE = z.object({ type: z.string().min(1) });

export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const { adapter, handler, logger } = options;
  const server = restify.createServer({ name: 'profile-interests-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req, res) => {
    // The SDK answers a body that is not an activity with 500 and its parser's message; say 400 instead.
    if (!ACTIVITY_SHAPE.safeParse(req.body).success) {
      res.json(400, { error: 'The body must be a Bot Framework activity with a type.' });
      return;
    }
    await adapter.process(req, res, (context) => handler.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.json(200, { status: 'ok' });
    next();
  });
  for (const route of options.staticRoutes ?? []) {
    server.get(route.path, (_req, res, next) => {
      res.sendRaw(route.status, route.body, { ...route.headers });
      next();
    });
  }

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

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
