/**
 * The whole bot, in-process, over real HTTP: the local profile service on a free port (temp data dir), the real
 * Graph client, `createBot` and `startBotServer`. Activities are POSTed to `/api/messages` with
 * `deliveryMode: 'expectReplies'`, so every reply (and an invoke's response) comes back in the HTTP response.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { createBot, type Bot } from '../../src/bot/createBot';
import { startBotServer, type BotServer } from '../../src/bot/server';
import { loadConfig } from '../../src/config';
import { createGraphInterestsClient, type InterestsClient } from '../../src/graph/interestsClient';
import { createLogger } from '../../src/logger';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { connectorEnvelope, postActivity } from '../support/postActivity';

export const ALEX = { id: '29:alex-channel-id', aadObjectId: 'aad-alex-0001', name: 'Alex Wilber' } as const;
export const MEGAN = { id: '29:megan-channel-id', aadObjectId: 'aad-megan-0002', name: 'Megan Bowen' } as const;
export const BOT = { id: '28:interests-bot', name: 'Interests' } as const;

export type User = { readonly id: string; readonly aadObjectId?: string; readonly name: string };

/** An activity as it travels on the wire: loose JSON, as Teams or a test sends it. */
export type WireActivity = Record<string, unknown>;

export interface Exchange {
  /** HTTP status of the POST. */
  readonly status: number;
  /** Everything the bot sent back in the turn, in order (typing indicators and an invoke's response included). */
  readonly activities: Partial<Activity>[];
}

export interface BotHarness {
  readonly service: RunningProfileService;
  readonly server: BotServer;
  readonly bot: Bot;
  /** Every log line the bot wrote, as JSON text. */
  readonly logLines: string[];
  post(body: unknown): Promise<{ status: number; text: string }>;
  send(activity: WireActivity): Promise<Exchange>;
  say(text: string, options?: { from?: User; conversationId?: string; conversationType?: string; entities?: unknown[] }): Promise<Exchange>;
  /** Sends an `adaptiveCard/action` invoke and returns the invoke response's HTTP status and body. */
  act(verb: string, data: Record<string, unknown>, options?: { from?: User }): Promise<{ status: number; body: unknown; exchange: Exchange }>;
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  /** Stands in front of the real Graph client, e.g. to make a call fail the way a bug would. */
  readonly wrapInterests?: (client: InterestsClient) => InterestsClient;
  /** The bot's storage; share one between two harnesses to run two instances of the bot. */
  readonly storage?: Storage;
  /** Another harness's profile service, so two instances act on one profile (it is not closed by this harness). */
  readonly service?: RunningProfileService;
  readonly clock?: () => Date;
}

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bot-test-'));
  const service = options.service ?? (await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId] } }));
  const config = loadConfig({ GRAPH_BASE_URL: service.graphBaseUrl, LOG_LEVEL: 'debug' }, null);
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (_level, line) => logLines.push(line) });
  // No retries: a fault injected into the service reaches the bot at once.
  const graphClient = createGraphInterestsClient({ graphBaseUrl: config.graph.baseUrl, timeoutMs: 5_000, maxRetries: 0, maxRetryWaitSeconds: 1, logger });
  const interests = options.wrapInterests ? options.wrapInterests(graphClient) : graphClient;
  const bot = createBot({ config, interests, tokens: createLocalTokenProvider({ logger }), storage: options.storage ?? new MemoryStorage(), logger, ...(options.clock ? { clock: options.clock } : {}) });
  const server = await startBotServer({ host: '127.0.0.1', port: 0, adapter: bot.adapter, handler: bot.handler, logger });

  const post = async (body: unknown): Promise<{ status: number; text: string }> => {
    const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  };

  const send = (activity: WireActivity): Promise<Exchange> =>
    postActivity(server.url, connectorEnvelope({ from: ALEX, recipient: BOT, conversation: { id: 'a:personal-alex', conversationType: 'personal' }, ...activity }));

  const say: BotHarness['say'] = (text, options = {}) =>
    send({
      type: 'message',
      text,
      from: options.from ?? ALEX,
      ...(options.entities ? { entities: options.entities } : {}),
      ...(options.conversationId || options.conversationType
        ? { conversation: { id: options.conversationId ?? 'a:personal-alex', conversationType: options.conversationType ?? 'personal', isGroup: options.conversationType !== 'personal' } }
        : {}),
    });

  const act: BotHarness['act'] = async (verb, data, options = {}) => {
    const exchange = await send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: options.from ?? ALEX,
      value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' },
    });
    const response = exchange.activities.find((activity) => activity.type === 'invokeResponse');
    const value = response?.value as { status: number; body: unknown } | undefined;
    return { status: value?.status ?? -1, body: value?.body, exchange };
  };

  return {
    service,
    server,
    bot,
    logLines,
    post,
    send,
    say,
    act,
    async close() {
      await server.close();
      if (!options.service) await service.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

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
