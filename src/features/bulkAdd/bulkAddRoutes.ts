/**
 * The bulk add's card actions. Each acts only for the card's owner: the card-action boundary refuses anyone else
 * before a route runs (`handleCardAction.ts`).
 */
import { BULK_ADD_CARD_ACTIONS, CHOOSE_SPLIT, CREATE_MANY, RETRY_MANY } from './cardActions';
import { renderNoticeCard } from '../../cards/noticeCard';
import { textOf } from '../../conversation/turnText';
import { defineCardRoute, type CardActionRoutesOf } from '../../conversation/routeTypes';
import { cardResponse } from '../../conversation/invokeResponses';
import { ADD_INTEREST_DIALOG, type InterestDialogOptions } from '../../conversation/dialogs/dialogIds';
import { dialogAnswerTo } from '../../conversation/dialogs/dialogInvokes';
import { sendCard } from '../../conversation/replies';
import { bulkAddCards, createOnce } from './bulkAddFlow';

/**
 * "One interest or several?": one starts the add dialog with that name (a dialog action, so it is never cut short
 * by the card-action deadline; its name check gets the token this turn already has), and the question is replaced
 * by what the dialog answers with (a card question, when the name is taken) or by "Adding it as one interest";
 * several replace the question with the bulk card (one list read).
 */
export const chooseSplit = defineCardRoute(CHOOSE_SPLIT, {
  handle: async (action, { context, services, profile }) => {
    const [only] = action.names;
    if (action.names.length === 1 && only !== undefined) {
      const answer = await dialogAnswerTo(context, services, async (dialogContext) => {
        await dialogContext.cancelAllDialogs();
        await dialogContext.beginDialog(ADD_INTEREST_DIALOG, { name: only } satisfies InterestDialogOptions);
      });
      if (answer) return answer;
      const text = textOf(context);
      return cardResponse(renderNoticeCard(text, { title: text.t('bulkAdd.addingOne.title'), text: text.t('bulkAdd.addingOne.text') }));
    }
    const [first, ...more] = await bulkAddCards(context, profile, action.names);
    for (const card of more) await sendCard(context, card);
    return cardResponse(first!);
  },
});

export const createMany = defineCardRoute(CREATE_MANY, {
  handle: (action, turn) => createOnce(action, turn, 'create'),
});

export const retryMany = defineCardRoute(RETRY_MANY, {
  handle: (action, turn) => createOnce(action, turn, 'retry'),
});

/** The feature's card routes, one per action it declares (`cardActions.ts`). */
export const BULK_ADD_CARD_ROUTES: CardActionRoutesOf<typeof BULK_ADD_CARD_ACTIONS> = { chooseSplit, create: createMany, retry: retryMany };
