import { MemoryStorage, type TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { cardResponse, type CardActionResponse } from '../../src/conversation/invokeResponses';
import { answerCardActionWithinBudget, type CardActionDeadlineOptions } from '../../src/conversation/cardActionDeadline';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { ConditionalConversationState } from '../../src/storage/conditionalBotState';
import { cardActionInvoke, pastTheBudget, recordingDeadline, waitFor } from '../support/lateCardAnswer';

const conversation = { id: 'conversation-late', isGroup: false, conversationType: 'personal', name: '' };
const turn = (): TurnContext => cardActionInvoke({ conversation });

describe('a late card answer whose state save loses a race', () => {
  it('runs again on fresh state and posts the result, instead of leaving "Saving…" on screen', async () => {
    const storage = new MemoryStorage();
    const state = new ConditionalConversationState(storage);
    const marker = state.createProperty<string>('marker');
    const { options: withinBudget, posted } = recordingDeadline();
    const context = turn();
    await state.load(context);
    let runs = 0;
    const answer = async (lasting: TurnContext): Promise<CardActionResponse> => {
      runs++;
      if (runs === 1) {
        // Meanwhile another turn of the same conversation saves first.
        const other = turn();
        await marker.set(other, 'other turn');
        await state.saveChanges(other);
        await pastTheBudget();
      }
      await marker.set(lasting, `late answer, run ${runs}`);
      return cardResponse(renderNoticeCard(SOURCE_TEXT, { title: `Saved (run ${runs})` }));
    };
    const options: CardActionDeadlineOptions = {
      ...withinBudget,
      saveState: (lasting) => state.saveChanges(lasting),
      reloadState: async (lasting) => {
        await state.load(lasting, true);
      },
    };
    const first = await answerCardActionWithinBudget(context, { verb: CARD_VERBS.saveTags, kind: 'change' }, answer, options);
    expect(JSON.stringify(first)).toContain('Saving…');
    await waitFor(() => posted.length > 0);
    expect(runs).toBe(2);
    expect(JSON.stringify(posted)).toContain('Saved (run 2)');
    const fresh = turn();
    await state.load(fresh, true);
    expect(await marker.get(fresh)).toBe('late answer, run 2');
  });

  it('posts the answer even when the state cannot be saved at all', async () => {
    const storage = new MemoryStorage();
    const state = new ConditionalConversationState(storage);
    const marker = state.createProperty<string>('marker');
    const { options, posted } = recordingDeadline();
    const context = turn();
    await state.load(context);
    const answer = async (lasting: TurnContext): Promise<CardActionResponse> => {
      const other = turn();
      await marker.set(other, 'other turn');
      await state.saveChanges(other).catch(() => undefined);
      await pastTheBudget();
      await marker.set(lasting, 'late');
      return cardResponse(renderNoticeCard(SOURCE_TEXT, { title: 'Tags saved' }));
    };
    // No way to read fresh state: the conflict stands, and the result is posted all the same.
    const first = await answerCardActionWithinBudget(context, { verb: CARD_VERBS.saveTags, kind: 'change' }, answer, { ...options, saveState: (lasting) => state.saveChanges(lasting) });
    expect(JSON.stringify(first)).toContain('Saving…');
    await waitFor(() => posted.length > 0);
    expect(JSON.stringify(posted)).toContain('Tags saved');
  });
});
