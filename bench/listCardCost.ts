/**
 * Where `list`'s gap to its graph floor goes. The graph floor answers with a minimal card; the product answers with
 * a page of ten rows (about 7 KB with the typing indicator), which the bot serializes and the load generator, on the
 * same cores, reads. Here the product runs beside a second floor bot that makes the same one request but answers
 * with the product's own list card (`FLOOR_LIST_CARD_FILE`, captured from the product at the start): the same card
 * back (the product's typing indicator aside), so what is left between the two is the product's own work per turn.
 * A figure, not a target: the targets compare with the minimal card. Each pair runs back to back, which one goes
 * first alternating from round to round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchUser, BotClient, cardsOf } from './botClient';
import type { BenchContext } from './context';
import { runLoad } from './load';
import { launchBot, type LaunchedBot } from './processes';
import { floorId, THROUGHPUT_TARGETS, typicalUser, type BenchTarget } from './scenarios';
import type { Section } from './section';
import { fixed, showSpread } from './stats';
import { loadedBot, measureRun, roundOrder, summarize, type LoadedBot, type RunSample, type TargetSummary } from './throughput';

/** Where the two differ most: the load is CPU-bound at these levels (at c=1 the turn waits on the network). */
const LEVELS: readonly number[] = [8, 32];
const FRESH_PROCESS_WARMUP_MS = 3_000;

export interface ListCardCostFigures {
  readonly cardBytes: number;
  readonly rounds: number;
  readonly samples: RunSample[];
  readonly summaries: TargetSummary[];
}

function listTargets(): [BenchTarget, BenchTarget] {
  const product = THROUGHPUT_TARGETS.find((target) => target.id === 'list');
  const floor = THROUGHPUT_TARGETS.find((target) => target.id === floorId('list'));
  if (!product || !floor) throw new Error('The throughput targets have no list or list floor');
  return [{ ...floor, label: 'graph floor answering with the list card' }, product];
}

/** The product's list card for a user with a typical number of interests, as the floor will send it. */
async function capturedListCard(context: BenchContext): Promise<unknown> {
  const { key } = typicalUser(context.users);
  const card = cardsOf(await context.clients.product.say(benchUser(key), `a:${key}`, 'list'))[0];
  if (card === undefined) throw new Error('The product answered list without a card');
  return card;
}

export async function measureListCardCost(context: BenchContext): Promise<ListCardCostFigures> {
  const card = JSON.stringify(await capturedListCard(context));
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-list-card-'));
  let floor: LaunchedBot | undefined;
  try {
    const file = path.join(directory, 'list-card.json');
    fs.writeFileSync(file, card);
    floor = await launchBot('floor', { graphBaseUrl: context.service.ready.graphBaseUrl, probe: true, env: { FLOOR_LIST_CARD_FILE: file } });
    const targets = listTargets();
    const sameCardFloor: LoadedBot = { client: new BotClient(floor.url), process: floor.process };
    const pair: [BenchTarget, LoadedBot][] = [
      [targets[0], sameCardFloor],
      [targets[1], loadedBot(context, 'product')],
    ];
    // The floor process is new, and the product is as fresh when this section runs alone (`--only`): a longer burst
    // on each first, so no round measures a cold process against a warm one.
    for (const [target, loaded] of pair) {
      await runLoad({ concurrency: LEVELS[0] ?? 8, durationMs: FRESH_PROCESS_WARMUP_MS, maxTurns: context.options.maxTurns }, target.makeStep(loaded.client, context.users, 'warm-up'));
    }
    const samples: RunSample[] = [];
    for (let round = 0; round < context.options.rounds; round++) {
      for (const [levelIndex, concurrency] of LEVELS.entries()) {
        for (const [position, [target, loaded]] of roundOrder([pair], round + levelIndex, 0).entries()) {
          const sample = await measureRun(context, target, loaded, concurrency, round, position);
          samples.push(sample);
          console.log(`  round ${round + 1}/${context.options.rounds} c=${String(concurrency).padStart(2)} ${target.id.padEnd(12)} ${fixed(sample.turnsPerSecond, 0).padStart(5)} turns/s  bot CPU ${fixed(sample.botCpuMsPerTurn, 2)} ms/turn`);
        }
      }
    }
    return { cardBytes: Buffer.byteLength(card), rounds: context.options.rounds, samples, summaries: summarize(samples, targets, LEVELS) };
  } finally {
    await floor?.process.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

export function listCardCostMarkdown(figures: ListCardCostFigures): string[] {
  const rows = LEVELS.map((concurrency) => {
    const of = (id: string): TargetSummary | undefined => figures.summaries.find((summary) => summary.target === id && summary.concurrency === concurrency);
    const product = of('list');
    const floor = of(floorId('list'));
    const pairOf = (pick: (summary: TargetSummary) => number): string => `${fixed(product ? pick(product) : Number.NaN, 2)} / ${fixed(floor ? pick(floor) : Number.NaN, 2)}`;
    return `| ${concurrency} | ${product?.vsFloor ? showSpread(product.vsFloor, 2) : '–'} | ${pairOf((summary) => summary.botCpuMsPerTurn.median)} | ${pairOf((summary) => summary.clientCpuMsPerTurn.median)} | ${(product?.errors ?? 0) + (floor?.errors ?? 0)} |`;
  });
  return [
    `The product's \`list\` against a graph floor that answers with the product's own list card (${figures.cardBytes} B) instead of a minimal one; ${figures.rounds} rounds, each pair back to back in alternating order. No target: with the same card on the wire (the product also sends its typing indicator), the ratio is the product's own work per turn.`,
    '',
    '| c | `list` × same-card floor | bot CPU ms/turn, product / floor | client CPU ms/turn, product / floor | errors |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}

export async function listCardCostSection(context: BenchContext): Promise<Section> {
  const figures = await measureListCardCost(context);
  return { id: 'list-card-cost', title: "List against a floor that answers with the product's list card", data: figures, markdown: listCardCostMarkdown(figures), targets: [] };
}
