/** The product's memory after many distinct conversations, each left holding state (a dialog waiting for an answer). */
import { benchUser } from './botClient';
import type { BenchContext } from './context';
import { runLoad } from './load';
import type { MemoryReport } from './probeProtocol';
import type { Section } from './section';
import { fixed } from './stats';

const CONCURRENCY = 16;
const BOUND_MS = 180_000;
const MIB = 1024 * 1024;

export interface ConversationMemory {
  readonly conversations: number;
  readonly errors: number;
  readonly before: MemoryReport;
  readonly after: MemoryReport;
}

export const toMiB = (bytes: number): number => bytes / MIB;

export async function measureConversationMemory(context: BenchContext): Promise<ConversationMemory> {
  const product = context.bots.product.process;
  const before = await product.memory();
  let next = 0;
  const run = await runLoad({ concurrency: CONCURRENCY, durationMs: BOUND_MS, maxTurns: context.options.conversations }, async (worker) => {
    const index = next++;
    const started = performance.now();
    // "add" with no name asks for one: no Graph call, and the conversation keeps a dialog on its stack.
    await context.clients.product.say(benchUser(`bench-memory-${worker}`), `a:memory-${index}`, 'add');
    return [performance.now() - started];
  });
  const after = await product.memory();
  return { conversations: run.turns, errors: run.errors, before, after };
}

export async function memorySection(context: BenchContext): Promise<Section> {
  const figures = await measureConversationMemory(context);
  const markdown = [
    `Peak RSS of the product process over the whole benchmark so far: ${fixed(toMiB(figures.after.peakRssBytes))} MiB. After ${figures.conversations.toLocaleString('en-US')} distinct conversations (each left with a dialog waiting for an answer): RSS ${fixed(toMiB(figures.after.rssBytes))} MiB, heap ${fixed(toMiB(figures.after.heapUsedBytes))} MiB (heap before: ${fixed(toMiB(figures.before.heapUsedBytes))} MiB, after a full GC both times).${figures.errors ? ` ${figures.errors} turns failed.` : ''}`,
  ];
  return {
    id: 'conversation-memory',
    title: 'Memory of the product process',
    data: figures,
    markdown,
    targets: [{ name: `${figures.conversations.toLocaleString('en-US')} conversations answered`, met: figures.errors === 0 && figures.conversations === context.options.conversations, detail: `${figures.errors} failed` }],
  };
}
