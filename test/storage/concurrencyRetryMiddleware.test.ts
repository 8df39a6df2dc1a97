import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { ConditionalConversationState } from '../../src/storage/conditionalBotState';
import { ConcurrencyRetryMiddleware, REPEAT_PLEASE_KEY } from '../../src/storage/concurrencyRetryMiddleware';
import { SOURCE_TEXT } from '../../src/i18n/text';

/** A promise the test resolves when it chooses, to line two turns up in a known order without timing. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A turn that counts the messages of its conversation. It reads the count, waits at the gate named after its
 * text (if any), says the new count and saves, the way the bot's handler saves at the end of `run`.
 */
function countingBot(maxAttempts?: number) {
  const state = new ConditionalConversationState(new MemoryStorage());
  const count = state.createProperty<number>('count');
  const gates = new Map<string, { opened: Promise<void>; open: () => void }>();
  const reached = new Map<string, () => void>();
  const runs: string[] = [];
  const adapter = new TestAdapter();
  adapter.use(new ConcurrencyRetryMiddleware({ states: [state], logger: silentLogger, ...(maxAttempts ? { maxAttempts } : {}) }));
  const logic = async (context: TurnContext): Promise<void> => {
    const text = context.activity.text ?? '';
    runs.push(text);
    const next = (await count.get(context, 0)) + 1;
    reached.get(text)?.();
    await gates.get(text)?.opened;
    await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity(`${text} is message ${next}`);
    await count.set(context, next);
    await state.saveChanges(context);
  };
  return {
    adapter,
    runs,
    send: (text: string) => adapter.processActivity(adapter.makeActivity(text), logic),
    /** Holds the turn with this text after it has read the count; resolves `reached` once it has. */
    holdAfterRead(text: string): { reached: Promise<void>; release: () => void } {
      const held = gate();
      gates.set(text, held);
      const arrival = gate();
      reached.set(text, arrival.open);
      return { reached: arrival.opened, release: held.open };
    },
    readCount: async (): Promise<number | undefined> => {
      let value: number | undefined;
      await adapter.processActivity(adapter.makeActivity(''), async (context) => {
        value = await count.get(context);
      });
      return value;
    },
  };
}

const texts = (queue: Partial<Activity>[]): string[] => queue.filter((activity) => activity.type === ActivityTypes.Message).map((activity) => activity.text ?? '');

describe('ConcurrencyRetryMiddleware', () => {
  it('runs the turn that lost the state write again from the winner’s state, replying once', async () => {
    const bot = countingBot();
    const slow = bot.holdAfterRead('slow');
    const slowTurn = bot.send('slow');
    await slow.reached;
    await bot.send('fast');
    slow.release();
    await slowTurn;

    expect(await bot.readCount()).toBe(2);
    expect(bot.runs).toEqual(['slow', 'fast', 'slow']);
    expect(texts(bot.adapter.activeQueue)).toEqual(['fast is message 1', 'slow is message 2']);
  });

  it('tells the user to repeat, and sends nothing else, when the turn loses every attempt', async () => {
    const bot = countingBot(1);
    const slow = bot.holdAfterRead('slow');
    const slowTurn = bot.send('slow');
    await slow.reached;
    await bot.send('fast');
    slow.release();
    await slowTurn;

    expect(await bot.readCount()).toBe(1);
    expect(texts(bot.adapter.activeQueue)).toEqual(['fast is message 1', SOURCE_TEXT.t(REPEAT_PLEASE_KEY)]);
    expect(SOURCE_TEXT.t(REPEAT_PLEASE_KEY)).toMatch(/Please send it again\.$/);
  });

  it('by default runs a turn twice at most: it gives up when it loses the retry too', async () => {
    const bot = countingBot();
    const firstRun = bot.holdAfterRead('slow');
    const slowTurn = bot.send('slow');
    await firstRun.reached;
    await bot.send('fast');
    const retry = bot.holdAfterRead('slow');
    firstRun.release();
    await retry.reached;
    await bot.send('faster');
    retry.release();
    await slowTurn;

    expect(bot.runs).toEqual(['slow', 'fast', 'slow', 'faster']);
    expect(await bot.readCount()).toBe(2);
    expect(texts(bot.adapter.activeQueue)).toEqual(['fast is message 1', 'faster is message 2', SOURCE_TEXT.t(REPEAT_PLEASE_KEY)]);
  });

  it('lets typing indicators out at once but holds replies until the state is saved', async () => {
    const bot = countingBot();
    const slow = bot.holdAfterRead('slow');
    const slowTurn = bot.send('slow');
    await slow.reached;
    expect(bot.adapter.activeQueue).toHaveLength(0);
    slow.release();
    await slowTurn;
    expect(bot.adapter.activeQueue.map((activity) => activity.type)).toEqual([ActivityTypes.Typing, ActivityTypes.Message]);
  });

  it('passes other failures on after sending what the turn had said, and lets the error boundary speak', async () => {
    const adapter = new TestAdapter();
    adapter.use(new ConcurrencyRetryMiddleware({ states: [], logger: silentLogger }));
    const failures: string[] = [];
    adapter.onTurnError = async (context, error) => {
      failures.push(error.message);
      await context.sendActivity('Sorry, something went wrong.');
    };
    await adapter.processActivity(adapter.makeActivity('hi'), async (context) => {
      await context.sendActivity('working on it');
      throw new Error('Graph is down');
    });
    expect(failures).toEqual(['Graph is down']);
    expect(texts(adapter.activeQueue)).toEqual(['working on it', 'Sorry, something went wrong.']);
  });
});
