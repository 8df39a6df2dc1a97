/**
 * The longest message a user may send (16,000 characters) made entirely of `<at>`, the opening of a Teams mention,
 * timed to its answer on the running product; beside it, a 16,000-character message of ordinary words, so a
 * mention-stripping cost shows as the difference. Each is sent a few times; the median is reported. Bounded: a
 * turn that takes more than 30 s is counted as failed.
 */
import { benchUser } from './botClient';
import type { BenchContext } from './context';
import { timed } from './load';
import type { Section } from './section';
import { fixed, showSpread, spread, type Spread } from './stats';

export const MAX_MESSAGE_CHARS = 16_000;
const REPEATS = 3;

export interface MentionFigures {
  readonly chars: number;
  readonly atTagsMs: Spread;
  readonly plainMs: Spread;
  readonly failures: string[];
}

async function timeMessage(context: BenchContext, text: string, name: string, failures: string[]): Promise<Spread> {
  const times: number[] = [];
  for (let attempt = 0; attempt < REPEATS; attempt++) {
    const user = benchUser(`bench-long-${name}`);
    try {
      times.push(await timed(() => context.clients.product.say(user, `a:long-${name}-${attempt}`, text)));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return spread(times);
}

export async function measureMentionText(context: BenchContext): Promise<MentionFigures> {
  const failures: string[] = [];
  const atTags = '<at>'.repeat(MAX_MESSAGE_CHARS / 4);
  const words = 'lorem ipsum '.repeat(Math.ceil(MAX_MESSAGE_CHARS / 12)).slice(0, MAX_MESSAGE_CHARS);
  const plainMs = await timeMessage(context, words, 'plain', failures);
  const atTagsMs = await timeMessage(context, atTags, 'at', failures);
  return { chars: MAX_MESSAGE_CHARS, atTagsMs, plainMs, failures };
}

export async function mentionTextSection(context: BenchContext): Promise<Section> {
  const figures = await measureMentionText(context);
  const markdown = [
    `Time to answer a ${figures.chars.toLocaleString('en-US')}-character message (median of ${REPEATS}, min–max): \`<at>\` × ${figures.chars / 4} **${showSpread(figures.atTagsMs, 0)} ms**; ordinary words of the same length ${showSpread(figures.plainMs, 0)} ms.${figures.failures.length ? ` Failed: ${figures.failures.join('; ')}.` : ''}`,
  ];
  const failed = figures.failures.length > 0;
  // No time target (tests check behaviour; this is the figure to watch): only a failed or unanswered turn misses.
  return {
    id: 'mention-text',
    title: 'A message full of `<at>`',
    data: figures,
    markdown,
    targets: [{ name: `a ${figures.chars.toLocaleString('en-US')}-character message of \`<at>\` is answered`, met: !failed, detail: failed ? figures.failures.join('; ') : `${fixed(figures.atTagsMs.median, 0)} ms` }],
  };
}
