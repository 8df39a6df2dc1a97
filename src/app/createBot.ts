/**
 * Builds the whole bot from its dependencies, with no side effects at import time: tests build it in-process
 * against a local profile service, `src/index.ts` builds it against Graph.
 */
import type { ConversationState, PrivateConversationState, Storage, UserState } from 'botbuilder';
import type { GraphTokenService } from '../auth/graphTokenService';
import { createSignInFlow, type SignInFlow } from '../auth/signInFlow';
import type { UserTokenProvider } from '../auth/userTokenProvider';
import type { Config } from '../config';
import type { GraphInterestsClient } from '../graph/interestsClient';
import type { Logger } from '../logger';
import type { CardActionDeadlineOptions } from '../conversation/cardActionDeadline';
import { ConnectorRetryingCloudAdapter, type ConnectorRetryOptions } from '../edge/connectorRetry';
import { ConcurrencyRetryMiddleware, REPEAT_PLEASE_KEY } from '../storage/concurrencyRetryMiddleware';
import { createBotFrameworkAuthentication } from '../edge/botFrameworkAuthentication';
import type { BotServices } from '../conversation/botServices';
import { createBotState } from '../conversation/botState';
import { runCommand } from './commands';
import { normalizeCommandText } from '../conversation/commandText';
import { createInterestDialogs } from './interestDialogs';
import { createGraphAccess, type ColleaguesClient } from '../conversation/graphAccess';
import { needScopesOf } from '../conversation/graphNeeds';
import { createHelperSearch } from '../features/helpers/whoCanHelp';
import { resumedTurn } from '../conversation/resumedTurn';
import { InterestsBot } from './interestsBot';
import { MessageLengthLimit } from '../conversation/messageLength';
import { OutboundGate } from '../conversation/outboundGate';
import { textOf } from '../conversation/turnText';
import { createTurnErrorHandler } from './turnErrorHandler';

export interface BotDependencies {
  readonly config: Config;
  readonly interests: GraphInterestsClient;
  readonly tokens: UserTokenProvider;
  /** Where conversation and user state live (MemoryStorage locally; Blob or Cosmos storage when scaled out). */
  readonly storage: Storage;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Production: on-behalf-of token exchange for Teams SSO. Required when `config.auth` is set. */
  readonly graphTokens?: GraphTokenService;
  /** Batched reads of colleagues' interests and `/me/people`, for "who can help with …"; without it the feature says it is unavailable. */
  readonly colleagues?: ColleaguesClient;
  /** Card-action time budget (default `DEFAULT_CARD_ACTION_BUDGET_MS`); tests shorten it. */
  readonly cardActionBudgetMs?: number;
  /** Back-off for replies the Bot Connector throttles (429); tests shorten it. */
  readonly connectorRetry?: Omit<ConnectorRetryOptions, 'logger'>;
}

export interface Bot {
  readonly adapter: ConnectorRetryingCloudAdapter;
  readonly handler: InterestsBot;
  readonly conversationState: ConversationState;
  readonly privateConversationState: PrivateConversationState;
  readonly userState: UserState;
  /** Loads what turns load on first use (the dialogs), for the server to call once it is idle. */
  readonly warmUp: () => Promise<void>;
}

export function createBot(deps: BotDependencies): Bot {
  const { config, interests, tokens, storage, logger } = deps;
  const state = createBotState(storage);
  const clock = deps.clock ?? (() => new Date());
  if (config.auth && !deps.graphTokens) throw new Error('createBot: app credentials are configured but no Graph token service was given.');
  const signIn: SignInFlow | undefined =
    config.auth && deps.graphTokens
      ? createSignInFlow({
          auth: config.auth,
          graphTokens: deps.graphTokens,
          storage,
          pending: state.pendingSignIn,
          // The message that needed sign-in runs again as if just sent, so a dialog continues at its step.
          resume: (context, request) => runCommand(resumedTurn(context, request.text), normalizeCommandText(request.text), services),
          logger,
          clock,
        })
      : undefined;
  // The one token entry point: every route's need, with the scopes behind it, served by the one token provider.
  const graph = createGraphAccess({ interests, colleagues: deps.colleagues, tokens, scopes: needScopesOf(config), signIn, logger });
  const dialogs = createInterestDialogs({ graph, logger, storage }, state.dialogState);
  const adapter = new ConnectorRetryingCloudAdapter(createBotFrameworkAuthentication(config.auth), { logger, ...deps.connectorRetry });
  const cardActionDeadline: CardActionDeadlineOptions = {
    adapter,
    botAppId: config.auth?.appId ?? '',
    logger,
    ...(deps.cardActionBudgetMs !== undefined ? { budgetMs: deps.cardActionBudgetMs } : {}),
    saveState: (context) => state.saveAll(context),
    reloadState: async (context) => {
      await Promise.all([state.conversationState, state.privateConversationState, state.userState].map((botState) => botState.load(context, true)));
    },
  };
  const helpers = createHelperSearch({ logger, clock });
  const services: BotServices = { mode: config.mode, graph, helpers, tokens, logger, clock, state, dialogs, signIn, cardActionDeadline };
  // First, so its send handler sees every activity of every turn, proactive and replayed ones included.
  adapter.use(new OutboundGate(logger));
  adapter.use(new MessageLengthLimit());
  adapter.use(
    new ConcurrencyRetryMiddleware({
      states: [state.conversationState, state.privateConversationState, state.userState],
      logger,
      giveUp: async (context) => {
        await context.sendActivity(textOf(context).t(REPEAT_PLEASE_KEY));
      },
    }),
  );
  adapter.onTurnError = createTurnErrorHandler({ logger, state });
  return {
    adapter,
    handler: new InterestsBot(services),
    conversationState: state.conversationState,
    privateConversationState: state.privateConversationState,
    userState: state.userState,
    warmUp: () => dialogs.preload(),
  };
}
