/**
 * The one way to a user's Graph token: `tokenFor(context, need)`. Every route declares what it needs (`needs`,
 * see `graphNeeds.ts`); its dispatcher asks here and hands the route what the need provides — `profile`, the
 * user's interests client, or `colleagues`, the colleagues' reads — bound to the token, so no route handles a token
 * or a sign-in. "No token yet" is a value (`NoToken`), never an error, and only dispatchers answer it, each the way
 * its kind of turn needs:
 *
 * - a message (`answerMessage`, `commands.ts`): the sign-in card goes out and the message is remembered; once signed
 *   in, the sign-in flow replays it in a new turn context (`resumedTurn.ts`), so a command runs again and a waiting
 *   dialog step gets the user's last answer again;
 * - a card action (`signInForCardAction`, `handleCardAction.ts`): a login request, or, on the action Teams sends
 *   again with an SSO token attached, that token redeemed, after which the dispatcher asks `tokenFor` again;
 * - a dialog step (`answerStep`): the step waits the way it says (it asks its question again, with the reason),
 *   and sign-in starts, so that the user's answer, replayed after sign-in, runs the step again.
 *
 * A token is asked for once per turn and need: a dialog step reached from a card action, or a command that starts
 * a dialog, gets the token its dispatcher already got, so it never signs in a second time. Local mode has no
 * sign-in; a token provider that still fails (tests) gets the plain sentence instead.
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { SignInFlow } from '../auth/signInFlow';
import { isSignInReason, type ScopeRefusal, type TokenFailureReason, type UserTokenProvider } from '../auth/userTokenProvider';
import type { InterestsBatchClient, UserInterestsOutcome } from '../graph/interestsBatch';
import type { AccessTokenProvider, GraphInterestsClient } from '../graph/interestsClient';
import type { PeopleClient, RelevantPerson } from '../graph/peopleClient';
import { bindInterests, type UserInterests } from '../graph/userInterests';
import type { Logger } from '../logger';
import { REFUSED_NEED_KEYS, type GraphNeed, type NeedScopes, type RouteNeed } from './graphNeeds';
import { messageResponse, type CardActionResponse } from './invokeResponses';
import { textOf } from './turnText';
import { SIGN_IN_KEYS } from './userMessages';

/** What "who can help with …" reads Graph with: batched reads of users' interests and `/me/people`. */
export type ColleaguesClient = Pick<InterestsBatchClient, 'listInterestsOfUsers'> & PeopleClient;

/** The colleagues' reads, bound to the asking user's token for the `colleagues` scopes. */
export interface UserColleagues {
  listPeople(top: number): Promise<RelevantPerson[]>;
  listInterestsOfUsers(userIds: readonly string[]): Promise<UserInterestsOutcome[]>;
}

/** What each need hands the route, signed in. */
export interface NeedProvisions {
  readonly none: object;
  readonly profile: { readonly profile: UserInterests };
  /** Undefined when the bot was built without the colleagues client: the feature then says it is unavailable. */
  readonly colleagues: { readonly colleagues: UserColleagues | undefined };
}

export type Provided<N extends RouteNeed> = NeedProvisions[N];

/** No token for the need: `notice` says why, in words for the user, in the language of the turn that asked. */
export interface NoToken {
  readonly ok: false;
  readonly need: GraphNeed;
  readonly reason: TokenFailureReason | ScopeRefusal;
  readonly notice: string;
}

export type TokenFor<N extends RouteNeed> = { readonly ok: true; readonly provided: Provided<N> } | NoToken;

export interface GraphAccess {
  /** The one token entry point: what `need` provides, bound to the user's token, or why there is none. Never signs in. */
  tokenFor<N extends RouteNeed>(context: TurnContext, need: N): Promise<TokenFor<N>>;
  /** A message turn's answer without the token: sign-in, remembering the message (or, where none can start, why). */
  answerMessage(context: TurnContext, noToken: NoToken): Promise<void>;
  /**
   * A card action's answer without the token: the response that signs the user in (a login request) or says why;
   * undefined when Teams attached an SSO token to the action and it was redeemed, so `tokenFor` can be asked again.
   */
  signInForCardAction(context: TurnContext, noToken: NoToken): Promise<CardActionResponse | undefined>;
  /** A dialog step's answer without the token: `whileSigningIn(notice)`, and sign-in starts where it can. */
  answerStep<T>(context: TurnContext, noToken: NoToken, whileSigningIn: (notice: string) => Promise<T>): Promise<T>;
}

export interface GraphAccessOptions {
  readonly interests: GraphInterestsClient;
  /** Absent when the bot is built without it; the `colleagues` need then provides nothing. */
  readonly colleagues: ColleaguesClient | undefined;
  readonly tokens: UserTokenProvider;
  readonly scopes: NeedScopes;
  /** Teams SSO; absent in local mode. */
  readonly signIn: SignInFlow | undefined;
  readonly logger: Logger;
}

function bindColleagues(client: ColleaguesClient, getToken: AccessTokenProvider): UserColleagues {
  return {
    listPeople: (top) => client.listPeople(getToken, top),
    listInterestsOfUsers: (userIds) => client.listInterestsOfUsers(getToken, userIds),
  };
}

export function createGraphAccess(options: GraphAccessOptions): GraphAccess {
  const { interests, colleagues, tokens, scopes, signIn, logger } = options;
  // Per turn, per need: the token the turn already got. Keyed by the turn's activity (which a card action's dialog
  // turn shares, `dialogInvokes.ts`; a resumed message is a new one), so it goes when the turn does.
  const tokensOfTurns = new WeakMap<Partial<Activity>, Map<GraphNeed, string>>();

  function provide<N extends GraphNeed>(need: N, token: string): Provided<N> {
    const getToken = async (): Promise<string> => token;
    const provided: { [K in GraphNeed]: () => Provided<K> } = {
      profile: () => ({ profile: bindInterests(interests, getToken) }),
      colleagues: () => ({ colleagues: colleagues ? bindColleagues(colleagues, getToken) : undefined }),
    };
    return provided[need]();
  }

  async function tokenOf(context: TurnContext, need: GraphNeed): Promise<{ ok: true; token: string } | NoToken> {
    const known = tokensOfTurns.get(context.activity)?.get(need);
    if (known !== undefined) return { ok: true, token: known };
    const needScopes = scopes[need];
    const outcome = await tokens.getToken(context, ...(needScopes ? [needScopes] : []));
    if (outcome.ok) {
      const ofTurn = tokensOfTurns.get(context.activity) ?? new Map<GraphNeed, string>();
      ofTurn.set(need, outcome.token);
      tokensOfTurns.set(context.activity, ofTurn);
      return outcome;
    }
    const text = textOf(context);
    if (isSignInReason(outcome.reason)) return { ok: false, need, reason: outcome.reason, notice: text.t(SIGN_IN_KEYS[outcome.reason]) };
    logger.info('The permissions a route needs were not granted', { need, reason: outcome.reason, scopes: (needScopes ?? []).join(' ') });
    return { ok: false, need, reason: outcome.reason, notice: text.t(REFUSED_NEED_KEYS[need][outcome.reason]) };
  }

  /** Sends the sign-in card remembering the message, so the sign-in flow replays it once the user is signed in. */
  async function beginSignIn(context: TurnContext, noToken: NoToken): Promise<boolean> {
    const { type, text } = context.activity;
    if (!signIn || !isSignInReason(noToken.reason) || type !== ActivityTypes.Message || typeof text !== 'string') return false;
    await signIn.begin(textOf(context), context, { kind: 'message', text });
    return true;
  }

  return {
    async tokenFor<N extends RouteNeed>(context: TurnContext, need: N): Promise<TokenFor<N>> {
      if (need === 'none') return { ok: true, provided: {} as Provided<N> };
      const graphNeed = need as Exclude<N, 'none'> & GraphNeed;
      const outcome = await tokenOf(context, graphNeed);
      if (!outcome.ok) return outcome;
      return { ok: true, provided: provide(graphNeed, outcome.token) as Provided<N> };
    },

    async answerMessage(context, noToken) {
      if (!(await beginSignIn(context, noToken))) await context.sendActivity(noToken.notice);
    },

    async signInForCardAction(context, noToken) {
      if (signIn && isSignInReason(noToken.reason)) {
        const signedIn = await signIn.signInForCardAction(textOf(context), context);
        if (!signedIn.ok) return signedIn.response;
        return undefined;
      }
      return messageResponse(noToken.notice);
    },

    async answerStep(context, noToken, whileSigningIn) {
      const waiting = await whileSigningIn(noToken.notice);
      await beginSignIn(context, noToken);
      return waiting;
    },
  };
}
