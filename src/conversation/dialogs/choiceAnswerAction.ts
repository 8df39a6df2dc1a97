/**
 * A choice card's Select, Previous or Next (`CARD_VERBS.answerChoice`): the answer to the question a dialog is waiting for,
 * so the invoke is handed to the dialog (`continueDialog`), whose prompt takes it only if the card is the one it
 * asked with (`cardQuestionPrompt.ts`). The clicked card then shows what comes next: the next page or question
 * when the dialog asks one with a card, else what was answered; a refused answer keeps the card, with the reason.
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderNoticeCard } from '../../cards/noticeCard';
import { cardAnswerOutcomeOf } from './cardAnswerOutcome';
import { takeInvokeResponseCard } from './invokeResponseCard';
import { defineCardAction } from '../routeTypes';
import { cardResponse, messageResponse } from '../invokeResponses';

export const QUESTION_CLOSED_NOTICE = {
  title: 'This question is closed',
  text: 'It was already answered, cancelled, or asked again further down. Nothing was changed. Answer the latest question, or say "help".',
} as const;

export const ANSWERED_TITLE = 'Answered';

// Needs Graph like the dialogs it continues (picking an interest leads to saving its tags), so sign-in comes first.
export const answerChoice = defineCardAction({
  verb: CARD_VERBS.answerChoice,
  kind: 'dialog',
  needsGraph: true,
  handle: async (_action, { context, services }) => {
    const dialogContext = await services.dialogs.createContext(context);
    if (dialogContext.activeDialog) await dialogContext.continueDialog();
    const outcome = cardAnswerOutcomeOf(context);
    if (!outcome) return cardResponse(renderNoticeCard(QUESTION_CLOSED_NOTICE));
    if (outcome.kind === 'refused') return messageResponse(outcome.reason);
    return cardResponse(takeInvokeResponseCard(context) ?? renderNoticeCard({ title: ANSWERED_TITLE, text: outcome.summary }));
  },
});
