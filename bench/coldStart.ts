/**
 * Cold start: fresh processes of the product and of the graph floor bot, started in turn (the order alternates),
 * each timed from spawn to its first 200 from `/healthz`, then asked for `list` at once. The first answer is timed
 * from spawn too, so work moved from start-up to the first turn still counts. Medians over the starts; ratios are
 * taken pair by pair (the product's start against the floor's start next to it). The product is then asked to
 * `add` at once, before its idle warm-up, so the figure shows what the first dialog turn pays for the dialog
 * library it loads on demand.
 */
import { benchUser, BotClient, cardsOf } from './botClient';
import type { BenchContext } from './context';
import { timed } from './load';
import { WARM_UP_QUIET_MS } from '../src/edge/warmUpWhenIdle';
import { launchBot, type BotKind } from './processes';
import { ordinaryDraft } from './profileData';
import type { Section, Target } from './section';
import { fixed, showSpread, spread, type Spread } from './stats';

export const HEALTHZ_RATIO_TARGET = 1.8;
export const FIRST_LIST_RATIO_TARGET = 1.5;

export interface ColdStartSample {
  readonly bot: BotKind;
  readonly start: number;
  readonly healthzMs: number;
  /** The first `list` turn alone, sent as soon as `/healthz` answered. */
  readonly firstTurnMs: number;
  /** From spawn to the first `list` answer. */
  readonly firstListMs: number;
  /** The product's first `add` turn, sent as soon as the list was answered (the dialogs are loaded by it). */
  readonly firstAddTurnMs?: number;
}

export interface ColdStartFigures {
  readonly starts: number;
  readonly samples: ColdStartSample[];
  readonly product: { readonly healthzMs: Spread; readonly firstTurnMs: Spread; readonly firstListMs: Spread };
  readonly floor: { readonly healthzMs: Spread; readonly firstTurnMs: Spread; readonly firstListMs: Spread };
  readonly healthzRatio: Spread;
  readonly firstListRatio: Spread;
  readonly productFirstAddTurnMs: Spread;
}

async function startOnce(context: BenchContext, bot: BotKind, start: number): Promise<ColdStartSample> {
  const launched = await launchBot(bot, { graphBaseUrl: context.service.ready.graphBaseUrl, probe: false });
  try {
    const user = benchUser('bench-cold');
    const client = new BotClient(launched.url);
    const firstTurnMs = await timed(async () => cardsOf(await client.say(user, `a:cold-${bot}-${start}`, 'list')).length || Promise.reject(new Error('no list card')));
    const sample = { bot, start, healthzMs: launched.healthyAfterMs, firstTurnMs, firstListMs: launched.healthyAfterMs + firstTurnMs };
    if (bot !== 'product') return sample;
    const firstAddTurnMs = await timed(async () => (await client.say(user, `a:cold-add-${start}`, 'add')).activities.length || Promise.reject(new Error('no answer to add')));
    return { ...sample, firstAddTurnMs };
  } finally {
    await launched.process.stop();
  }
}

const pairRatio = (samples: readonly ColdStartSample[], pick: (sample: ColdStartSample) => number): Spread =>
  spread(
    samples
      .filter((sample) => sample.bot === 'product')
      .map((sample) => {
        const floor = samples.find((other) => other.bot === 'floor' && other.start === sample.start);
        return floor ? pick(sample) / pick(floor) : Number.NaN;
      }),
  );

export async function measureColdStart(context: BenchContext): Promise<ColdStartFigures> {
  await context.profile.createMany(benchUser('bench-cold').aadObjectId, 20, ordinaryDraft);
  const samples: ColdStartSample[] = [];
  for (let start = 0; start < context.options.coldStarts; start++) {
    const order: BotKind[] = start % 2 === 0 ? ['floor', 'product'] : ['product', 'floor'];
    for (const bot of order) {
      const sample = await startOnce(context, bot, start);
      samples.push(sample);
      console.log(`  start ${start + 1}/${context.options.coldStarts} ${bot.padEnd(8)} /healthz after ${fixed(sample.healthzMs, 0)} ms, first list answered after ${fixed(sample.firstListMs, 0)} ms`);
    }
  }
  const of = (bot: BotKind): ColdStartFigures['product'] => {
    const mine = samples.filter((sample) => sample.bot === bot);
    return { healthzMs: spread(mine.map((s) => s.healthzMs)), firstTurnMs: spread(mine.map((s) => s.firstTurnMs)), firstListMs: spread(mine.map((s) => s.firstListMs)) };
  };
  return {
    starts: context.options.coldStarts,
    samples,
    product: of('product'),
    floor: of('floor'),
    healthzRatio: pairRatio(samples, (sample) => sample.healthzMs),
    firstListRatio: pairRatio(samples, (sample) => sample.firstListMs),
    productFirstAddTurnMs: spread(samples.flatMap((sample) => (sample.firstAddTurnMs === undefined ? [] : [sample.firstAddTurnMs]))),
  };
}

export function coldStartTargets(figures: ColdStartFigures): Target[] {
  return [
    {
      name: `cold start to /healthz ≤ ${HEALTHZ_RATIO_TARGET}× the floor bot's`,
      met: figures.healthzRatio.median <= HEALTHZ_RATIO_TARGET,
      detail: `${showSpread(figures.healthzRatio, 2)}× (product ${fixed(figures.product.healthzMs.median, 0)} ms, floor ${fixed(figures.floor.healthzMs.median, 0)} ms)`,
    },
    {
      name: `first list answered ≤ ${FIRST_LIST_RATIO_TARGET}× the floor bot's first answer (from spawn)`,
      met: figures.firstListRatio.median <= FIRST_LIST_RATIO_TARGET,
      detail: `${showSpread(figures.firstListRatio, 2)}× (product ${fixed(figures.product.firstListMs.median, 0)} ms, floor ${fixed(figures.floor.firstListMs.median, 0)} ms)`,
    },
  ];
}

export async function coldStartSection(context: BenchContext): Promise<Section> {
  const figures = await measureColdStart(context);
  const row = (name: string, bot: ColdStartFigures['product']): string => `| ${name} | ${showSpread(bot.healthzMs, 0)} | ${showSpread(bot.firstTurnMs, 0)} | ${showSpread(bot.firstListMs, 0)} |`;
  const markdown = [
    `${figures.starts} fresh starts of each (\`node <entry>\`, alternating which starts first), medians with min–max. The first \`list\` is sent as soon as \`/healthz\` answers.`,
    '',
    '| bot | spawn → /healthz ms | first list turn ms | spawn → first list answered ms |',
    '| --- | ---: | ---: | ---: |',
    row('product (`src/index.js`, local mode)', figures.product),
    row('graph floor bot', figures.floor),
    `| **product ÷ floor** (per pair) | ${showSpread(figures.healthzRatio, 2)} | | ${showSpread(figures.firstListRatio, 2)} |`,
    '',
    `The product's first \`add\`, sent as soon as that list was answered (before the idle warm-up, so the turn loads the dialog library itself): ${showSpread(figures.productFirstAddTurnMs, 0)} ms. Once the bot has been idle for ${WARM_UP_QUIET_MS} ms after start it loads the library by itself, and a first \`add\` pays nothing extra.`,
  ];
  return { id: 'cold-start', title: 'Cold start', data: figures, markdown, targets: coldStartTargets(figures) };
}
