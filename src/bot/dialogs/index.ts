import type { Dialog } from 'botbuilder-dialogs';
import { AddInterestDialog } from './addInterestDialog';
import type { InterestDialogDeps } from './dialogIds';
import { TagInterestDialog } from './tagInterestDialog';

export { ADD_INTEREST_DIALOG, TAG_INTEREST_DIALOG, type InterestDialogDeps, type InterestDialogOptions } from './dialogIds';
export { INVOKE_RESPONSE_CARD, setInvokeResponseCard, takeInvokeResponseCard } from './invokeResponseCard';

/**
 * The conversation dialogs, to add to the bot's one DialogSet. Both must be in the same set: the add dialog
 * hands over to the tag dialog when the name given is already taken.
 */
export function createInterestDialogs(deps: InterestDialogDeps): Dialog[] {
  return [new AddInterestDialog(deps), new TagInterestDialog(deps)];
}
