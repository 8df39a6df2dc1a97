/**
 * A choice card's Select, Previous or Next (`CARD_VERBS.answerChoice`): the answer to the question a dialog is waiting for,
 * so the invoke is handed to the dialog (`continueDialog`), whose prompt takes it only if the card is the one it
 * asked with, and answers it (`cardQuestionPrompt.ts`): the next page or question when the dialog asks one with a
 * card, else "Answered" with the answer; a refused answer keeps the card, with the reason. A card the dialog gives
 * no answer to is an older question's: it is closed.
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderNotice, type NoticeWords } from '../noticeWords';
import { textOf } from '../turnText';
import { dialogAnswerTo } from './dialogInvokes';
import { defineCardAction } from '../routeTypes';
import { cardResponse } from '../invokeResponses';

export const QUESTION_CLOSED_NOTICE_KEYS: NoticeWords = { title: 'question.closed.title', text: 'question.closed.text' };

// Needs the profile like the dialogs it continues (picking an interest leads to saving its tags), so sign-in comes
// first; the dialog's steps then get the token this turn already has.
export const answerChoice = defineCardAction({
  verb: CARD_VERBS.answerChoice,
  kind: 'dialog',
  needs: 'profile',
  handle: async (_action, { context, services }) => {
    const answer = await dialogAnswerTo(context, services, async (dialogContext) => {
      if (dialogContext.activeDialog) await dialogContext.continueDialog();
    });
    return answer ?? cardResponse(renderNotice(textOf(context), QUESTION_CLOSED_NOTICE_KEYS));
  },
});
