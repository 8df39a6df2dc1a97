import type { SignInFlow } from '../auth/signInFlow';
import type { CardActionDeadlineOptions } from './cardActionDeadline';
import type { UserTokenProvider } from '../auth/userTokenProvider';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BotState } from './botState';
import type { TurnContext } from 'botbuilder';
import type { InterestDialogs } from './dialogs/dialogIds';
import type { GraphAccess } from './graphAccess';

/** "Who can help with …" (`features/helpers`), as the routes see it. */
export interface HelperSearch {
  /** Answers the question in `context` about `topic` (the text after the phrase). */
  ask(context: TurnContext, topic: string): Promise<void>;
}

/** What command and card-action handlers work with. Built once per bot; holds no per-user data. */
export interface BotServices {
  readonly mode: Config['mode'];
  /** The one way to the user's Graph data: signed in, or sign-in starts (see `graphAccess.ts`). */
  readonly graph: GraphAccess;
  /** "Who can help with …": colleagues' interests, with a token for the feature's own scopes. */
  readonly helpers: HelperSearch;
  /** For signing out; routes get their Graph access through `graph`. */
  readonly tokens: UserTokenProvider;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly state: BotState;
  /** The interest dialogs, stored per user per conversation (see `BotState.dialogState`). */
  readonly dialogs: InterestDialogs;
  /** Teams SSO; absent in local mode, where tokens never need a sign-in. */
  readonly signIn?: SignInFlow | undefined;
  /** How long a card action may take before Teams gets a "Saving…" card and the result follows in the chat. */
  readonly cardActionDeadline?: CardActionDeadlineOptions | undefined;
}
