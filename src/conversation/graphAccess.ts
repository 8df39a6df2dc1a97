/**
 * The one place where "not signed in" is handled. A route (command, card action or dialog step) that declares it
 * needs Graph runs through here: with a token that can be had silently it gets the user's interests client, bound
 * to that token; otherwise sign-in starts with a continuation, and the route is not run.
 *
 * - A message turn remembers the message and sends the sign-in card; once signed in, the sign-in flow replays the
 *   message in a new turn context (`resumedTurn.ts`), so a command runs again and a waiting dialog step gets the
 *   user's last answer again.
 * - A card action answers with a login request (or redeems the SSO token Teams attached to the resent action) and
 *   then runs.
 * Local mode has no sign-in; a token provider that still fails (tests) gets the plain sentence instead.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { SignInFlow } from '../auth/signInFlow';
import type { UserTokenProvider } from '../auth/userTokenProvider';
import type { GraphInterestsClient } from '../graph/interestsClient';
import { bindInterests, type UserInterests } from '../graph/userInterests';
import { messageResponse, type CardActionResponse } from './invokeResponses';
import { SIGN_IN_TEXT } from './userMessages';

export interface GraphAccess {
  /**
   * For a message turn (a command): runs `use` with the user's interests, or starts sign-in and returns undefined.
   * Without a sign-in card to send (local mode) the user is told why instead.
   */
  run<T>(context: TurnContext, use: (profile: UserInterests) => Promise<T>): Promise<T | undefined>;
  /**
   * For a dialog step: as `run`, but while sign-in is under way the step waits the way it says in `whileSigningIn`
   * (it asks its question again, with `notice` saying why), so that the user's answer, replayed after sign-in,
   * runs the step again.
   */
  runStep<T>(context: TurnContext, use: (profile: UserInterests) => Promise<T>, whileSigningIn: (notice: string) => Promise<T>): Promise<T>;
  /** For an `adaptiveCard/action` invoke: runs `use` with the user's interests, or answers with what signs the user in. */
  runForCardAction(context: TurnContext, use: (profile: UserInterests) => Promise<CardActionResponse>): Promise<CardActionResponse>;
}

export interface GraphAccessOptions {
  readonly interests: GraphInterestsClient;
  readonly tokens: UserTokenProvider;
  /** Teams SSO; absent in local mode. */
  readonly signIn: SignInFlow | undefined;
}

export function createGraphAccess({ interests, tokens, signIn }: GraphAccessOptions): GraphAccess {
  const bound = (token: string): UserInterests => bindInterests(interests, async () => token);

  /** Sends the sign-in card remembering the message, so the sign-in flow replays it once the user is signed in. */
  async function beginSignIn(context: TurnContext): Promise<boolean> {
    const { type, text } = context.activity;
    if (!signIn || type !== ActivityTypes.Message || typeof text !== 'string') return false;
    await signIn.begin(context, { kind: 'message', text });
    return true;
  }

  return {
    async run(context, use) {
      const outcome = await tokens.getToken(context);
      if (outcome.ok) return use(bound(outcome.token));
      if (!(await beginSignIn(context))) await context.sendActivity(SIGN_IN_TEXT[outcome.reason]);
      return undefined;
    },

    async runStep(context, use, whileSigningIn) {
      const outcome = await tokens.getToken(context);
      if (outcome.ok) return use(bound(outcome.token));
      const waiting = await whileSigningIn(SIGN_IN_TEXT[outcome.reason]);
      await beginSignIn(context);
      return waiting;
    },

    async runForCardAction(context, use) {
      let outcome = await tokens.getToken(context);
      if (!outcome.ok && signIn) {
        const signedIn = await signIn.signInForCardAction(context);
        if (!signedIn.ok) return signedIn.response;
        outcome = await tokens.getToken(context);
      }
      if (!outcome.ok) return messageResponse(SIGN_IN_TEXT[outcome.reason]);
      return use(bound(outcome.token));
    },
  };
}
