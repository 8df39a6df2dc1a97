/**
 * What a test of a late card answer needs without the whole bot: a card button's invoke, and the time budget of
 * `answerCardActionWithinBudget` with a connector that keeps what the late answer posts to the conversation.
 * An answer that waits `pastTheBudget()` misses the budget, so the deadline answers "Saving…" and posts it later.
 */
import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { CardActionDeadlineOptions } from '../../src/conversation/cardActionDeadline';
import { OutboundGate } from '../../src/conversation/outboundGate';
import { silentLogger } from '../../src/logger';

const adapter = new TestAdapter();
const BUDGET_MS = 20;

/** The Save tags button's `adaptiveCard/action` invoke; `activity` gives its conversation and any other field. */
export function cardActionInvoke(activity: Partial<Activity>): TurnContext {
  return new TurnContext(adapter, {
    ...adapter.makeActivity(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'test',
    value: { action: { type: 'Action.Execute', verb: 'interest.saveTags', data: {} } },
    ...activity,
  });
}

/**
 * The deadline's options with a short budget and a connector as the deadline sees it; what the late answer posts is
 * kept in `posted`. With `outboundGate`, the proactive turn passes the outbound gate first, as every real turn does.
 */
export function recordingDeadline({ outboundGate = false } = {}): { options: CardActionDeadlineOptions; posted: Partial<Activity>[] } {
  const posted: Partial<Activity>[] = [];
  const gate = outboundGate ? new OutboundGate(silentLogger) : undefined;
  const connector: CardActionDeadlineOptions['adapter'] = {
    async continueConversationAsync(_botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) {
      const context = new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'event' }, reference, true));
      const recording = async (): Promise<void> => {
        context.onSendActivities(async (_context, activities, next) => {
          posted.push(...activities);
          return next();
        });
        await logic(context);
      };
      // The gate is the adapter's first middleware, so its send handler runs before any other.
      await (gate ? gate.onTurn(context, recording) : recording());
    },
  } as CardActionDeadlineOptions['adapter'];
  return { options: { adapter: connector, botAppId: '', logger: silentLogger, budgetMs: BUDGET_MS }, posted };
}

/** Waits three times the budget. */
export const pastTheBudget = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 3 * BUDGET_MS));

export async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
