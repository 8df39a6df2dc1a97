/**
 * A choice card's Select, Previous or Next (`ANSWER_CHOICE`, declared here with its route): the answer to the question a dialog is waiting for,
 * so the invoke is handed to the dialog (`continueDialog`), whose prompt takes it only if the card is the one it
 * asked with, and answers it (`cardQuestionPrompt.ts`): the next page or question when the dialog asks one with a
 * card, else "Answered" with the answer; a refused answer keeps the card, with the reason. A card the dialog gives
 * no answer to is an older question's: it is closed.
 */
import { z } from 'zod';
import { defineCardAction } from '../cardActionDefinition';
import { idSchema, inputSchema, owned } from '../payloadSchemas';
import { renderNotice, type NoticeWords } from '../noticeWords';
import { textOf } from '../turnText';
import { dialogAnswerTo } from './dialogInvokes';
import { defineCardRoute } from '../routeTypes';
import { cardResponse } from '../invokeResponses';

/** Input id of a choice card's `Input.ChoiceSet` (a multi-select sends one comma-separated string). */
export const CHOICE_INPUT_ID = 'choice';

/**
 * A choice card's answer: Select sends the ticked option(s) through the input, Previous/Next send a fixed `pick`.
 * Either way the dialog reads it as the text it would accept typed (`answer`). It needs the profile like the dialogs
 * it continues (picking an interest leads to saving its tags), so sign-in comes first; the dialog's steps then get
 * the token this turn already has.
 */
export const ANSWER_CHOICE = defineCardAction({
  verb: 'choice.answer',
  schema: z
    .object({ ...owned, questionId: idSchema, pick: z.string().max(16).optional(), [CHOICE_INPUT_ID]: inputSchema.optional() })
    .transform(({ ownerId, questionId, pick, [CHOICE_INPUT_ID]: chosen }) => ({ ownerId, questionId, answer: pick ?? chosen ?? '' })),
  kind: 'dialog',
  needs: 'profile',
});

export const QUESTION_CLOSED_NOTICE_KEYS: NoticeWords = { title: 'question.closed.title', text: 'question.closed.text' };

export const answerChoice = defineCardRoute(ANSWER_CHOICE, {
  handle: async (_action, { context, services }) => {
    const answer = await dialogAnswerTo(context, services, async (dialogContext) => {
      if (dialogContext.activeDialog) await dialogContext.continueDialog();
    });
    return answer ?? cardResponse(renderNotice(textOf(context), QUESTION_CLOSED_NOTICE_KEYS));
  },
});
