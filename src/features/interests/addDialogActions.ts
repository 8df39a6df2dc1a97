/**
 * The add summary card's Create and Cancel buttons answer the add dialog's last question, so the invoke is handed
 * to the dialog (`continueDialog`), whose confirm prompt reads the click from the activity, and the card the
 * dialog answers with comes back as the value of `dialogAnswerTo` (`dialogInvokes.ts`).
 */
import { CANCEL_ADD, CONFIRM_ADD } from './cardActions';
import { renderNoticeCard } from '../../cards/noticeCard';
import { textOf } from '../../conversation/turnText';
import type { Text } from '../../i18n/text';
import { ADD_INTEREST_DIALOG } from '../../conversation/dialogs/dialogIds';
import { dialogAnswerTo } from '../../conversation/dialogs/dialogInvokes';
import { defineCardRoute, type ActionTurn } from '../../conversation/routeTypes';
import { cardResponse, messageResponse, type CardActionResponse } from '../../conversation/invokeResponses';

const addFinishedNotice = (text: Text) => ({ title: text.t('addDialog.finished.title'), text: text.t('addDialog.finished.text') });

const addCancelledNotice = (text: Text) => ({ title: text.t('interest.cancelled'), text: text.t('interest.nothingChanged') });

async function continueAddDialog({ context, services }: ActionTurn): Promise<CardActionResponse | undefined> {
  // Read without the default, as a message turn reads it: a click with no add in progress leaves no state to save.
  const dialogState = await services.state.dialogState.get(context);
  if (!dialogState?.dialogStack.some((instance) => instance.id === ADD_INTEREST_DIALOG)) return undefined;
  // The dialog answered in the chat instead (e.g. "busy, say yes to try again"): the card stays as it is.
  return (await dialogAnswerTo(context, services, (dialogContext) => dialogContext.continueDialog())) ?? messageResponse(textOf(context).t('addDialog.repliedInChat'));
}

// No add in progress: a second click, a retried invoke, or a card from before a restart. Nothing is created twice.
// Create needs the profile (the dialog creates the interest), so sign-in happens before the dialog goes on, once:
// the dialog's create step gets the token this turn already has.
export const confirmAdd = defineCardRoute(CONFIRM_ADD, {
  handle: async (_action, turn) => (await continueAddDialog(turn)) ?? cardResponse(renderNoticeCard(textOf(turn.context), addFinishedNotice(textOf(turn.context)))),
});

export const cancelAdd = defineCardRoute(CANCEL_ADD, {
  handle: async (_action, turn) => (await continueAddDialog(turn)) ?? cardResponse(renderNoticeCard(textOf(turn.context), addCancelledNotice(textOf(turn.context)))),
});
