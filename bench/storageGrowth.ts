/**
 * Storage growth under "exactly once" records with a short lifetime: a fresh product process (its real entry point,
 * local mode) on Azure Blob Storage (Azurite, the emulator, on loopback) with `STORAGE_RECORD_LIFETIME_SECONDS=5`,
 * then 10,000 card actions that each write an expiring record: delete (the undo snapshot), confirm (the delete's
 * answer) and undo (the restore's answer), in cycles over seeded interests, a few users at a time. The number of
 * blobs in the container is counted from the bench process every second, so the figure is the store's own, not
 * what the bot believes. Flat means the count late in the run is no higher than early in the run: what the bot
 * keeps depends on how fast records are written and how long they live, not on how many were ever written.
 */
import { ContainerClient } from '@azure/storage-blob';
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { ALL_RECORD_KINDS } from '../src/storage/onceKinds';
import { startAzurite } from '../test/support/azurite';
import { actionData, benchUser, type BotClient, BotClient as Client, invokeCard } from './botClient';
import type { BenchContext } from './context';
import { launchBot } from './processes';
import { ordinaryDraft } from './profileData';
import type { Section, Target } from './section';
import { fixed } from './stats';

/** Short, yet longer than a delete → confirm → undo cycle takes on a busy machine (the undo needs its snapshot). */
const LIFETIME_SECONDS = 5;
const CONCURRENCY = 16;
const SAMPLE_EVERY_MS = 1_000;
/** The count late in the run may exceed the early peak by this factor and still be flat (sampling and sweep timing). */
export const FLAT_FACTOR = 1.5;
const CONTAINER = 'bench-storage-growth';

export interface CountSample {
  /** Since the first action (ms); negative for the sample before it. */
  readonly atMs: number;
  readonly blobs: number;
  /** Blobs under the record kinds' prefixes (the rest is conversation and user state). */
  readonly records: number;
}

export interface StorageGrowthFigures {
  readonly storage: 'blob (Azurite)';
  readonly lifetimeSeconds: number;
  readonly concurrency: number;
  readonly actions: number;
  readonly failedActions: number;
  readonly durationMs: number;
  readonly samples: readonly CountSample[];
}

export interface StorageGrowthSummary {
  readonly start: number;
  readonly peak: number;
  readonly end: number;
  /** Highest count in the first and the last third of the run (by time). */
  readonly earlyPeak: number;
  readonly latePeak: number;
  readonly samplesPerThird: number;
}

export function summarizeGrowth(figures: StorageGrowthFigures): StorageGrowthSummary {
  const during = figures.samples.filter((sample) => sample.atMs >= 0 && sample.atMs <= figures.durationMs);
  const third = figures.durationMs / 3;
  const early = during.filter((sample) => sample.atMs <= third);
  const late = during.filter((sample) => sample.atMs >= figures.durationMs - third);
  const max = (samples: readonly CountSample[]): number => (samples.length ? Math.max(...samples.map((sample) => sample.blobs)) : Number.NaN);
  return {
    start: figures.samples[0]?.blobs ?? Number.NaN,
    peak: max(figures.samples),
    end: figures.samples.at(-1)?.blobs ?? Number.NaN,
    earlyPeak: max(early),
    latePeak: max(late),
    samplesPerThird: Math.min(early.length, late.length),
  };
}

/**
 * Flat: the highest count in the last third of the run is at most `FLAT_FACTOR` × the highest in the first third,
 * and so is the count at the end. Without expiry the count grows with every action (about 3× from the first third to
 * the end); with it, it levels off once the first records expire. Every action must succeed, and each third must
 * hold a few samples, or the comparison says nothing.
 */
export function storageGrowthTargets(figures: StorageGrowthFigures): Target[] {
  const summary = summarizeGrowth(figures);
  const bound = FLAT_FACTOR * summary.earlyPeak;
  const measured = summary.samplesPerThird >= 3 && figures.failedActions === 0;
  const flat = measured && summary.latePeak <= bound && summary.end <= bound;
  return [
    {
      name: `storage item count flat over ${figures.actions} actions (late and end ≤ ${FLAT_FACTOR}× the early peak)`,
      met: flat,
      detail: measured
        ? `early peak ${summary.earlyPeak}, late peak ${summary.latePeak}, end ${summary.end} (bound ${fixed(bound, 0)})`
        : `not measurable: ${figures.failedActions} failed actions, ${summary.samplesPerThird} samples in the shortest third`,
    },
  ];
}

async function countBlobs(container: ContainerClient): Promise<{ blobs: number; records: number }> {
  const prefixes = ALL_RECORD_KINDS.map((kind) => encodeURIComponent(kind.prefix.slice(0, -1)));
  let blobs = 0;
  let records = 0;
  for await (const page of container.listBlobsFlat().byPage({ maxPageSize: 5_000 })) {
    for (const blob of page.segment.blobItems) {
      blobs++;
      if (prefixes.some((prefix) => blob.name.startsWith(`${prefix}/`) || blob.name.startsWith(`${prefix}%2F`))) records++;
    }
  }
  return { blobs, records };
}

/** One user deleting and restoring one interest over and over: three actions, three records per cycle. */
async function cycle(bot: BotClient, key: string, interestId: string): Promise<string> {
  const user = benchUser(key);
  const conversation = `a:${key}`;
  const owner = { ownerId: user.aadObjectId };
  const confirm = invokeCard(await bot.act(user, conversation, CARD_VERBS.deleteInterest, { ...owner, interestId }));
  const deleted = invokeCard(await bot.act(user, conversation, CARD_VERBS.confirmDelete, actionData(confirm, CARD_VERBS.confirmDelete)));
  const restored = invokeCard(await bot.act(user, conversation, CARD_VERBS.undoDelete, actionData(deleted, CARD_VERBS.undoDelete)));
  // Undo re-creates the interest under a new id; the next cycle deletes that one.
  const next = actionData(restored, CARD_VERBS.deleteInterest).interestId;
  if (typeof next !== 'string') throw new Error('The restored card has no delete action with an interest id');
  return next;
}

export async function storageGrowthSection(context: BenchContext): Promise<Section> {
  const actions = context.options.quick ? 3_000 : 10_000;
  const azurite = await startAzurite();
  try {
    const bot = await launchBot('product', {
      graphBaseUrl: context.service.ready.graphBaseUrl,
      probe: false,
      env: {
        STORAGE_KIND: 'blob',
        STORAGE_BLOB_CONNECTION_STRING: azurite.connectionString,
        STORAGE_BLOB_CONTAINER: CONTAINER,
        STORAGE_RECORD_LIFETIME_SECONDS: String(LIFETIME_SECONDS),
      },
    });
    try {
      const client = new Client(bot.url);
      const container = new ContainerClient(azurite.connectionString, CONTAINER);
      const keys = Array.from({ length: CONCURRENCY }, (_, index) => `bench-growth-${index}`);
      const interests = await Promise.all(keys.map(async (key) => (await context.profile.createMany(benchUser(key).aadObjectId, 1, ordinaryDraft))[0] ?? ''));
      // Each user's conversation state exists before the count starts, so the start is the state the run keeps.
      await Promise.all(keys.map((key) => client.say(benchUser(key), `a:${key}`, 'help')));

      const samples: CountSample[] = [];
      const started = performance.now();
      samples.push({ atMs: -1, ...(await countBlobs(container)) });
      let running = true;
      let issued = 0;
      let failedActions = 0;
      const sampler = (async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
          samples.push({ atMs: performance.now() - started, ...(await countBlobs(container)) });
        }
      })();

      await Promise.all(
        keys.map(async (key, index) => {
          let interestId = interests[index] ?? '';
          while (issued < actions) {
            issued += 3;
            try {
              interestId = await cycle(client, key, interestId);
            } catch (error) {
              failedActions++;
              if (failedActions === 1) console.error(`  an action failed: ${error instanceof Error ? error.message : String(error)}`);
              // Start over from a fresh interest, so one failure does not stop this user.
              interestId = (await context.profile.createMany(benchUser(key).aadObjectId, 1, ordinaryDraft))[0] ?? '';
            }
          }
        }),
      );
      const durationMs = performance.now() - started;
      running = false;
      await sampler;
      samples.push({ atMs: performance.now() - started, ...(await countBlobs(container)) });

      const figures: StorageGrowthFigures = { storage: 'blob (Azurite)', lifetimeSeconds: LIFETIME_SECONDS, concurrency: CONCURRENCY, actions: issued, failedActions, durationMs, samples };
      const summary = summarizeGrowth(figures);
      const series = samples.map((sample) => sample.blobs).join(' ');
      return {
        id: 'storage-growth',
        title: `Storage items over ${issued} actions with ${LIFETIME_SECONDS} s record lifetimes (Blob on Azurite)`,
        data: { ...figures, summary },
        markdown: [
          `${issued} card actions (delete, confirm, undo; each writes one expiring record) by ${CONCURRENCY} users at once in ${fixed(durationMs / 1000)} s (${fixed(issued / (durationMs / 1000), 0)} actions/s), ${failedActions} failed; \`STORAGE_RECORD_LIFETIME_SECONDS=${LIFETIME_SECONDS}\`.`,
          '',
          '| blobs in the container | count |',
          '| --- | ---: |',
          `| at start (conversation and user state) | ${summary.start} |`,
          `| peak | ${summary.peak} |`,
          `| peak in the first third | ${summary.earlyPeak} |`,
          `| peak in the last third | ${summary.latePeak} |`,
          `| at the end | ${summary.end} |`,
          '',
          `Every ${SAMPLE_EVERY_MS / 1000} s: ${series}`,
        ],
        targets: storageGrowthTargets(figures),
      };
    } finally {
      await bot.process.stop();
    }
  } finally {
    await azurite.stop();
  }
}
