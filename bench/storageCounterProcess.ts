/**
 * Child process: a pass-through in front of Azurite (`STORAGE_TARGET`, e.g. http://127.0.0.1:10000) that counts what
 * a bot asks of its Blob storage (`storageTraffic.ts`): the bots' connection strings point here, so every storage
 * round trip is seen from outside the bot, the same way for the product and its floor. `GET /_bench/counts` answers
 * the totals so far, `GET /_bench/recent` the last requests (number, key, operation, bytes); everything else is forwarded
 * as it came (Shared Key signatures do not cover the host). Tells the runner its URL over IPC when ready.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyStorageRequest, countRequest, NO_STORAGE_REQUESTS, type StorageCounts, type StorageRequest } from './storageTraffic';

const RECENT = 200;
const target = new URL(process.env.STORAGE_TARGET ?? 'http://127.0.0.1:10000');
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
let counts: StorageCounts = NO_STORAGE_REQUESTS;
/** The last requests, each with its number in the count (`seq`), so a reader can take those after a point. */
const recent: (StorageRequest & { seq: number; method: string; status: number; sent: number; received: number })[] = [];

function answerJson(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === '/_bench/counts') return answerJson(res, counts);
  if (url === '/_bench/recent') return answerJson(res, recent);
  const request = classifyStorageRequest(req.method ?? 'GET', url);
  let sent = 0;
  let received = 0;
  const outgoing = http.request({ host: target.hostname, port: target.port, method: req.method, path: url, headers: req.headers, agent }, (incoming) => {
    res.writeHead(incoming.statusCode ?? 502, incoming.headers);
    incoming.on('data', (chunk: Buffer) => (received += chunk.length));
    incoming.pipe(res);
    incoming.on('end', () => {
      counts = countRequest(counts, request, sent, received);
      recent.push({ ...request, seq: counts.requests, method: req.method ?? '', status: incoming.statusCode ?? 0, sent, received });
      if (recent.length > RECENT) recent.splice(0, recent.length - RECENT);
    });
  });
  outgoing.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502);
    res.end(String(error));
  });
  req.on('data', (chunk: Buffer) => (sent += chunk.length));
  req.pipe(outgoing);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: { url: `http://127.0.0.1:${port}` } });
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
