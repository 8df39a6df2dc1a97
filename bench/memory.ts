/** The bot's memory after many distinct conversations, each left holding state (a dialog waiting for an answer). */
import { benchUser, type BotClient } from './botClient';
import type { MemoryReport, RunningChild } from './childProcess';
import { runLoad } from './load';

export const CONVERSATIONS = 10_000;
const CONCURRENCY = 16;
const MIB = 1024 * 1024;

export interface ConversationMemory {
  readonly before: MemoryReport;
  readonly after: MemoryReport;
  readonly conversations: number;
}

export async function measureConversationMemory(bot: BotClient, botProcess: RunningChild<unknown>): Promise<ConversationMemory> {
  const before = await botProcess.memory();
  let next = 0;
  const run = await runLoad({ concurrency: CONCURRENCY, durationMs: 120_000, maxTurns: CONVERSATIONS }, async (worker) => {
    const index = next++;
    const started = performance.now();
    // "add" with no name asks for one: no Graph call, and the conversation keeps a dialog on its stack.
    await bot.say(benchUser(`bench-memory-${worker}`), `a:memory-${index}`, 'add');
    return [performance.now() - started];
  });
  const after = await botProcess.memory();
  return { before, after, conversations: run.turns };
}

export const toMiB = (bytes: number): number => bytes / MIB;
