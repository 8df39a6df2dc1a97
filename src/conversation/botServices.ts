import type { SignInFlow } from '../auth/signInFlow';
import type { CardActionDeadlineOptions } from './cardActionDeadline';
import type { UserTokenProvider } from '../auth/userTokenProvider';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BotState } from './botState';
import type { TurnContext } from 'botbuilder';
import type { InterestDialogs } from './dialogs/dialogIds';
import type { GraphAccess, UserColleagues } from './graphAccess';

/** "Who can help with …" (`features/helpers`), as the routes see it. */
export interface HelperSearch {
  /** Answers the question in `context` about `topic` (the text after the phrase), reading with what the `colleagues` need provides. */
  ask(context: TurnContext, topic: string, colleagues: UserColleagues | undefined): Promise<void>;
}

/** What command and card-action handlers work with. Built once per bot; holds no per-user data. */
export interface BotServices {
  readonly mode: Config['mode'];
  /** The one way to the user's Graph token (`tokenFor`), and the sign-in answers the dispatchers give without one (see `graphAccess.ts`). */
  readonly graph: GraphAccess;
  /** "Who can help with …": colleagues' interests, read with what the `colleagues` need provides. */
  readonly helpers: HelperSearch;
  /** For signing out; routes get what they need through their dispatcher (`graph.tokenFor`). */
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
