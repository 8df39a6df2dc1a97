/**
 * A late card answer speaks the language of the turn that asked, although it is posted from a proactive turn whose
 * activity is the bot's own: the "Saving…" card, the answer built on the lasting context, a failure's apology and
 * the outbound gate's sentence for an answer too long to post.
 */
import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { answerCardActionWithinBudget, type CardActionDeadlineOptions } from '../../src/conversation/cardActionDeadline';
import { cardResponse, messageResponse, type CardActionResponse } from '../../src/conversation/invokeResponses';
import { OutboundGate } from '../../src/conversation/outboundGate';
import { textOf } from '../../src/conversation/turnText';
import { UNEXPECTED_FAILURE_KEY } from '../../src/conversation/userMessages';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { PSEUDO_LANGUAGE } from '../../src/i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';
import { textFor } from '../../src/i18n/text';
import { silentLogger } from '../../src/logger';

const adapter = new TestAdapter();
const PSEUDO = textFor(PSEUDO_LANGUAGE);

/** An invoke from a user whose Teams speaks the pseudo-locale, given (as Teams may) only in `clientInfo`. */
function pseudoTurn(): TurnContext {
  const activity: Partial<Activity> = {
    ...adapter.makeActivity(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'test',
    locale: undefined,
    entities: [{ type: 'clientInfo', locale: PSEUDO_LANGUAGE, timezone: 'Europe/Berlin' }],
    conversation: { id: 'conversation-late-language', isGroup: false, conversationType: 'personal', name: '' },
    value: { action: { type: 'Action.Execute', verb: 'interest.saveTags', data: {} } },
  };
  return new TurnContext(adapter, activity);
}

/** The connector as the deadline sees it, with the outbound gate every real turn has; what is posted is kept. */
function recordingConnector(): { connector: CardActionDeadlineOptions['adapter']; posted: Partial<Activity>[] } {
  const posted: Partial<Activity>[] = [];
  const gate = new OutboundGate(silentLogger);
  const connector: CardActionDeadlineOptions['adapter'] = {
    async continueConversationAsync(_botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) {
      const context = new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'event' }, reference, true));
      // The gate is the adapter's first middleware, so its send handler runs before any other.
      await gate.onTurn(context, async () => {
        context.onSendActivities(async (_context, activities, next) => {
          posted.push(...activities);
          return next();
        });
        await logic(context);
      });
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

const slowly = async <T>(value: () => T): Promise<T> => {
  await new Promise((resolve) => setTimeout(resolve, 60));
  return value();
};

const isPseudo = (text: unknown): boolean => typeof text === 'string' && text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE);

describe('a late card answer', () => {
  const route = { verb: CARD_VERBS.saveTags, kind: 'change' } as const;

  it('is built and posted in the language of the turn that asked', async () => {
    const { connector, posted } = recordingConnector();
    const answer = (lasting: TurnContext): Promise<CardActionResponse> => slowly(() => messageResponse(textOf(lasting).t('session.nothingToCancel')));
    const first = await answerCardActionWithinBudget(pseudoTurn(), route, answer, { adapter: connector, botAppId: '', logger: silentLogger, budgetMs: 20 });
    // The card's Markdown escaping aside, its title is the pseudo-locale's.
    expect(JSON.stringify(first)).toContain(PSEUDO.t('deadline.saving.title').split(' ')[0]);
    expect(JSON.stringify(first)).not.toContain('Saving…');
    await waitFor(() => posted.length > 0);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toBe(PSEUDO.t('session.nothingToCancel'));
    expect(isPseudo(posted[0]?.text)).toBe(true);
  });

  it('that fails posts the apology in that language', async () => {
    const { connector, posted } = recordingConnector();
    const answer = (): Promise<CardActionResponse> => slowly(() => { throw new Error('boom'); });
    await answerCardActionWithinBudget(pseudoTurn(), route, answer, { adapter: connector, botAppId: '', logger: silentLogger, budgetMs: 20 });
    await waitFor(() => posted.length > 0);
    expect(posted[0]?.text).toBe(PSEUDO.t(UNEXPECTED_FAILURE_KEY));
  });

  it('too long to post is replaced by the outbound gate’s sentence in that language', async () => {
    const { connector, posted } = recordingConnector();
    const huge = () => cardResponse({ ...renderNoticeCard(PSEUDO, { title: 'Huge' }), body: [{ type: 'TextBlock', text: 'x'.repeat(30_000), wrap: true }] });
    await answerCardActionWithinBudget(pseudoTurn(), route, () => slowly(huge), { adapter: connector, botAppId: '', logger: silentLogger, budgetMs: 20 });
    await waitFor(() => posted.length > 0);
    expect(posted[0]?.attachments).toBeUndefined();
    expect(posted[0]?.text).toBe(PSEUDO.t('limits.answerTooLong'));
  });
});
