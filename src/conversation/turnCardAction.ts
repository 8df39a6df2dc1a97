import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../cards/cardActions';

/**
 * The card action of this turn, parsed once by the invoke boundary (`handleCardAction.ts`) and handed down to
 * what runs in the turn: the add dialog's confirm prompt reads the Create or Cancel click from here.
 */
const CARD_ACTION = Symbol('cardAction');

export function setTurnCardAction(context: TurnContext, action: CardAction): void {
  context.turnState.set(CARD_ACTION, action);
}

export function turnCardActionOf(context: TurnContext): CardAction | undefined {
  return context.turnState.get<CardAction | undefined>(CARD_ACTION);
}
