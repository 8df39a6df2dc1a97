/**
 * The add summary card's Create and Cancel buttons answer the add dialog's last question, so the invoke is handed
 * to the dialog (`continueDialog`), whose confirm prompt reads the click from the activity, and the card the
 * dialog answers with comes back as the value of `dialogAnswerTo` (`dialogInvokes.ts`).
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderNoticeCard } from '../../cards/noticeCard';
import { ADD_INTEREST_DIALOG } from '../../conversation/dialogs/dialogIds';
import { dialogAnswerTo } from '../../conversation/dialogs/dialogInvokes';
import { defineCardAction, type ActionTurn } from '../../conversation/routeTypes';
import { cardResponse, messageResponse, type CardActionResponse } from '../../conversation/invokeResponses';

export const ADD_FINISHED_NOTICE = {
  title: 'This add is finished',
  text: 'The interest was already added, or adding it was cancelled. Say "list" to see your interests or "add" to add another.',
} as const;

/** The dialog answered in the chat instead (e.g. "busy, say yes to try again"): the card stays as it is. */
export const DIALOG_REPLIED_TEXT = 'See my reply in the chat.';

export const ADD_CANCELLED_NOTICE = { title: 'Cancelled', text: 'Nothing was changed.' } as const;

async function continueAddDialog({ context, services }: ActionTurn): Promise<CardActionResponse | undefined> {
  const { dialogStack } = await services.state.dialogState.get(context, { dialogStack: [] });
  if (!dialogStack.some((instance) => instance.id === ADD_INTEREST_DIALOG)) return undefined;
  return (await dialogAnswerTo(context, services, (dialogContext) => dialogContext.continueDialog())) ?? messageResponse(DIALOG_REPLIED_TEXT);
}

// No add in progress: a second click, a retried invoke, or a card from before a restart. Nothing is created twice.
// Create needs the profile (the dialog creates the interest), so sign-in happens before the dialog goes on, once:
// the dialog's create step gets the token this turn already has.
export const confirmAdd = defineCardAction({
  verb: CARD_VERBS.confirmAdd,
  kind: 'dialog',
  needs: 'profile',
  handle: async (_action, turn) => (await continueAddDialog(turn)) ?? cardResponse(renderNoticeCard(ADD_FINISHED_NOTICE)),
});

export const cancelAdd = defineCardAction({
  verb: CARD_VERBS.cancelAdd,
  kind: 'dialog',
  needs: 'none',
  handle: async (_action, turn) => (await continueAddDialog(turn)) ?? cardResponse(renderNoticeCard(ADD_CANCELLED_NOTICE)),
});
