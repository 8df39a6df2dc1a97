/**
 * What a route is, for every feature that declares one: the types of a command (`defineCommand`) and of a card
 * action (`defineCardAction`), and what each is handed when it runs. A leaf for the features: it imports nothing
 * of theirs, so every feature and the registries that gather them can depend on it.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { CardActionOf, CardVerb } from '../cards/cardActions';
import type { BotServices } from './botServices';
import type { BudgetedKind } from './cardActionDeadline';
import type { Provided } from './graphAccess';
import type { RouteNeed } from './graphNeeds';
import type { AskerOnlyResponse, ConversationAnswer } from './invokeResponses';
import type { Text } from '../i18n/text';
import type { CommandWordsKey } from '../i18n/typedWords';

export type { RouteNeed } from './graphNeeds';

/** One card action being answered. `ownerId` has been checked: it is the user who clicked. */
export interface ActionTurn {
  readonly context: TurnContext;
  readonly services: BotServices;
  readonly ownerId: string;
}

/** A card action as its route gets it: with what the route's need provides (`graphAccess.ts`), already signed in. */
export type ActionTurnFor<N extends RouteNeed> = ActionTurn & Provided<N>;

/** A card action whose route needs the user's profile: the clicking user's interests, already signed in. */
export type GraphActionTurn = ActionTurnFor<'profile'>;

/**
 * What an action does, which the plumbing reads: a slow `read` gets a "Loading…" card and a slow `change` a
 * "Saving…" card while the answer follows in the chat; a `dialog` action continues the add dialog, which must
 * finish inside the turn, so it is never put on the deadline.
 */
export type CardActionKind = BudgetedKind | 'dialog';

interface RouteBase<V extends CardVerb> {
  readonly verb: V;
  readonly kind: CardActionKind;
}

/**
 * Who reads a route's answer. Most answers may be posted where everyone in the conversation reads them (a late
 * answer is); `askerAlone` answers are the owner's own view of a shared card, so they are only ever returned to the
 * user who acted, never posted, and the handler's return type says so.
 */
type ConversationRouteFor<V extends CardVerb, N extends RouteNeed> = RouteBase<V> & {
  readonly answersFor?: 'conversation';
  readonly needs: N;
  readonly handle: (action: CardActionOf<V>, turn: ActionTurnFor<N>) => Promise<ConversationAnswer>;
};

/** One variant per need, so a handler's turn carries exactly what its declared need provides. */
type ConversationRoute<V extends CardVerb> = { [N in RouteNeed]: ConversationRouteFor<V, N> }[RouteNeed];

export type AskerAloneRoute<V extends CardVerb> = RouteBase<V> & {
  readonly answersFor: 'askerAlone';
  readonly needs: 'profile';
  readonly handle: (action: CardActionOf<V>, turn: GraphActionTurn) => Promise<AskerOnlyResponse>;
  /** What the asker sees when the answer misses the time budget: the late answer itself is never posted. */
  readonly whileLate: (text: Text, action: CardActionOf<V>) => AskerOnlyResponse;
};

/** A verb's route: what it is, what it needs (`graphNeeds.ts`), who reads its answer, and its handler (typed by the verb's schema). */
export type CardActionRoute<V extends CardVerb> = ConversationRoute<V> | AskerAloneRoute<V>;

/** Declares a card action once: the verb (whose payload schema is in `src/cards/cardActions.ts`) and what it needs. */
export function defineCardAction<V extends CardVerb>(route: CardActionRoute<V>): CardActionRoute<V> {
  return Object.freeze(route);
}

/** One route per verb; the mapped type makes a missing verb, or a route filed under another verb, a compile error. */
export type CardActionRoutes = { readonly [V in CardVerb]: CardActionRoute<V> };

export interface CommandTurn {
  readonly context: TurnContext;
  /** Whether a dialog in this conversation is waiting for an answer (known from state, without the dialogs). */
  readonly inDialog: boolean;
  /** The turn's dialog context, made on first call; the first may load the dialogs (see `dialogs/index.ts`). */
  dialogContext(): Promise<DialogContext>;
  readonly services: BotServices;
  /** The text after the command words, in its original case; '' when there is none. */
  readonly argument: string;
  /** `argument` with the message's line breaks kept (see `CommandText.lines`). */
  readonly argumentLines: string;
}

/** A command as its handler gets it: with what the command's need provides (`graphAccess.ts`), already signed in. */
export type CommandTurnFor<N extends RouteNeed> = CommandTurn & Provided<N>;

/** A command that needs the user's profile: the user's interests, already signed in. */
export type GraphCommandTurn = CommandTurnFor<'profile'>;

interface CommandBase {
  /**
   * The catalog message holding the words that start the command (`words.command.signOut`: "sign out|logout"):
   * English always, and the words of the turn's language (`app/commands.ts`). None for what matches nothing.
   */
  readonly words?: CommandWordsKey;
  /** Whether text may follow the phrase ("edit Chess"); if not, "list foo" is not this command. */
  readonly takesArgument: boolean;
  /** The handler calls Graph at once, so a typing indicator goes out alongside it (`startTyping`). */
  readonly typing: boolean;
  /** Runs even while a dialog waits for an answer. */
  readonly interruptsDialog: boolean;
}

/**
 * One command and what it needs: its dispatcher gets the need's token first (or answers with sign-in, and the
 * message runs again once the user is signed in), so the handler runs signed in. The add and tag dialogs need the
 * profile too, so they are started only once the user is signed in and nobody answers questions that cannot be saved.
 */
export type CommandRoute = { [N in RouteNeed]: CommandBase & { readonly needs: N; readonly handle: (turn: CommandTurnFor<N>) => Promise<void> } }[RouteNeed];

export function defineCommand(route: CommandRoute): CommandRoute {
  return Object.freeze(route);
}
