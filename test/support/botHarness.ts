/**
 * The one test harness: the whole bot as `createBot` builds it (command routing, card-action registry, dialogs,
 * conditional state classes, sign-in wrapper), against the local profile service on a free port through the real
 * Graph client, reached one of two ways:
 * - `http`: `startBotServer` on 127.0.0.1, activities POSTed to `/api/messages` (the production path, with inbound
 *   authentication when the configuration has app credentials);
 * - `in-process`: the same `adapter.process(request, response, logic)` the server calls, with botbuilder's public
 *   `Request`/`Response` shapes, no socket.
 * Activities carry `deliveryMode: 'expectReplies'` unless a test asks otherwise, so every reply (and an invoke's
 * response) comes back with the turn; without it replies go to the Bot Connector at the activity's `serviceUrl`
 * (a local stand-in when `connector: true`).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type Activity, type Request, type Response, type Storage } from 'botbuilder';
import type { GraphTokenService } from '../../src/auth/graphTokenService';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import type { UserTokenProvider } from '../../src/auth/userTokenProvider';
import { createBot, type Bot } from '../../src/app/createBot';
import { activityWireSize, MAX_ACTIVITY_BYTES } from '../../src/conversation/outboundGate';
import type { ConnectorRetryOptions } from '../../src/edge/connectorRetry';
import { startBotServer, type BotServer, type StaticRoute } from '../../src/edge/server';
import { loadConfig, type Config } from '../../src/config';
import { createGraphInterestsClient, type GraphInterestsClient } from '../../src/graph/interestsClient';
import { createLogger, type Logger } from '../../src/logger';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { startLocalConnector, type LocalConnector } from './localConnector';
import { connectorEnvelope, postActivity, type PostedTurn } from './postActivity';

export const ALEX = { id: '29:alex-channel-id', aadObjectId: 'aad-alex-0001', name: 'Alex Wilber' } as const;
export const MEGAN = { id: '29:megan-channel-id', aadObjectId: 'aad-megan-0002', name: 'Megan Bowen' } as const;
export const BOT = { id: '28:interests-bot', name: 'Interests' } as const;

export type User = { readonly id: string; readonly aadObjectId?: string; readonly name: string };

/** An activity as it travels on the wire: loose JSON, as Teams or a test sends it. */
export type WireActivity = Record<string, unknown>;

export interface Exchange {
  /** HTTP status of the POST (in-process: the status the adapter set). */
  readonly status: number;
  /** Everything the bot sent back in the turn, in order (typing indicators and an invoke's response included). */
  readonly activities: Partial<Activity>[];
}

/** A request the Graph client sent, as it went over the wire, with its answer. */
export interface GraphCall {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly body: string | undefined;
  readonly status: number | undefined;
  /** When the request was sent and when its answer came back (ms since the epoch). */
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly retryAfter: string | null;
}

export type Transport = 'http' | 'in-process';

export interface BotHarnessOptions {
  readonly transport?: Transport;
  /** An already running profile service (several bot instances on one); one is started (and closed) otherwise. */
  readonly service?: RunningProfileService;
  /** Users the started profile service seeds with sample interests (default: Alex). */
  readonly seedUserIds?: readonly string[];
  /** Environment the configuration is loaded from, on top of `GRAPH_BASE_URL` (app credentials make it production). */
  readonly env?: Record<string, string>;
  /** How user tokens are had (default: local development tokens); production passes its on-behalf-of service too. */
  readonly userTokens?: (logger: Logger, config: Config) => { readonly tokens: UserTokenProvider; readonly graphTokens?: GraphTokenService };
  readonly storage?: Storage;
  readonly clock?: () => Date;
  /** The Graph client's settings; by default no retries, so a fault injected into the service reaches the bot at once. */
  readonly graph?: { readonly maxRetries?: number; readonly maxRetryWaitSeconds?: number; readonly timeoutMs?: number };
  /** Stands in front of the real Graph client, e.g. to make a call fail the way a bug would. */
  readonly wrapInterests?: (client: GraphInterestsClient) => GraphInterestsClient;
  /** Card-action time budget; the default is the production one. */
  readonly cardActionBudgetMs?: number;
  readonly connectorRetry?: Omit<ConnectorRetryOptions, 'logger'>;
  /** Starts a local Bot Connector stand-in and addresses activities to it. */
  readonly connector?: boolean;
  readonly staticRoutes?: (config: Config) => readonly StaticRoute[];
  /** Fields every activity starts from (who sends it, in which conversation). */
  readonly defaults?: WireActivity;
}

export interface BotHarness {
  readonly service: RunningProfileService;
  readonly config: Config;
  readonly bot: Bot;
  /** The on-behalf-of token service, when `userTokens` gave one. */
  readonly graphTokens: GraphTokenService | undefined;
  /** The HTTP server (the `http` transport only; reading it otherwise throws). */
  readonly server: BotServer;
  /** The Bot Connector stand-in (with `connector: true` only; reading it otherwise throws). */
  readonly connector: LocalConnector;
  /** Every log line the bot wrote, as JSON text. */
  readonly logLines: string[];
  /** Every request the bot's Graph client sent. */
  readonly graphCalls: GraphCall[];
  /** Posts a raw body (HTTP only). */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Sends one activity in the connector's envelope; `expectReplies: false` sends replies through the connector instead. */
  send(activity: WireActivity, options?: { expectReplies?: boolean; headers?: Record<string, string> }): Promise<Exchange>;
  say(
    text: string,
    options?: { from?: User; conversationId?: string; conversationType?: string; entities?: unknown[]; expectReplies?: boolean; locale?: string },
  ): Promise<Exchange>;
  /** Sends an `adaptiveCard/action` invoke and returns the invoke response's HTTP status and body. */
  act(
    verb: string,
    data: Record<string, unknown>,
    options?: { from?: User; conversationId?: string; conversationType?: string; locale?: string; trigger?: 'manual' | 'automatic' },
  ): Promise<{ status: number; body: unknown; exchange: Exchange }>;
  close(): Promise<void>;
}

const DEFAULTS: WireActivity = { from: ALEX, recipient: BOT, conversation: { id: 'a:personal-alex', conversationType: 'personal' } };

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const transport = options.transport ?? 'http';
  const dataDir = options.service ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'bot-test-'));
  const service = options.service ?? (await startProfileService({ port: 0, dataDir: dataDir!, seed: { userIds: [...(options.seedUserIds ?? [ALEX.aadObjectId])] } }));
  const connector = options.connector ? await startLocalConnector() : undefined;
  const config = loadConfig({ GRAPH_BASE_URL: service.graphBaseUrl, LOG_LEVEL: 'debug', ...options.env }, null);
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (_level, line) => logLines.push(line) });

  const graphCalls: GraphCall[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const sentAt = Date.now();
    const record = (status: number | undefined, retryAfter: string | null) =>
      graphCalls.push({ method: request.method, url: request.url, path: new URL(request.url).pathname, body, status, sentAt, answeredAt: Date.now(), retryAfter });
    try {
      const response = await fetch(request);
      record(response.status, response.headers.get('Retry-After'));
      return response;
    } catch (error) {
      record(undefined, null);
      throw error;
    }
  };
  const graphClient = createGraphInterestsClient({
    graphBaseUrl: config.graph.baseUrl,
    timeoutMs: options.graph?.timeoutMs ?? 5_000,
    maxRetries: options.graph?.maxRetries ?? 0,
    maxRetryWaitSeconds: options.graph?.maxRetryWaitSeconds ?? 1,
    logger,
    fetch: recordingFetch,
  });
  const interests = options.wrapInterests ? options.wrapInterests(graphClient) : graphClient;
  const { tokens, graphTokens } = options.userTokens ? options.userTokens(logger, config) : { tokens: createLocalTokenProvider({ logger }), graphTokens: undefined };
  const bot = createBot({
    config,
    interests,
    colleagues: graphClient,
    tokens,
    ...(graphTokens ? { graphTokens } : {}),
    storage: options.storage ?? new MemoryStorage(),
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.cardActionBudgetMs !== undefined ? { cardActionBudgetMs: options.cardActionBudgetMs } : {}),
    ...(options.connectorRetry ? { connectorRetry: options.connectorRetry } : {}),
  });
  const server =
    transport === 'http'
      ? await startBotServer({ host: '127.0.0.1', port: 0, adapter: bot.adapter, handler: bot.handler, logger, staticRoutes: options.staticRoutes?.(config) ?? [] })
      : undefined;

  const deliver = async (activity: WireActivity, headers: Record<string, string>): Promise<PostedTurn> => {
    const turn = await (server ? postActivity(server.url, activity, headers) : processInProcess(bot, activity, headers));
    assertWithinTeamsLimit(turn.activities);
    return turn;
  };

  const post: BotHarness['post'] = async (body, headers = {}) => {
    if (!server) throw new Error('post() needs the http transport');
    const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  };

  const send: BotHarness['send'] = (activity, sendOptions = {}) =>
    deliver(
      connectorEnvelope({
        ...(connector ? { serviceUrl: connector.serviceUrl } : {}),
        // Without expectReplies the replies go to the Bot Connector (the local stand-in, when started).
        deliveryMode: sendOptions.expectReplies === false ? undefined : 'expectReplies',
        ...DEFAULTS,
        ...options.defaults,
        ...activity,
      }),
      sendOptions.headers ?? {},
    );

  const conversation = (id: string | undefined, type: string | undefined): WireActivity =>
    id || type ? { conversation: { id: id ?? 'a:personal-alex', conversationType: type ?? 'personal', isGroup: (type ?? 'personal') !== 'personal', name: '' } } : {};

  const say: BotHarness['say'] = (text, sayOptions = {}) =>
    send(
      {
        type: 'message',
        text,
        ...(sayOptions.from ? { from: sayOptions.from } : {}),
        ...(sayOptions.entities ? { entities: sayOptions.entities } : {}),
        ...(sayOptions.locale ? { locale: sayOptions.locale } : {}),
        ...conversation(sayOptions.conversationId, sayOptions.conversationType),
      },
      { expectReplies: sayOptions.expectReplies ?? true },
    );

  const act: BotHarness['act'] = async (verb, data, actOptions = {}) => {
    const exchange = await send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(actOptions.from ? { from: actOptions.from } : {}),
      ...conversation(actOptions.conversationId, actOptions.conversationType),
      ...(actOptions.locale ? { locale: actOptions.locale } : {}),
      value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: actOptions.trigger ?? 'manual' },
    });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse');
    const value = response?.value as { status: number; body: unknown } | undefined;
    return { status: value?.status ?? exchange.status, body: value?.body, exchange };
  };

  return {
    service,
    config,
    bot,
    graphTokens,
    get server() {
      if (!server) throw new Error('This harness has no HTTP server: use the http transport.');
      return server;
    },
    get connector() {
      if (!connector) throw new Error('This harness has no connector stand-in: start it with connector: true.');
      return connector;
    },
    logLines,
    graphCalls,
    post,
    send,
    say,
    act,
    async close() {
      await server?.close();
      await connector?.close();
      if (!options.service) await service.close();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The in-process transport: the adapter's own entry point with botbuilder's public request and response shapes. */
async function processInProcess(bot: Bot, activity: WireActivity, headers: Record<string, string>): Promise<PostedTurn> {
  let status = 200;
  let body: unknown;
  const response: Response = {
    socket: undefined,
    status(code: number) {
      status = code;
    },
    header() {},
    send(sent?: unknown) {
      body = sent;
    },
    end() {},
  };
  const request: Request = { method: 'POST', headers: { 'content-type': 'application/json', ...lowerCaseKeys(headers) }, body: activity };
  await bot.adapter.process(request, response, (context) => bot.handler.run(context));
  const activities = typeof body === 'object' && body !== null ? ((body as { activities?: Partial<Activity>[] }).activities ?? []) : [];
  // Through JSON, as over HTTP, so tests see exactly what the wire would carry.
  return { status, activities: JSON.parse(JSON.stringify(activities)) as Partial<Activity>[] };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Every test's replies are ones Teams accepts: an activity over its size limit fails the test that caused it. */
function assertWithinTeamsLimit(activities: readonly Partial<Activity>[]): void {
  for (const activity of activities) {
    const bytes = activityWireSize(activity);
    if (bytes > MAX_ACTIVITY_BYTES) throw new Error(`The bot sent a ${activity.type ?? 'message'} of ${bytes} bytes (UTF-16); Teams refuses over ${MAX_ACTIVITY_BYTES}.`);
  }
}

/** Resolves after `ms`; for letting a late answer arrive in tests that wait for something else to happen. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The Adaptive Cards among the replies (attachment contents). */
export function cardsIn(exchange: Exchange): Record<string, unknown>[] {
  return exchange.activities.flatMap((activity) =>
    (activity.attachments ?? []).filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive').map((attachment) => attachment.content as Record<string, unknown>),
  );
}

/** The plain texts among the replies. */
export function textsIn(exchange: Exchange): string[] {
  return exchange.activities.flatMap((activity) => (activity.type === 'message' && typeof activity.text === 'string' ? [activity.text] : []));
}

/** Every string anywhere in a card, joined: enough to assert what a card says. */
export function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card !== null && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

/** Every Action.Execute on a card, with its verb and data. */
export function executeActionsOf(card: unknown): { verb: string; data: Record<string, unknown>; title: string }[] {
  const found: { verb: string; data: Record<string, unknown>; title: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string') {
        found.push({ verb: record.verb, data: (record.data ?? {}) as Record<string, unknown>, title: String(record.title ?? '') });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}
