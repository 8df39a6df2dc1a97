/**
 * Bulk add: Graph requests for adding 1, 20, 21 and 50 interests in one go (counted at the profile service, floor
 * ⌈N/20⌉ + 2: the list read for the duplicate check when the card is drawn, the list read again at the Create click,
 * then one JSON batch per 20; one name is the add dialog's list read and create), the turn time of a 50-interest
 * bulk add through the running product (the `add` message to its card, and the Create click to its result), and
 * the bulk card's size with 100 names of the maximum length.
 */
import { renderBulkAddCards } from '../src/features/bulkAdd/cards/bulkAddCard';
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { cardSize, MAX_CARD_BYTES } from '../src/cards/cardTemplate';
import { OWNER_ONLY } from '../src/cards/sharedView';
import { checkBulkNames, MAX_BULK_NAMES } from '../src/domain/bulkNames';
import { INTEREST_LIMITS } from '../src/domain/personInterest';
import { SOURCE_TEXT } from '../src/i18n/text';
import { actionData, benchUser, type BotClient, cardsOf, invokeCard } from './botClient';
import type { BenchContext } from './context';
import type { GraphCount } from './graphCounts';
import type { ProfileData } from './profileData';
import type { Section } from './section';
import { fixed, spread, type Spread } from './stats';

const SIZES = [1, 20, 21, 50] as const;
const TIMED_SIZE = 50;

export interface BulkAddFigures {
  readonly counts: GraphCount[];
  readonly turnMs: { readonly size: number; readonly runs: number; readonly message: Spread; readonly create: Spread; readonly total: Spread };
  readonly card: { readonly names: number; readonly largestBytes: Record<string, number>; readonly cards: Record<string, number> };
}

const namesFor = (key: string, count: number): string[] => Array.from({ length: count }, (_, i) => `Bulk ${key} interest ${i + 1}`);

/** One bulk add by a user with no interests yet: the card, then Create with every name ticked. Returns both turn times. */
async function bulkAdd(bot: BotClient, key: string, count: number): Promise<{ messageMs: number; createMs: number }> {
  const user = benchUser(key);
  const conversation = `a:${key}`;
  if (count === 1) {
    // A single name keeps the add dialog: the name check (one list read) and the create.
    const started = performance.now();
    let summary: unknown;
    for (const text of [`add Bulk ${key}`, 'skip', 'skip', 'skip', 'skip', 'skip']) summary = cardsOf(await bot.say(user, conversation, text))[0];
    const messageMs = performance.now() - started;
    invokeCard(await bot.act(user, conversation, CARD_VERBS.confirmAdd, actionData(summary, CARD_VERBS.confirmAdd)));
    return { messageMs, createMs: performance.now() - started - messageMs };
  }
  const names = namesFor(key, count);
  const started = performance.now();
  const [card] = cardsOf(await bot.say(user, conversation, `add ${names.join('\n')}`));
  const messageMs = performance.now() - started;
  const create = actionData(card, CARD_VERBS.create);
  const carried = create.names as string[];
  const picks = Object.fromEntries(carried.map((_, index) => [`pick${index}`, 'true']));
  const clicked = performance.now();
  const result = invokeCard(await bot.act(user, conversation, CARD_VERBS.create, { ...create, ...picks, bulkTags: '', bulkAudience: 'organization' }));
  const createMs = performance.now() - clicked;
  if (!JSON.stringify(result).includes(`Added ${count} interests`)) throw new Error(`The bulk add of ${count} did not add them all: ${JSON.stringify(result).slice(0, 300)}`);
  return { messageMs, createMs };
}

async function countRequests(bot: BotClient, profile: ProfileData): Promise<GraphCount[]> {
  const counts: GraphCount[] = [];
  for (const size of SIZES) {
    await profile.resetStats();
    await bulkAdd(bot, `bench-bulk-count-${size}`, size);
    counts.push({ action: `bulk add of ${size}`, requests: await profile.requestCount(), floor: Math.ceil(size / 20) + (size === 1 ? 1 : 2) });
  }
  return counts;
}

/** The bulk card for 100 names of the maximum length, in ASCII and in the costliest characters. */
function measureCards(): BulkAddFigures['card'] {
  const largestBytes: Record<string, number> = {};
  const cards: Record<string, number> = {};
  for (const [kind, char] of Object.entries({ ascii: 'x', cjk: '中', emoji: '🎉' })) {
    const names = Array.from({ length: MAX_BULK_NAMES }, (_, i) => `${String(i).padStart(3, '0')}${char.repeat(INTEREST_LIMITS.displayNameMax - 3)}`);
    const rendered = renderBulkAddCards(SOURCE_TEXT, { ownerId: 'aad-bench-bulk-card', checks: checkBulkNames(names, []), viewers: OWNER_ONLY, newBatchId: () => '00000000-0000-0000-0000-000000000000' });
    largestBytes[kind] = Math.max(...rendered.map(cardSize));
    cards[kind] = rendered.length;
  }
  return { names: MAX_BULK_NAMES, largestBytes, cards };
}

export async function bulkAddSection(context: BenchContext): Promise<Section> {
  const bot = context.clients.product;
  const counts = await countRequests(bot, context.profile);
  const runs = context.options.quick ? 3 : 5;
  const timings: { messageMs: number; createMs: number }[] = [];
  for (let run = 0; run < runs; run++) timings.push(await bulkAdd(bot, `bench-bulk-time-${run}`, TIMED_SIZE));
  const turnMs = {
    size: TIMED_SIZE,
    runs,
    message: spread(timings.map((timing) => timing.messageMs)),
    create: spread(timings.map((timing) => timing.createMs)),
    total: spread(timings.map((timing) => timing.messageMs + timing.createMs)),
  };
  const card = measureCards();
  const figures: BulkAddFigures = { counts, turnMs, card };
  const offFloor = counts.filter((count) => count.requests !== count.floor);
  const overSize = Object.entries(card.largestBytes).filter(([, bytes]) => bytes > MAX_CARD_BYTES);
  return {
    id: 'bulk-add',
    title: 'Bulk add: Graph requests, turn time, card size',
    data: figures,
    markdown: [
      '| bulk add | requests | floor (⌈N/20⌉ + 2; 2 for one name) |',
      '| --- | ---: | ---: |',
      ...counts.map((count) => `| ${count.action} | ${count.requests} | ${count.floor} |`),
      '',
      `Turn time of a ${TIMED_SIZE}-interest bulk add (median [min–max] of ${runs}, ms): the \`add\` message to its card ${fixed(turnMs.message.median)} [${fixed(turnMs.message.min)}–${fixed(turnMs.message.max)}], Create to the result card ${fixed(turnMs.create.median)} [${fixed(turnMs.create.min)}–${fixed(turnMs.create.max)}], both ${fixed(turnMs.total.median)}.`,
      '',
      `Bulk card with ${card.names} names of ${INTEREST_LIMITS.displayNameMax} characters: ${Object.entries(card.largestBytes)
        .map(([kind, bytes]) => `${kind} ${bytes} bytes in ${card.cards[kind]} card(s)`)
        .join(', ')} (limit ${MAX_CARD_BYTES}).`,
    ],
    targets: [
      { name: 'bulk add at its Graph floor', met: offFloor.length === 0, detail: offFloor.length ? offFloor.map((count) => `${count.action}: ${count.requests}`).join(', ') : counts.map((count) => `${count.requests}`).join(', ') },
      { name: 'bulk card under 28 KB with 100 maximum-length names', met: overSize.length === 0, detail: overSize.length ? overSize.map(([kind, bytes]) => `${kind}: ${bytes}`).join(', ') : 'all under' },
    ],
  };
}
