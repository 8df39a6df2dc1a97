/**
 * The bot over real HTTP with the resilience pieces of `src/bot/resilience` switched on: the card-action time
 * budget and the connector retry adapter, wired exactly as `createBot` is to wire them (see docs/benchmark.md,
 * "Hooks"). Everything else is the production composition: the local profile service, the real Graph client
 * (with retries, unlike the bot tests' harness), the local token provider, the real dialogs and handlers.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { createBotFrameworkAuthentication } from '../../src/bot/botFrameworkAuthentication';
import type { BotServices } from '../../src/bot/botServices';
import { createBotState } from '../../src/bot/botState';
import { handleCardAction } from '../../src/bot/cardActions/handleCardAction';
import { createInterestDialogs } from '../../src/bot/dialogs';
import { InterestsBot } from '../../src/bot/interestsBot';
import { answerCardActionWithinBudget } from '../../src/bot/resilience/cardActionDeadline';
import { ConnectorRetryingCloudAdapter, type ConnectorRetryOptions } from '../../src/bot/resilience/connectorRetry';
import { startBotServer, type BotServer } from '../../src/bot/server';
import { createTurnErrorHandler } from '../../src/bot/turnErrorHandler';
import { createGraphInterestsClient } from '../../src/graph/interestsClient';
import { createLogger } from '../../src/logger';
import { startProfileService, type RunningProfileService } from '../../src/profileService/server';
import { ALEX, BOT, type Exchange } from '../bot/botHarness';
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

/** The composition with the hooks the lead adds to `createBot` / `InterestsBot` (see the module's report). */
class BudgetedInterestsBot extends InterestsBot {
  constructor(
    private readonly budgeted: BotServices,
    private readonly deadline: Parameters<typeof answerCardActionWithinBudget>[2],
  ) {
    super(budgeted);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return { status: 200, body: await answerCardActionWithinBudget(context, (turn) => handleCardAction(turn, this.budgeted), this.deadline) };
  }
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
  const tokens = createLocalTokenProvider({ logger });
  const state = createBotState(new MemoryStorage());
  const dialogs = new DialogSet(state.dialogState);
  for (const dialog of createInterestDialogs({ interests, tokens, logger })) dialogs.add(dialog);
  const services: BotServices = { mode: 'local', interests, tokens, logger, clock: () => new Date(), state, dialogs };

  const adapter = new ConnectorRetryingCloudAdapter(createBotFrameworkAuthentication(null), { logger, ...options.connectorRetry });
  adapter.onTurnError = createTurnErrorHandler({ logger, state });
  const handler = new BudgetedInterestsBot(services, {
    adapter,
    botAppId: '',
    logger,
    ...(options.cardActionBudgetMs !== undefined ? { budgetMs: options.cardActionBudgetMs } : {}),
    saveState: (context) => state.saveAll(context),
  });
  const server = await startBotServer({ host: '127.0.0.1', port: 0, adapter, handler, logger });

  const send: ResilienceHarness['send'] = async (activity, sendOptions = {}) => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        ...(sendOptions.expectReplies === false ? {} : { deliveryMode: 'expectReplies' }),
        timestamp: new Date().toISOString(),
        from: ALEX,
        recipient: BOT,
        conversation: { id: 'a:personal-alex', conversationType: 'personal' },
        ...activity,
      }),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    return { status: response.status, activities: (parsed as { activities?: Partial<Activity>[] }).activities ?? [] };
  };

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
