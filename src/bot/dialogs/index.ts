import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState } from 'botbuilder-dialogs';
import type { InterestDialogDeps } from './dialogIds';
import type { InterestDialogSet } from './interestDialogSet';

export { ADD_INTEREST_DIALOG, TAG_INTEREST_DIALOG, type InterestDialogDeps, type InterestDialogOptions } from './dialogIds';
export { INVOKE_RESPONSE_CARD, setInvokeResponseCard, takeInvokeResponseCard } from './invokeResponseCard';

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

export function createInterestDialogs(deps: InterestDialogDeps, dialogState: StatePropertyAccessor<DialogState>): InterestDialogs {
  let loaded: Promise<InterestDialogSet> | undefined;
  const load = (): Promise<InterestDialogSet> =>
    (loaded ??= import('./interestDialogSet').then(({ createInterestDialogSet }) => createInterestDialogSet(deps, dialogState)));
  return {
    async createContext(context, state) {
      const dialogs = await load();
      return state ? dialogs.contextOn(context, state) : dialogs.createContext(context);
    },
    async preload() {
      await load();
    },
  };
}
