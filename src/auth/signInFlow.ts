/**
 * Teams SSO in the conversation: starts sign-in when a request needs Graph and no token can be had silently,
 * answers the `signin/*` invokes, and, once a token exchange succeeds, carries on with the request that
 * triggered it, so the user never repeats themselves. Expected outcomes (consent needed, a refused token, a
 * duplicate exchange) are answers, not errors.
 */
import { ActivityTypes, type InvokeResponse, type StatePropertyAccessor, type Storage, type TurnContext } from 'botbuilder';
import type { AuthConfig } from '../config';
import type { Text } from '../i18n/text';
import type { Logger } from '../logger';
import type { GraphTokenService } from './graphTokenService';
import {
  createConsentNeededResponse,
  createLoginRequestResponse,
  createSignInCard,
  SSO_CONNECTION_NAME,
  type LoginRequestResponse,
  type PreconditionFailedResponse,
} from './signInCard';
import { describeSignInFailure } from './signInFailure';
import { checkSsoToken } from './ssoToken';
import { rememberSsoAssertion } from './ssoAssertion';
import { signedInUserOf } from './ssoTokenProvider';
import { oncePerTokenExchange, tokenExchangeKey } from './tokenExchangeDedupe';

/**
 * The message the user sent when sign-in got in the way. Holds the user's own input only, never a token. (Card
 * actions need no record: Teams sends the action again, with the SSO token, after a login request.)
 */
export type PendingRequest = { readonly kind: 'message'; readonly text: string };

export interface SignInFlowOptions {
  readonly auth: AuthConfig;
  readonly graphTokens: GraphTokenService;
  /** Shared by every instance of the bot, so a duplicate exchange is caught wherever it lands. */
  readonly storage: Storage;
  /** Per user per conversation. */
  readonly pending: StatePropertyAccessor<PendingRequest | undefined>;
  /** Carries on with a pending request once the user is signed in. */
  readonly resume: (context: TurnContext, request: PendingRequest) => Promise<void>;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

export type CardActionSignIn = { readonly ok: true } | { readonly ok: false; readonly response: LoginRequestResponse | PreconditionFailedResponse };

/** Each method gets the turn's `text` (its language), in which the words it sends are said. */
export interface SignInFlow {
  /** Remembers `request` and sends the sign-in card. */
  begin(text: Text, context: TurnContext, request: PendingRequest): Promise<void>;
  /** Answers `signin/tokenExchange`, `signin/verifyState` and `signin/failure`. */
  handleInvoke(text: Text, context: TurnContext): Promise<InvokeResponse>;
  /**
   * For an `adaptiveCard/action` that needs a token: redeems `value.authentication.token` when Teams sent one,
   * otherwise answers with a login request so Teams signs the user in and sends the action again.
   */
  signInForCardAction(text: Text, context: TurnContext): Promise<CardActionSignIn>;
}

interface TokenExchangeValue {
  readonly id: string;
  readonly token: string;
  readonly connectionName: string;
}

function readTokenExchange(value: unknown): TokenExchangeValue | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, token, connectionName } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof token !== 'string' || token === '') return null;
  return { id, token, connectionName: typeof connectionName === 'string' ? connectionName : SSO_CONNECTION_NAME };
}

const invokeResponse = (status: number, body?: unknown): InvokeResponse => ({ status, body });

const PRECONDITION_FAILED = 412;

export function createSignInFlow(options: SignInFlowOptions): SignInFlow {
  const { auth, graphTokens, logger } = options;
  const now = options.clock ?? (() => new Date());
  const settings = { applicationIdUri: auth.applicationIdUri, botDomain: auth.botDomain };

  /** Binding checks, then on-behalf-of. True when a Graph token is now in the cache for this user. */
  async function redeem(context: TurnContext, ssoToken: string): Promise<'ok' | 'refused' | 'consentRequired' | 'failed'> {
    const user = signedInUserOf(context);
    const binding = checkSsoToken(ssoToken, {
      userObjectId: user?.objectId,
      tenantId: user?.tenantId,
      audiences: [auth.applicationIdUri, auth.appId],
      nowSeconds: Math.floor(now().getTime() / 1000),
    });
    // A token is redeemed only for the user who sent it: its tokens are kept in that user's part of the cache.
    if (!binding.ok || !user) {
      logger.warn('Refused an SSO token that does not belong to this user, tenant or app', { reason: binding.ok ? 'wrongUser' : binding.error, conversationId: context.activity.conversation?.id });
      return 'refused';
    }
    const exchanged = await graphTokens.exchange(user, ssoToken);
    if (exchanged.ok) return 'ok';
    return exchanged.reason === 'consentRequired' ? 'consentRequired' : 'failed';
  }

  async function sendSignInCard(text: Text, context: TurnContext): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [createSignInCard(text, settings)] });
  }

  async function onTokenExchange(text: Text, context: TurnContext): Promise<InvokeResponse> {
    const exchange = readTokenExchange(context.activity.value);
    if (!exchange) return invokeResponse(400, { failureDetail: 'The token exchange request had no token.' });
    const failure = (detail: string) => invokeResponse(PRECONDITION_FAILED, { id: exchange.id, connectionName: exchange.connectionName, failureDetail: detail });
    const outcome = await redeem(context, exchange.token);
    // 412 makes Teams show consent or the sign-in button. Every duplicate must get it too, so dedupe comes after.
    if (outcome === 'refused') return failure('The sign-in token was not issued for this user and app.');
    if (outcome !== 'ok') return failure('The bot could not exchange the token; consent or interactive sign-in is needed.');

    const { channelId, conversation } = context.activity;
    // A copy answers 200 like the first, without a word: the first copy carries the user's request on.
    await oncePerTokenExchange(options.storage, tokenExchangeKey(channelId, conversation.id, exchange.id), async () => {
      const pending = await options.pending.get(context);
      if (pending) {
        await options.pending.delete(context);
        // The request may need scopes of its own (a separate on-behalf-of request): it gets this turn's SSO token.
        rememberSsoAssertion(context, exchange.token);
        await options.resume(context, pending);
      } else {
        await context.sendActivity(text.t('signIn.done'));
      }
    });
    return invokeResponse(200, { id: exchange.id, connectionName: exchange.connectionName });
  }

  return {
    async begin(text, context, request) {
      await options.pending.set(context, request);
      await sendSignInCard(text, context);
    },

    async handleInvoke(text, context) {
      switch (context.activity.name) {
        case 'signin/tokenExchange':
          return onTokenExchange(text, context);
        case 'signin/verifyState':
          // The fallback page finished (consent given): a fresh card lets Teams retry the silent exchange.
          await sendSignInCard(text, context);
          return invokeResponse(200);
        case 'signin/failure': {
          const code = (context.activity.value as { code?: unknown } | undefined)?.code;
          logger.warn('Teams reported a sign-in failure', { code: typeof code === 'string' ? code : 'unknown' });
          await context.sendActivity(describeSignInFailure(text, code));
          return invokeResponse(200);
        }
        default:
          return invokeResponse(501);
      }
    },

    async signInForCardAction(text, context) {
      const authentication = (context.activity.value as { authentication?: unknown } | undefined)?.authentication;
      const exchange = readTokenExchange(authentication);
      if (!exchange) return { ok: false, response: createLoginRequestResponse(text, settings) };
      const outcome = await redeem(context, exchange.token);
      if (outcome === 'ok') return { ok: true };
      return { ok: false, response: createConsentNeededResponse(text) };
    },
  };
}
