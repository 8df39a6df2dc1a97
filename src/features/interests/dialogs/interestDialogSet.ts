import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogContext, DialogSet, type DialogState } from 'botbuilder-dialogs';
import { AddInterestDialog } from './addInterestDialog';
import type { InterestDialogDeps } from '../../../conversation/dialogs/dialogIds';
import { TagInterestDialog } from './tagInterestDialog';

export interface InterestDialogSet {
  /** The dialog context on the state the turn already read (what `DialogSet.createContext` would read). */
  contextOn(context: TurnContext, dialogState: DialogState): DialogContext;
  createContext(context: TurnContext): Promise<DialogContext>;
}

/**
 * The bot's one DialogSet. Both dialogs must be in the same set: the add dialog hands over to the tag dialog when
 * the name given is already taken. Only `index.ts` imports this module, when a turn first needs a dialog.
 */
export function createInterestDialogSet(deps: InterestDialogDeps, dialogState: StatePropertyAccessor<DialogState>): InterestDialogSet {
  const dialogs = new DialogSet(dialogState);
  dialogs.add(new AddInterestDialog(deps));
  dialogs.add(new TagInterestDialog(deps));
  return {
    contextOn: (context, state) => new DialogContext(dialogs, context, state),
    createContext: (context) => dialogs.createContext(context),
  };
}
