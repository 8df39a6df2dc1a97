/**
 * A stand-in for the Bot Connector service on 127.0.0.1: what the bot's `serviceUrl` points at when replies are
 * not buffered (normal delivery) and for proactive messages. It records every POST of an activity and can be told
 * to refuse the next ones with a status (429 with or without `Retry-After`). It also lists a conversation's members
 * (`GET /v3/conversations/{id}/pagedmembers`, with `pageSize` and continuation tokens) from `setMembers`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { MAX_ACTIVITY_BYTES } from '../../src/conversation/outboundGate';

export interface ConnectorPost {
  readonly path: string;
  readonly status: number;
  readonly activity: Partial<Activity>;
}

/** A member as the connector lists it (Teams' `TeamsChannelAccount`). */
export interface ConnectorMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  readonly userPrincipalName?: string;
}

export interface LocalConnector {
  /** The members `pagedmembers` lists for a conversation, in order. */
  setMembers(conversationId: string, members: readonly ConnectorMember[]): void;
  /** Every `pagedmembers` request: the conversation, page size and continuation token asked for. */
  readonly memberRequests: { conversationId: string; pageSize: number | undefined; continuationToken: string | undefined }[];
  /** Ends with a slash, as Teams' serviceUrl does. */
  readonly serviceUrl: string;
  readonly posts: ConnectorPost[];
  /** Activities the connector accepted (answered 2xx), in order. */
  accepted(): Partial<Activity>[];
  /** Every activity POST from now on is answered `ms` later, as a connector far away would (0: at once). */
  setLatency(ms: number): void;
  /** The next activity POST that `when` matches is not answered until the returned function is called. */
  holdNext(when: (activity: Partial<Activity>) => boolean): () => void;
  /** The next `count` activity POSTs (of those `when` matches, if given) get `status`. */
  refuseNext(count: number, status: number, options?: { retryAfterSeconds?: number; when?: (activity: Partial<Activity>) => boolean }): void;
  /** Resolves once `count` activities have been accepted (rejects after `timeoutMs`). */
  waitForAccepted(count: number, timeoutMs?: number): Promise<Partial<Activity>[]>;
  close(): Promise<void>;
}

// restify (loaded by the bot) replaces ServerResponse#writeHead with one that does not return the response.
function answer(res: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/;
const PAGED_MEMBERS_PATH = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;
/** Teams' default page when none is asked for. */
const DEFAULT_MEMBER_PAGE = 200;

export async function startLocalConnector(): Promise<LocalConnector> {
  const posts: ConnectorPost[] = [];
  interface Refusal {
    readonly status: number;
    readonly retryAfterSeconds: number | undefined;
    readonly when: (activity: Partial<Activity>) => boolean;
  }
  const refusals: Refusal[] = [];
  let latencyMs = 0;
  const holds: { readonly when: (activity: Partial<Activity>) => boolean; readonly released: Promise<void> }[] = [];
  const waiters: (() => void)[] = [];
  let counter = 0;
  const membersByConversation = new Map<string, readonly ConnectorMember[]>();
  const memberRequests: LocalConnector['memberRequests'] = [];

  /** Continuation tokens are opaque to the bot; here they are the offset of the next page. */
  function pagedMembers(res: http.ServerResponse, conversationId: string, url: URL): void {
    const pageSizeText = url.searchParams.get('pageSize');
    const pageSize = pageSizeText ? Number(pageSizeText) : undefined;
    const continuationToken = url.searchParams.get('continuationToken') ?? undefined;
    memberRequests.push({ conversationId, pageSize, continuationToken });
    const members = membersByConversation.get(conversationId);
    if (!members) return answer(res, 404, {}, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    const start = continuationToken ? Number(continuationToken.replace(/^offset-/, '')) : 0;
    const end = start + (pageSize ?? DEFAULT_MEMBER_PAGE);
    answer(res, 200, {}, { members: members.slice(start, end), ...(end < members.length ? { continuationToken: `offset-${end}` } : {}) });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://connector');
      const path = url.pathname;
      const membersMatch = PAGED_MEMBERS_PATH.exec(path);
      if (req.method === 'GET' && membersMatch?.[1]) {
        pagedMembers(res, decodeURIComponent(membersMatch[1]), url);
        return;
      }
      if (req.method !== 'POST' || !ACTIVITIES_PATH.test(path)) {
        answer(res, 404, {}, { error: { code: 'NotFound', message: 'Not a connector route' } });
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const activity = JSON.parse(text) as Partial<Activity>;
      // As Teams does: an activity over 28 KB counted in UTF-16 is refused, and the user sees nothing.
      if (text.length * 2 > MAX_ACTIVITY_BYTES) {
        posts.push({ path, status: 413, activity });
        answer(res, 413, {}, { error: { code: 'MessageSizeTooBig', message: 'Message size too big' } });
        return;
      }
      const holdIndex = holds.findIndex((candidate) => candidate.when(activity));
      const [hold] = holdIndex >= 0 ? holds.splice(holdIndex, 1) : [];
      const answered = latencyMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, latencyMs)) : undefined;
      if (hold || answered) void Promise.all([hold?.released, answered]).then(() => receive(res, path, activity));
      else receive(res, path, activity);
    });
  });
  function receive(res: http.ServerResponse, path: string, activity: Partial<Activity>): void {
    const refusalIndex = refusals.findIndex((candidate) => candidate.when(activity));
    const [refusal] = refusalIndex >= 0 ? refusals.splice(refusalIndex, 1) : [];
    if (refusal) {
      posts.push({ path, status: refusal.status, activity });
      const headers: Record<string, string> = refusal.retryAfterSeconds !== undefined ? { 'Retry-After': String(refusal.retryAfterSeconds) } : {};
      answer(res, refusal.status, headers, { error: { code: 'TooManyRequests', message: 'Slow down' } });
      return;
    }
    posts.push({ path, status: 200, activity });
    counter += 1;
    answer(res, 200, {}, { id: `activity-${counter}` });
    waiters.splice(0).forEach((wake) => wake());
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const accepted = (): Partial<Activity>[] => posts.filter((post) => post.status < 300).map((post) => post.activity);
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    posts,
    memberRequests,
    setMembers(conversationId, members) {
      membersByConversation.set(conversationId, [...members]);
    },
    accepted,
    setLatency(ms) {
      latencyMs = ms;
    },
    holdNext(when) {
      let release = (): void => undefined;
      holds.push({ when, released: new Promise<void>((resolve) => (release = resolve)) });
      return () => release();
    },
    refuseNext(count, status, options = {}) {
      const when = options.when ?? (() => true);
      for (let index = 0; index < count; index++) refusals.push({ status, retryAfterSeconds: options.retryAfterSeconds, when });
    },
    async waitForAccepted(count, timeoutMs = 20_000) {
      const giveUpAt = Date.now() + timeoutMs;
      while (accepted().length < count) {
        const left = giveUpAt - Date.now();
        if (left <= 0) throw new Error(`The connector received ${accepted().length} activities, expected ${count}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return accepted();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
