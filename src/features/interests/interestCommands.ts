/**
 * The interest commands: `list`, `tag`, `edit <name>` and `delete <name>`. Each is declared once with what it needs;
 * `edit` and `delete` find the named interest among those the conversation may see, or answer with the list.
 */
import { renderDeleteConfirmCard } from './cards/deleteConfirmCard';
import { renderEditCard } from './cards/editCard';
import { renderListCard } from './cards/listCard';
import { isSharedView } from '../../cards/sharedView';
import { findNamedInterest } from '../../domain/interestLookup';
import { interestsForSharedConversation } from '../../domain/sharedConversation';
import { quoteUserText } from '../../domain/text';
import type { StoredInterest } from '../../graph/interestsClient';
import { actorIdOf } from '../../conversation/actor';
import { TAG_INTEREST_DIALOG, type InterestDialogOptions } from '../../conversation/dialogs/dialogIds';
import { cardViewersFor, sendCard } from '../../conversation/replies';
import { defineCommand, type CommandRoute, type CommandTurn, type GraphCommandTurn } from '../../conversation/routeTypes';
import { textOf } from '../../conversation/turnText';
import { keepUndoSnapshot, undoPlaceOf } from './undoSnapshots';

async function showList({ context, profile }: GraphCommandTurn): Promise<void> {
  const interests = await profile.list();
  await sendCard(context, renderListCard(textOf(context), { interests, page: 0, ownerId: actorIdOf(context.activity), viewers: cardViewersFor(context.activity) }));
}

function beginDialog(dialogId: string) {
  return async ({ dialogContext, argument }: CommandTurn): Promise<void> => {
    const options: InterestDialogOptions = argument ? { name: argument } : {};
    await (await dialogContext()).beginDialog(dialogId, options);
  };
}

/** Finds the interest named in the command, or answers with the list (one Graph request either way). */
function withNamedInterest(verb: string, show: (turn: GraphCommandTurn, interest: StoredInterest) => Promise<void>) {
  return async (turn: GraphCommandTurn): Promise<void> => {
    const { context, profile, argument } = turn;
    const ownerId = actorIdOf(context.activity);
    const viewers = cardViewersFor(context.activity);
    const interests = await profile.list();
    // Where everyone reads the answer, a private interest is looked for as if it were not there: the answer to its
    // name must be the answer to a name the owner never added, or the room would learn that it exists.
    const findable = isSharedView(viewers) ? interestsForSharedConversation(interests).shown : interests;
    const text = textOf(context);
    const interest = argument ? findNamedInterest(findable, argument, text.locale) : undefined;
    if (interest) {
      await show(turn, interest);
      return;
    }
    const notice = argument ? text.t('command.notFound', { name: quoteUserText(argument) }) : text.t('command.whichInterest', { command: verb });
    await sendCard(context, renderListCard(text, { interests, page: 0, ownerId, notice, viewers }));
  };
}

const showEditCard = withNamedInterest('edit', async ({ context }, interest) => {
  await sendCard(context, renderEditCard(textOf(context), { interest, ownerId: actorIdOf(context.activity), viewers: cardViewersFor(context.activity) }));
});

const showDeleteConfirmation = withNamedInterest('delete', async ({ context, services }, interest) => {
  const ownerId = actorIdOf(context.activity);
  // The interest as listed is what Undo re-creates: kept server-side, the card carries only its token.
  const { conversationId } = undoPlaceOf(context.activity, ownerId);
  const undoToken = await keepUndoSnapshot(services.state.storage, { ownerId, conversationId, interest }, services.clock());
  await sendCard(context, renderDeleteConfirmCard(textOf(context), { interest, ownerId, undoToken, viewers: cardViewersFor(context.activity) }));
});

export const INTEREST_COMMANDS: readonly CommandRoute[] = [
  defineCommand({ words: 'words.command.list', takesArgument: false, needs: 'profile', typing: true, interruptsDialog: false, handle: showList }),
  defineCommand({ words: 'words.command.tag', takesArgument: true, needs: 'profile', typing: false, interruptsDialog: false, handle: beginDialog(TAG_INTEREST_DIALOG) }),
  defineCommand({ words: 'words.command.edit', takesArgument: true, needs: 'profile', typing: true, interruptsDialog: false, handle: showEditCard }),
  defineCommand({ words: 'words.command.delete', takesArgument: true, needs: 'profile', typing: true, interruptsDialog: false, handle: showDeleteConfirmation }),
];
