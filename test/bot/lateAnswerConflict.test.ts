import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { MemoryStorage, TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { cardResponse, type CardActionResponse } from '../../src/conversation/invokeResponses';
import { answerCardActionWithinBudget, type CardActionDeadlineOptions } from '../../src/conversation/cardActionDeadline';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { silentLogger } from '../../src/logger';
import { ConditionalConversationState } from '../../src/storage/conditionalBotState';

const adapter = new TestAdapter();
const conversation = { id: 'conversation-late', isGroup: false, conversationType: 'personal', name: '' };

function turn(): TurnContext {
  const activity: Partial<Activity> = {
    ...adapter.makeActivity(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'test',
    conversation,
    value: { action: { type: 'Action.Execute', verb: 'interest.saveTags', data: {} } },
  };
  return new TurnContext(adapter, activity);
}

/** The connector as the deadline sees it: what the late answer posts to the conversation is kept here. */
function recordingConnector(): { connector: CardActionDeadlineOptions['adapter']; posted: Partial<Activity>[] } {
  const posted: Partial<Activity>[] = [];
  const connector: CardActionDeadlineOptions['adapter'] = {
    async continueConversationAsync(_botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) {
      const context = new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'event' }, reference, true));
      context.onSendActivities(async (_context, activities, next) => {
        posted.push(...activities);
        return next();
      });
      await logic(context);
    },
  } as CardActionDeadlineOptions['adapter'];
  return { connector, posted };
}

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a late card answer whose state save loses a race', () => {
  it('runs again on fresh state and posts the result, instead of leaving "Saving…" on screen', async () => {
    const storage = new MemoryStorage();
    const state = new ConditionalConversationState(storage);
    const marker = state.createProperty<string>('marker');
    const { connector, posted } = recordingConnector();
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
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      await marker.set(lasting, `late answer, run ${runs}`);
      return cardResponse(renderNoticeCard(SOURCE_TEXT, { title: `Saved (run ${runs})` }));
    };
    const options: CardActionDeadlineOptions = {
      adapter: connector,
      botAppId: '',
      logger: silentLogger,
      budgetMs: 20,
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
    const { connector, posted } = recordingConnector();
    const context = turn();
    await state.load(context);
    const answer = async (lasting: TurnContext): Promise<CardActionResponse> => {
      const other = turn();
      await marker.set(other, 'other turn');
      await state.saveChanges(other).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 60));
      await marker.set(lasting, 'late');
      return cardResponse(renderNoticeCard(SOURCE_TEXT, { title: 'Tags saved' }));
    };
    // No way to read fresh state: the conflict stands, and the result is posted all the same.
    const first = await answerCardActionWithinBudget(context, { verb: CARD_VERBS.saveTags, kind: 'change' }, answer, { adapter: connector, botAppId: '', logger: silentLogger, budgetMs: 20, saveState: (lasting) => state.saveChanges(lasting) });
    expect(JSON.stringify(first)).toContain('Saving…');
    await waitFor(() => posted.length > 0);
    expect(JSON.stringify(posted)).toContain('Tags saved');
  });
});
