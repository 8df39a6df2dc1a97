/**
 * The bulk add's card actions. Each acts only for the card's owner: the card-action boundary refuses anyone else
 * before a route runs (`handleCardAction.ts`).
 */
import { CARD_VERBS } from '../../cards/cardActions';
import { renderNoticeCard } from '../../cards/noticeCard';
import { textOf } from '../../conversation/turnText';
import { defineCardAction } from '../../conversation/routeTypes';
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
export const chooseSplit = defineCardAction({
  verb: CARD_VERBS.chooseSplit,
  kind: 'dialog',
  needs: 'profile',
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

export const createMany = defineCardAction({
  verb: CARD_VERBS.create,
  kind: 'change',
  needs: 'profile',
  handle: (action, turn) => createOnce(action, turn, 'create'),
});

export const retryMany = defineCardAction({
  verb: CARD_VERBS.retry,
  kind: 'change',
  needs: 'profile',
  handle: (action, turn) => createOnce(action, turn, 'retry'),
});
