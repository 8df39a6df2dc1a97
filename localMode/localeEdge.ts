/**
 * Local mode's way to be another user's language. The Agents Playground always sends `locale: "en-US"` (its own
 * process's) and a `clientInfo` entity without a time zone; Teams sends the user's Teams language and zone. This edge
 * sits between the Playground and the bot on loopback and, for every activity, sets `locale` and the `clientInfo`
 * entity's `locale` and `timezone` to `LOCAL_LOCALE` / `LOCAL_TIMEZONE`, then forwards the request unchanged
 * otherwise and returns the bot's answer as it came. It exists only in local mode; the product reads what Teams sends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../src/logger';

export interface LocaleEdgeOptions {
  /** Where activities go after the rewrite, e.g. `http://127.0.0.1:3978/api/messages`. */
  readonly botEndpoint: string;
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly logger: Logger;
}

export interface RunningLocaleEdge {
  /** What the Playground posts to instead of the bot. */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** The activity as a Teams client in that language and zone would have sent it. */
export function asIfFrom(activity: Record<string, unknown>, locale: string | undefined, timeZone: string | undefined): Record<string, unknown> {
  const entities = Array.isArray(activity['entities']) ? (activity['entities'] as unknown[]) : [];
  const isClientInfo = (entity: unknown): boolean => typeof entity === 'object' && entity !== null && (entity as { type?: unknown }).type === 'clientInfo';
  const clientInfo = { ...((entities.find(isClientInfo) as Record<string, unknown> | undefined) ?? { type: 'clientInfo' }) };
  if (locale !== undefined) clientInfo['locale'] = locale;
  if (timeZone !== undefined) clientInfo['timezone'] = timeZone;
  return {
    ...activity,
    ...(locale !== undefined ? { locale } : {}),
    entities: [...entities.filter((entity) => !isClientInfo(entity)), clientInfo],
  };
}

/** Headers about one hop's connection and framing, not about the request. */
const HOP_HEADERS = new Set(['transfer-encoding', 'connection', 'keep-alive', 'content-length', 'host']);

export async function startLocaleEdge(options: LocaleEdgeOptions): Promise<RunningLocaleEdge> {
  const { botEndpoint, locale, timeZone, logger } = options;
  const target = new URL(botEndpoint);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void forward(Buffer.concat(chunks)).catch((error: unknown) => {
        logger.error('The local-mode locale edge could not reach the bot', { error });
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
    });

    async function forward(body: Buffer): Promise<void> {
      const rewritten = rewrite(body);
      // The body is sent whole, so the hop's own framing (chunked, keep-alive) does not travel on.
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.has(name)));
      Object.assign(headers, { host: target.host, 'content-length': String(rewritten.length) });
      const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const outgoing = http.request(target, { method: request.method, headers }, resolve);
        outgoing.on('error', reject);
        outgoing.end(rewritten);
      });
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    }
  });

  function rewrite(body: Buffer): Buffer {
    try {
      const activity: unknown = JSON.parse(body.toString('utf8'));
      if (typeof activity !== 'object' || activity === null || Array.isArray(activity)) return body;
      return Buffer.from(JSON.stringify(asIfFrom(activity as Record<string, unknown>, locale, timeZone)), 'utf8');
    } catch {
      // Not JSON: the bot answers it as it would answer the Playground.
      return body;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  logger.info('Local mode speaks as a user of another language', { locale, timeZone });
  return {
    endpoint: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
