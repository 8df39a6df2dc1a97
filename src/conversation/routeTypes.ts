/**
 * What a route is, for every feature that declares one: the types of a command (`defineCommand`) and of a card
 * action (`defineCardAction`), and what each is handed when it runs. A leaf for the features: it imports nothing
 * of theirs, so every feature and the registries that gather them can depend on it.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { CardActionOf, CardVerb } from '../cards/cardActions';
import type { UserInterests } from '../graph/userInterests';
import type { BotServices } from './botServices';
import type { BudgetedKind } from './cardActionDeadline';
import type { AskerOnlyResponse, ConversationAnswer } from './invokeResponses';

/** One card action being answered. `ownerId` has been checked: it is the user who clicked. */
export interface ActionTurn {
  readonly context: TurnContext;
  readonly services: BotServices;
  readonly ownerId: string;
}

/** A card action whose route needs Graph: the clicking user's interests, already signed in. */
export interface GraphActionTurn extends ActionTurn {
  readonly profile: UserInterests;
}

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
type ConversationRoute<V extends CardVerb> = RouteBase<V> & { readonly answersFor?: 'conversation' } & (
    | { readonly needsGraph: true; readonly handle: (action: CardActionOf<V>, turn: GraphActionTurn) => Promise<ConversationAnswer> }
    | { readonly needsGraph: false; readonly handle: (action: CardActionOf<V>, turn: ActionTurn) => Promise<ConversationAnswer> }
  );

export type AskerAloneRoute<V extends CardVerb> = RouteBase<V> & {
  readonly answersFor: 'askerAlone';
  readonly needsGraph: true;
  readonly handle: (action: CardActionOf<V>, turn: GraphActionTurn) => Promise<AskerOnlyResponse>;
  /** What the asker sees when the answer misses the time budget: the late answer itself is never posted. */
  readonly whileLate: (action: CardActionOf<V>) => AskerOnlyResponse;
};

/** A verb's route: what it is, whether it needs the user's Graph token, who reads its answer, and its handler (typed by the verb's schema). */
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

/** A command that needs Graph: the user's interests, already signed in. */
export interface GraphCommandTurn extends CommandTurn {
  readonly profile: UserInterests;
}

interface CommandBase {
  /** Lower-case phrases that start the command, e.g. `['sign out', 'logout']`. */
  readonly phrases: readonly string[];
  /** Whether text may follow the phrase ("edit Chess"); if not, "list foo" is not this command. */
  readonly takesArgument: boolean;
  /** The handler calls Graph at once, so a typing indicator goes out alongside it (`startTyping`). */
  readonly typing: boolean;
  /** Runs even while a dialog waits for an answer. */
  readonly interruptsDialog: boolean;
}

/**
 * One command. `needsGraph` routes are run signed in; the add and tag dialogs need Graph too, so they are started
 * only once the user is signed in and nobody answers questions that cannot be saved.
 */
export type CommandRoute =
  | (CommandBase & { readonly needsGraph: true; readonly handle: (turn: GraphCommandTurn) => Promise<void> })
  | (CommandBase & { readonly needsGraph: false; readonly handle: (turn: CommandTurn) => Promise<void> });

export function defineCommand(route: CommandRoute): CommandRoute {
  return Object.freeze(route);
}
