import type { TurnContext } from 'botbuilder';

/**
 * The seam between a choice card's prompt (`cardQuestionPrompt.ts`) and the `CARD_VERBS.answerChoice` card-action route:
 * what the prompt made of a card answer this turn, for the route to answer the invoke with. Kept apart from the
 * prompt so the route can read it without loading the dialog library.
 */
export type CardAnswerOutcome = { readonly kind: 'accepted'; readonly summary: string } | { readonly kind: 'refused'; readonly reason: string };

const CARD_ANSWER_OUTCOME = Symbol('cardAnswerOutcome');

export function setCardAnswerOutcome(context: TurnContext, outcome: CardAnswerOutcome): void {
  context.turnState.set(CARD_ANSWER_OUTCOME, outcome);
}

export function cardAnswerOutcomeOf(context: TurnContext): CardAnswerOutcome | undefined {
  return context.turnState.get<CardAnswerOutcome | undefined>(CARD_ANSWER_OUTCOME);
}
