/**
 * `npm run bench`: starts the local profile service, the bot (local mode) and a bare botbuilder + restify echo bot,
 * each in its own process on loopback; drives the bot and the echo floor with the same load; counts Graph and
 * identity-provider requests per action; measures the largest card and the bot's memory. Prints the figures and
 * writes them to bench-results/benchmark.{json,md}. Every loop is bounded; the run takes about two minutes.
 */
import path from 'node:path';
import { BotClient } from './botClient';
import { measureCardSizes } from './cardSizes';
import { startChild } from './childProcess';
import { countGraphRequests } from './graphCounts';
import { countIdentityCalls } from './identityCalls';
import { measureConversationMemory, toMiB } from './memory';
import { ProfileData } from './profileData';
import type { ProfileServiceReady } from './profileServiceProcess';
import { evaluateTargets, machineInfo, toMarkdown, writeReport, type BenchReport } from './report';
import { measureThroughput, seedListUsers } from './throughput';

const PLAN = { concurrencyLevels: [1, 8, 32], durationMs: 2_500, maxTurns: 20_000 } as const;
const RESULTS_DIR = path.resolve('bench-results');

async function main(): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  try {
    console.log('Starting the profile service, the bot and the echo bot (one process each)…');
    const service = await startChild<ProfileServiceReady>('profileServiceProcess.js', {});
    stops.push(service.stop);
    const botProcess = await startChild<{ url: string }>('botProcess.js', { graphBaseUrl: service.ready.graphBaseUrl });
    stops.push(botProcess.stop);
    const echoProcess = await startChild<{ url: string }>('echoBot.js', {});
    stops.push(echoProcess.stop);
    const bot = new BotClient(botProcess.ready.url);
    const echo = new BotClient(echoProcess.ready.url);
    const profile = new ProfileData(service.ready.url);

    console.log('Seeding users…');
    const users = await seedListUsers(profile, Math.max(...PLAN.concurrencyLevels));
    console.log('Throughput:');
    const throughput = await measureThroughput(bot, echo, users, PLAN);
    console.log('Graph requests per action…');
    const graphRequests = await countGraphRequests(bot, profile);
    console.log('Identity-provider calls…');
    const identityProvider = await countIdentityCalls(service.ready.graphBaseUrl, profile);
    console.log('Card sizes with 500 maximal interests…');
    const cards = await measureCardSizes(bot, profile);
    console.log('Memory after 10,000 conversations…');
    const conversationMemory = await measureConversationMemory(bot, botProcess);

    const partial: Omit<BenchReport, 'targets'> = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      throughput,
      graphRequests,
      identityProvider,
      cards,
      memory: {
        peakRssMiB: toMiB(conversationMemory.after.peakRssBytes),
        conversations: conversationMemory.conversations,
        rssAfterConversationsMiB: toMiB(conversationMemory.after.rssBytes),
        heapAfterConversationsMiB: toMiB(conversationMemory.after.heapUsedBytes),
        heapBeforeConversationsMiB: toMiB(conversationMemory.before.heapUsedBytes),
      },
    };
    const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
    console.log(`\n${toMarkdown(report)}`);
    const written = await writeReport(report, RESULTS_DIR);
    console.log(`Written to ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
    if (report.targets.some((target) => !target.met)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

main().catch((error: unknown) => {
  console.error(`The benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
