import type { Storage, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState } from 'botbuilder-dialogs';
import type { Logger } from '../../logger';
import type { GraphAccess } from '../graphAccess';

/** Ids the bot core starts the interest dialogs by (`dialogContext.beginDialog(id, options)`). */
export const ADD_INTEREST_DIALOG = 'addInterest';
export const TAG_INTEREST_DIALOG = 'tagInterest';

/** Options both dialogs accept: `name` comes from a command such as "add Chess" or "tag Chess". */
export interface InterestDialogOptions {
  name?: string;
}

/** The services every interest dialog is built with; they hold no per-user state. */
export interface InterestDialogDeps {
  /** Every step that calls Graph asks it for the token (`tokenFor`) and, without one, for the step's sign-in answer (`answerStep`); see `graphAccess.ts`. */
  readonly graph: GraphAccess;
  readonly logger: Logger;
  /** The bot's shared storage: a confirmed add is claimed there, so it creates once however many turns race. */
  readonly storage: Storage;
}

/**
 * The conversation dialogs (add and tag). The dialog library and the language recognizers it loads take about a
 * third of the bot's start-up, and a list, an edit or a card click outside a dialog never uses them: they are
 * loaded when a turn first needs a dialog, or earlier by `preload`, which the server calls once it is up and idle,
 * so the first person to start a dialog does not wait for them either.
 */
export interface InterestDialogs {
  /** The dialog context for this turn; pass `dialogState` when the turn has already read it. */
  createContext(context: TurnContext, dialogState?: DialogState): Promise<DialogContext>;
  /** Loads the dialogs now; later calls (and turns) reuse them. */
  preload(): Promise<void>;
}
