/**
 * The whole bot (`createBot`, as production builds it) over real HTTP, with the card-action time budget and the
 * connector retry tunable, a local Bot Connector stand-in for replies sent outside the HTTP response, and the real
 * Graph client (with retries, unlike the bot tests' harness) recording every request it makes to the local
 * profile service.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type Activity } from 'botbuilder';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { createBot } from '../../src/bot/createBot';
import type { ConnectorRetryOptions } from '../../src/bot/resilience/connectorRetry';
import { startBotServer, type BotServer } from '../../src/bot/server';
import { loadConfig } from '../../src/config';
import { createGraphInterestsClient } from '../../src/graph/interestsClient';
import { createLogger } from '../../src/logger';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { ALEX, BOT, type Exchange } from '../bot/botHarness';
import { connectorEnvelope, postActivity } from '../support/postActivity';
import { startLocalConnector, type LocalConnector } from './localConnector';

type User = { readonly id: string; readonly aadObjectId?: string; readonly name: string };

export interface GraphCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** When the request was sent and when its answer came back (ms since the epoch). */
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly retryAfter: string | null;
}

export interface ResilienceHarnessOptions {
  readonly graph?: { maxRetries?: number; maxRetryWaitSeconds?: number; timeoutMs?: number };
  /** Card-action time budget; the default is the production one. */
  readonly cardActionBudgetMs?: number;
  readonly connectorRetry?: Omit<ConnectorRetryOptions, 'logger'>;
}

export interface ResilienceHarness {
  readonly service: RunningProfileService;
  readonly connector: LocalConnector;
  readonly server: BotServer;
  readonly graphCalls: GraphCall[];
  readonly logLines: string[];
  /** Posts one activity; `expectReplies: false` sends replies through the connector stand-in instead. */
  send(activity: Partial<Activity>, options?: { expectReplies?: boolean }): Promise<Exchange>;
  say(text: string, options?: { from?: User; conversationId?: string; expectReplies?: boolean }): Promise<Exchange>;
  act(verb: string, data: Record<string, unknown>, options?: { from?: User; conversationId?: string }): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startResilienceHarness(options: ResilienceHarnessOptions = {}): Promise<ResilienceHarness> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'resilience-'));
  const service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId] } });
  const connector = await startLocalConnector();
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (_level, line) => logLines.push(line) });

  const graphCalls: GraphCall[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const sentAt = Date.now();
    const response = await fetch(request);
    graphCalls.push({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      sentAt,
      answeredAt: Date.now(),
      retryAfter: response.headers.get('Retry-After'),
    });
    return response;
  };
  const interests = createGraphInterestsClient({
    graphBaseUrl: service.graphBaseUrl,
    timeoutMs: options.graph?.timeoutMs ?? 5_000,
    maxRetries: options.graph?.maxRetries ?? 3,
    maxRetryWaitSeconds: options.graph?.maxRetryWaitSeconds ?? 2,
    logger,
    fetch: recordingFetch,
  });
  const config = loadConfig({ GRAPH_BASE_URL: service.graphBaseUrl }, null);
  const { adapter, handler } = createBot({
    config,
    interests,
    tokens: createLocalTokenProvider({ logger }),
    storage: new MemoryStorage(),
    logger,
    ...(options.cardActionBudgetMs !== undefined ? { cardActionBudgetMs: options.cardActionBudgetMs } : {}),
    ...(options.connectorRetry ? { connectorRetry: options.connectorRetry } : {}),
  });
  const server = await startBotServer({ host: '127.0.0.1', port: 0, adapter, handler, logger });

  const send: ResilienceHarness['send'] = (activity, sendOptions = {}) =>
    postActivity(
      server.url,
      connectorEnvelope({
        serviceUrl: connector.serviceUrl,
        // Without expectReplies the replies go through the local connector stand-in.
        deliveryMode: sendOptions.expectReplies === false ? undefined : 'expectReplies',
        from: ALEX,
        recipient: BOT,
        conversation: { id: 'a:personal-alex', conversationType: 'personal' },
        ...activity,
      }),
    );

  const conversation = (id: string | undefined): Partial<Activity> => (id ? { conversation: { id, conversationType: 'personal', isGroup: false, name: '' } } : {});

  return {
    service,
    connector,
    server,
    graphCalls,
    logLines,
    send,
    say: (text, sayOptions = {}) =>
      send({ type: 'message', text, from: sayOptions.from ?? ALEX, ...conversation(sayOptions.conversationId) }, { expectReplies: sayOptions.expectReplies ?? true }),
    async act(verb, data, actOptions = {}) {
      const exchange = await send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: actOptions.from ?? ALEX,
        ...conversation(actOptions.conversationId),
        value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' },
      });
      const value = exchange.activities.find((activity) => activity.type === 'invokeResponse')?.value as { status: number; body: unknown } | undefined;
      return { status: value?.status ?? exchange.status, body: value?.body };
    },
    async close() {
      await server.close();
      await connector.close();
      await service.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves after `ms`; for letting a late answer arrive in tests that wait for something else to happen. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
