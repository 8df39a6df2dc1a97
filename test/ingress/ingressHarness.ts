/**
 * The real bot as a child process (a crash ends the child, not jest), in local mode or in production mode (app
 * credentials configured, inbound tokens checked against a local Bot Framework OpenID metadata), with raw HTTP
 * helpers that can send what `fetch` would tidy up: any Content-Encoding, bytes that are not what the headers say.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { APP_ID, APPLICATION_ID_URI, TENANT_ID } from '../auth/ssoHarness';
import { ALEX, buildBotOnce, startBotProcess, type BotProcess } from '../support/botProcess';
import { nowSeconds } from '../support/jwt';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import { connectorEnvelope, TEST_SERVICE_URL } from '../support/postActivity';

export type Mode = 'local' | 'production';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface IngressBot {
  readonly mode: Mode;
  readonly bot: BotProcess;
  readonly service: RunningProfileService;
  /** The local identity provider whose Bot Framework channel keys production trusts (undefined in local mode). */
  readonly idp: LocalIdentityProvider | undefined;
  /** Authorization header value that production accepts (empty in local mode). */
  authorization(): string;
  /** Raw POST to /api/messages; resolves with the answer, or rejects when the connection is dropped. */
  post(body: Buffer | string, headers?: Record<string, string>): Promise<RawResponse>;
  /**
   * POST to /api/messages with `Transfer-Encoding: chunked` (no `Content-Length`), one chunk per piece. With
   * `end: false` the body is never finished: the answer can only come from what the server read so far.
   */
  postChunked(pieces: readonly (Buffer | string)[], options?: { end?: boolean; headers?: Record<string, string> }): Promise<RawResponse>;
  /** An activity from Alex, with a valid token in production. */
  postActivity(fields: Record<string, unknown>): Promise<RawResponse>;
  get(pathname: string): Promise<RawResponse>;
  /** The process still runs and /healthz still answers. */
  expectServing(): Promise<void>;
  close(): Promise<void>;
}

export const BOT_ACCOUNT = { id: `28:${APP_ID}`, name: 'Interests' };

export async function startIngressBot(mode: Mode): Promise<IngressBot> {
  const entry = await buildBotOnce();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ingress-'));
  const service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId] } });
  let idp: LocalIdentityProvider | undefined;
  const env: Record<string, string> = { GRAPH_BASE_URL: service.graphBaseUrl, GRAPH_MAX_RETRIES: '0' };
  if (mode === 'production') {
    idp = await startLocalIdentityProvider({ clientId: APP_ID, applicationIdUri: APPLICATION_ID_URI });
    Object.assign(env, {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'local-test-secret',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      BOT_DOMAIN: 'bot.example.test',
      BOT_OPENID_METADATA_URL: idp.channelOpenIdMetadataUrl,
    });
  }
  const bot = await startBotProcess({ entry, env });
  const authorization = (): string =>
    idp
      ? `Bearer ${idp.issueChannelToken({ iss: idp.channelIssuer, aud: APP_ID, serviceurl: TEST_SERVICE_URL, nbf: nowSeconds() - 10, exp: nowSeconds() + 600 })}`
      : '';
  const post: IngressBot['post'] = (body, headers = {}) => request(bot.url, 'POST', '/api/messages', body, { 'Content-Type': 'application/json', ...headers });
  const get: IngressBot['get'] = (pathname) => request(bot.url, 'GET', pathname);
  const postChunked: IngressBot['postChunked'] = (pieces, options = {}) =>
    chunkedRequest(bot.url, '/api/messages', pieces, options.end ?? true, { 'Content-Type': 'application/json', ...options.headers });
  return {
    mode,
    bot,
    service,
    idp,
    authorization,
    post,
    postChunked,
    get,
    postActivity: (fields) => {
      const auth = authorization();
      const activity = connectorEnvelope({
        from: ALEX,
        recipient: BOT_ACCOUNT,
        conversation: { id: 'a:personal-alex', conversationType: 'personal', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
        ...fields,
      });
      return post(JSON.stringify(activity), auth ? { Authorization: auth } : {});
    },
    async expectServing() {
      expect(bot.child.exitCode).toBeNull();
      const health = await get('/healthz');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    },
    async close() {
      await bot.stop();
      await service.close();
      await idp?.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function request(baseUrl: string, method: string, pathname: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${pathname}`, { method, headers: { ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) }, agent: false });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function chunkedRequest(baseUrl: string, pathname: string, pieces: readonly (Buffer | string)[], end: boolean, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${pathname}`, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, agent: false });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        // A body left unfinished on purpose: drop the connection once the answer is in.
        req.destroy();
      });
    });
    for (const piece of pieces) req.write(piece);
    if (end) req.end();
  });
}

/** The replies of an expect-replies answer. */
export function activitiesOf(response: RawResponse): { type?: string; text?: string; value?: unknown; attachments?: { contentType: string; content: unknown }[] }[] {
  const parsed = JSON.parse(response.body) as { activities?: [] };
  return parsed.activities ?? [];
}

export function textsOf(response: RawResponse): string[] {
  return activitiesOf(response).flatMap((activity) => (activity.type === 'message' && typeof activity.text === 'string' ? [activity.text] : []));
}

/** Every string in the message replies (texts and card contents), joined: enough to assert what was said. */
export function everythingSaidIn(response: RawResponse): string {
  const walk = (node: unknown): string => {
    if (typeof node === 'string') return node;
    if (Array.isArray(node)) return node.map(walk).join(' ');
    if (node !== null && typeof node === 'object') return Object.values(node).map(walk).join(' ');
    return '';
  };
  return activitiesOf(response)
    .filter((activity) => activity.type === 'message')
    .map((activity) => walk([activity.text ?? '', activity.attachments ?? []]))
    .join('\n');
}
