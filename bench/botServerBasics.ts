/**
 * What the echo and graph floor bots share with each other (and with the product's HTTP edge): restify with the
 * same body parser limit, `/healthz`, the port from `PORT`, and a clean stop on SIGTERM.
 */
import * as restify from 'restify';

const MAX_ACTIVITY_BYTES = 256 * 1024;

export function createBareServer(name: string): restify.Server {
  const server = restify.createServer({ name, handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false, mapFiles: false }));
  server.get('/healthz', (_req, res, next) => {
    res.json(200, { status: 'ok' });
    next();
  });
  return server;
}

export async function listenAndServe(server: restify.Server): Promise<void> {
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', resolve));
  process.once('SIGTERM', () => {
    server.server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
