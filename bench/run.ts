/**
 * `npm run bench`: starts the local profile service, the product (its real entry point, local mode), the graph
 * floor bot and the echo bot, each in its own process on loopback, seeds users, then runs each measurement module
 * in turn. Prints the figures and writes bench-results/benchmark.{json,md}; exits 1 when a target is missed or a
 * measurement could not be made. Options: see options.ts (`npm run bench -- --quick`).
 */
import os from 'node:os';
import path from 'node:path';
import { BotClient } from './botClient';
import { bulkAddSection } from './bulkAdd';
import { cacheFriendlySection } from './cacheFriendly';
import { cardSizesSection } from './cardSizes';
import { coldStartSection } from './coldStart';
import { connectorDeliverySection } from './connectorDelivery';
import type { BenchContext } from './context';
import { graphCountsSection } from './graphCounts';
import { graphLatencySection } from './graphLatency';
import { helpersChatSection } from './helpersChat';
import { closeIdleSockets } from './httpClient';
import { identityCallsSection } from './identityCalls';
import { ingressMemorySection } from './ingressMemory';
import { languageCostSection } from './languageCost';
import { listCardCostSection } from './listCardCost';
import { memorySection } from './memory';
import { mentionTextSection } from './mentionText';
import { parseOptions } from './options';
import { productionSection } from './production';
import { killEveryProcess, launchBot, startProfileService, type BotKind, type LaunchedBot } from './processes';
import { ProfileData } from './profileData';
import { buildReport, toMarkdown, writeReport } from './report';
import { USER_COUNT } from './population';
import { seedUsers } from './scenarios';
import { storageGrowthSection } from './storageGrowth';
import type { Section } from './section';
import { throughputSection } from './throughput';

interface Measurement {
  readonly id: string;
  readonly what: string;
  run(context: BenchContext): Promise<Section>;
}

/**
 * Every measurement, in the order they run. A new one is a module returning a `Section` and a line here; the report
 * shows only the sections that ran (bulk add, a large group chat or storage growth join as modules of their own).
 */
const MEASUREMENTS: readonly Measurement[] = [
  { id: 'graph-requests', what: 'Graph requests per action', run: graphCountsSection },
  { id: 'helpers-chat', what: '"Who can help with" in a 60-member chat', run: helpersChatSection },
  { id: 'throughput', what: 'Throughput in rotated rounds, realistic load', run: throughputSection },
  { id: 'production', what: 'Production shape: Blob state, SSO token cache, channel JWT, replies over HTTP', run: productionSection },
  { id: 'cache-friendly', what: 'List with a cache-friendly load (not a target)', run: cacheFriendlySection },
  { id: 'list-card-cost', what: "List against a floor answering with the product's list card", run: listCardCostSection },
  { id: 'language', what: 'Bot CPU per list/open/save turn in German against English', run: languageCostSection },
  { id: 'graph-latency', what: 'Overhead over 150 ms of Graph latency', run: graphLatencySection },
  { id: 'connector-delivery', what: 'List with normal delivery over a connector 100 ms away and a slow Graph', run: connectorDeliverySection },
  { id: 'cold-start', what: 'Cold start', run: coldStartSection },
  { id: 'ingress-memory', what: 'Four maximum-size bodies at once on a fresh process', run: ingressMemorySection },
  { id: 'mention-text', what: 'A 16,000-character message of <at>', run: mentionTextSection },
  { id: 'identity-provider', what: 'Identity-provider calls', run: identityCallsSection },
  { id: 'card-sizes', what: 'Card sizes with 500 maximal interests', run: cardSizesSection },
  { id: 'bulk-add', what: 'Bulk add of 1, 20, 21 and 50 interests', run: bulkAddSection },
  { id: 'storage-growth', what: 'Storage items over 10,000 actions with short record lifetimes', run: storageGrowthSection },
  // Last: it leaves thousands of conversations in the product process.
  { id: 'conversation-memory', what: 'Memory after many conversations', run: memorySection },
];

const RESULTS_DIR = path.resolve('bench-results');
/** The whole run's bound: every wait inside is bounded too, this only catches what slips through. */
const RUN_BOUND_MS = 30 * 60_000;

async function runMeasurement(measurement: Measurement, context: BenchContext): Promise<Section> {
  const started = performance.now();
  console.log(`\n${measurement.what}…`);
  try {
    const section = await measurement.run(context);
    console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    return section;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`  could not be measured: ${reason}`);
    return { id: measurement.id, title: measurement.what, data: { error: reason }, markdown: [`Could not be measured: ${reason}`], targets: [{ name: `${measurement.what}: measured`, met: false, detail: reason }] };
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0] ?? Number.NaN;
  const chosen = MEASUREMENTS.filter((measurement) => !options.only || options.only.has(measurement.id));
  console.log(`Sections: ${chosen.map((measurement) => measurement.id).join(', ')}${options.quick ? ' (quick mode)' : ''}`);
  const stops: (() => Promise<void>)[] = [];
  try {
    console.log('Starting the profile service, the product, the graph floor bot and the echo bot (one process each)…');
    const service = await startProfileService();
    stops.push(() => service.process.stop());
    const launch = async (kind: BotKind): Promise<LaunchedBot> => {
      const bot = await launchBot(kind, { graphBaseUrl: service.ready.graphBaseUrl, probe: true });
      stops.push(() => bot.process.stop());
      return bot;
    };
    const bots = { product: await launch('product'), floor: await launch('floor'), echo: await launch('echo') };
    const clients = { product: new BotClient(bots.product.url), floor: new BotClient(bots.floor.url), echo: new BotClient(bots.echo.url) };
    const profile = new ProfileData(service.ready.url);
    console.log(`Seeding ${USER_COUNT} users, each with their own interests…`);
    const users = await seedUsers(profile, clients.product, USER_COUNT);
    const context: BenchContext = { options, service, profile, bots, clients, users };

    const sections: Section[] = [];
    for (const measurement of chosen) sections.push(await runMeasurement(measurement, context));

    const report = buildReport(sections, options, startedAt, loadAtStart);
    const markdown = toMarkdown(report, sections);
    console.log(`\n${markdown}`);
    const written = await writeReport(report, markdown, RESULTS_DIR);
    console.log(`Written to ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
    if (report.targets.some((target) => !target.met)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    closeIdleSockets();
  }
}

const bound = setTimeout(() => {
  console.error(`The benchmark did not finish within ${RUN_BOUND_MS / 60_000} minutes; stopping everything it started.`);
  killEveryProcess();
  process.exit(1);
}, RUN_BOUND_MS);
bound.unref();

main().catch((error: unknown) => {
  console.error(`The benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  killEveryProcess();
  process.exitCode = 1;
});
