/**
 * What a route is, for every feature that declares one: the types of a command (`defineCommand`) and of a card
 * route (`defineCardRoute`, binding a declared card action to its handler), and what each is handed when it runs. A leaf for the features: it imports nothing
 * of theirs, so every feature and the registries that gather them can depend on it.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { AnyCardActionDefinition, CardActionOf } from './cardActionDefinition';
import type { BotServices } from './botServices';
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
 * A declared card action's handlers (`cardActionDefinition.ts`): the handler's action is typed by the declaration's
 * schema and its turn by the declaration's need. An `askerAlone` action's answer is only ever returned to the user
 * who acted, so its handler returns an `AskerOnlyResponse` and says what the asker sees when the answer is late.
 */
export type CardActionHandlers<D extends AnyCardActionDefinition> = D['answersFor'] extends 'askerAlone'
  ? {
      readonly handle: (action: CardActionOf<D>, turn: GraphActionTurn) => Promise<AskerOnlyResponse>;
      /** What the asker sees when the answer misses the time budget: the late answer itself is never posted. */
      readonly whileLate: (text: Text, action: CardActionOf<D>) => AskerOnlyResponse;
    }
  : { readonly handle: (action: CardActionOf<D>, turn: ActionTurnFor<D['needs']>) => Promise<ConversationAnswer> };

/** A verb's route: its declaration and its handler. */
export type CardActionRoute<D extends AnyCardActionDefinition> = D & CardActionHandlers<D>;

/** Binds a declared card action to its handler; a feature lists its routes in `CardActionRoutesOf` its declarations. */
export function defineCardRoute<D extends AnyCardActionDefinition>(action: D, handlers: CardActionHandlers<D>): CardActionRoute<D> {
  return Object.freeze({ ...action, ...handlers }) as CardActionRoute<D>;
}

/** One route per declared action, under the same name: a declared action without a route is a compile error. */
export type CardActionRoutesOf<Declared extends Readonly<Record<string, AnyCardActionDefinition>>> = { readonly [K in keyof Declared]: CardActionRoute<Declared[K]> };

/** A card action as the dispatcher sees any: its verb and the owner it names. */
export interface DispatchedAction {
  readonly verb: string;
  readonly ownerId: string;
}

/**
 * Any route, as the dispatcher runs it (`app/handleCardAction.ts`). Handlers are methods here so a route for one
 * action's type is one of these; the registry hands each route only its own verb's action.
 */
export type DispatchedRoute = Omit<AnyCardActionDefinition, 'answersFor'> &
  (
    | { readonly answersFor: 'conversation'; handle(action: DispatchedAction, turn: ActionTurn): Promise<ConversationAnswer> }
    | {
        readonly answersFor: 'askerAlone';
        handle(action: DispatchedAction, turn: GraphActionTurn): Promise<AskerOnlyResponse>;
        whileLate(text: Text, action: DispatchedAction): AskerOnlyResponse;
      }
  );

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
