/**
 * The bulk add's card actions. Each acts only for the card's owner: the card-action boundary refuses anyone else
 * before a route runs (`handleCardAction.ts`).
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderNoticeCard } from '../../cards/noticeCard';
import { defineCardAction } from '../../conversation/routeTypes';
import { cardResponse } from '../../conversation/invokeResponses';
import { ADD_INTEREST_DIALOG, type InterestDialogOptions } from '../../conversation/dialogs/dialogIds';
import { sendCard } from '../../conversation/replies';
import { bulkAddCards, createOnce } from './bulkAddFlow';

export const ADDING_ONE_NOTICE = { title: 'Adding it as one interest', text: 'Answer the questions below.' } as const;

/**
 * "One interest or several?": one starts the add dialog with that name (a dialog action, so it is never cut short
 * by the card-action deadline); several replace the question with the bulk card (one list read).
 */
export const chooseSplit = defineCardAction({
  verb: CARD_VERBS.chooseSplit,
  kind: 'dialog',
  needsGraph: true,
  handle: async (action, { context, services, profile }) => {
    const [only] = action.names;
    if (action.names.length === 1 && only !== undefined) {
      const dialogContext = await services.dialogs.createContext(context);
      await dialogContext.cancelAllDialogs();
      await dialogContext.beginDialog(ADD_INTEREST_DIALOG, { name: only } satisfies InterestDialogOptions);
      return cardResponse(renderNoticeCard(ADDING_ONE_NOTICE));
    }
    const [first, ...more] = await bulkAddCards(context, profile, action.names);
    for (const card of more) await sendCard(context, card);
    return cardResponse(first!);
  },
});

export const createMany = defineCardAction({
  verb: CARD_VERBS.create,
  kind: 'change',
  needsGraph: true,
  handle: (action, turn) => createOnce(action, turn, 'create'),
});

export const retryMany = defineCardAction({
  verb: CARD_VERBS.retry,
  kind: 'change',
  needsGraph: true,
  handle: (action, turn) => createOnce(action, turn, 'retry'),
});
