/**
 * Compiled by `npm run typecheck`, never run: the owner's own view of a shared card is typed as an answer for the
 * asker alone, so code that would post it where everyone in the conversation reads it does not compile. Each
 * `@ts-expect-error` fails the typecheck the day that stops being an error.
 */
import type { TurnContext } from 'botbuilder';
import { ownerView } from '../../src/features/interests/ownerViewAction';
import { askerOnly, cardResponse, type ConversationAnswer } from '../../src/conversation/invokeResponses';
import { answerCardActionWithinBudget, asMessage, type CardActionDeadlineOptions } from '../../src/conversation/cardActionDeadline';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { renderListCard } from '../../src/features/interests/cards/listCard';
import { SOURCE_TEXT } from '../../src/i18n/text';

declare const context: TurnContext;
declare const options: CardActionDeadlineOptions;
declare const ownersView: Awaited<ReturnType<typeof ownerView.handle>>;

export function postingTheOwnersViewDoesNotCompile(): void {
  // @ts-expect-error the owner's view is for the owner alone: it cannot become a message to the conversation
  asMessage(SOURCE_TEXT, ownersView);

  const fullList = askerOnly(cardResponse(renderListCard(SOURCE_TEXT, { interests: [], page: 0, ownerId: 'owner', viewers: { kind: 'owner' } })));
  // @ts-expect-error nor can any answer marked for the asker alone
  asMessage(SOURCE_TEXT, fullList);

  // @ts-expect-error a late answer is posted to the conversation, so the deadline refuses an answer for the asker alone
  void answerCardActionWithinBudget(context, { verb: CARD_VERBS.ownerView, kind: 'read' }, async () => ownersView, options);

  // What everyone may read still compiles.
  const shared: ConversationAnswer = cardResponse(renderListCard(SOURCE_TEXT, { interests: [], page: 0, ownerId: 'owner' }));
  asMessage(SOURCE_TEXT, shared);
}
