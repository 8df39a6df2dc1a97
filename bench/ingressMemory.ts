/**
 * Ingress under hostile bodies: a FRESH product process, its idle RSS, then four maximum-size bodies at once — a
 * 256 KB JSON activity and three gzip bodies of at most 256 KB that inflate to about 240 MB each — with peak RSS
 * sampled while they are handled and `/healthz` polled throughout. A bot that refuses compressed bodies, or
 * bounds what it inflates, stays near its idle figure and keeps answering.
 *
 * Bounded whatever the bot does: each request gives up after 30 s, and a bot whose RSS grows by more than
 * 1.5 GB is killed (the figure is then reported as at least that).
 */
import zlib from 'node:zlib';
import { WARM_UP_QUIET_MS } from '../src/edge/warmUpWhenIdle';
import { connectorEnvelope } from '../test/support/postActivity';
import { benchUser, BotClient } from './botClient';
import type { BenchContext } from './context';
import { request } from './httpClient';
import { launchBot, procMemory, resetPeakRss } from './processes';
import { ordinaryDraft } from './profileData';
import type { Section, Target } from './section';
import { fixed } from './stats';

/** The body limit the Bot Connector traffic fits in, and the product's. */
export const MAX_BODY_BYTES = 256 * 1024;
export const RSS_INCREASE_TARGET_BYTES = 50 * 1000 * 1000;
const KILL_ABOVE_IDLE_BYTES = 1500 * 1000 * 1000;
const REQUEST_TIMEOUT_MS = 30_000;
const HEALTHZ_EVERY_MS = 50;
const HEALTHZ_SLOW_MS = 1_000;
const SAMPLE_EVERY_MS = 10;
const BOMB_INFLATED_MIB = 240;
const MB = 1000 * 1000;

export interface BodyOutcome {
  readonly body: string;
  readonly bytesSent: number;
  /** HTTP status, or what went wrong (connection reset, timeout). */
  readonly outcome: string;
  readonly ms: number;
}

export interface IngressFigures {
  readonly idleRssBytes: number;
  readonly peakRssBytes: number;
  readonly increaseBytes: number;
  readonly killed: boolean;
  readonly bodies: BodyOutcome[];
  readonly healthz: { readonly polls: number; readonly failed: number; readonly slowestMs: number };
  /** Whether the process still runs and answers `/healthz` afterwards, and how it ended if not. */
  readonly aliveAfter: boolean;
  readonly exit: string | undefined;
}

/** A message activity padded to just under the limit (a field the bot ignores carries the padding). */
function maximalJson(): Buffer {
  const envelope = connectorEnvelope({
    type: 'message',
    text: 'list',
    from: benchUser('bench-ingress'),
    recipient: { id: '28:interests-bot', name: 'Interests' },
    conversation: { id: 'a:ingress', conversationType: 'personal' },
    channelData: { pad: '' },
  });
  const bare = Buffer.byteLength(JSON.stringify(envelope));
  (envelope.channelData as { pad: string }).pad = 'x'.repeat(MAX_BODY_BYTES - 64 - bare);
  return Buffer.from(JSON.stringify(envelope));
}

/** A gzip body under the limit that inflates to `BOMB_INFLATED_MIB` MiB (JSON that never ends, so never valid). */
async function gzipBomb(): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20, 'a');
  const gzip = zlib.createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (data: Buffer) => out.push(data));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.once('end', resolve);
    gzip.once('error', reject);
  });
  gzip.write('{"type":"message","text":"');
  for (let written = 0; written < BOMB_INFLATED_MIB; written++) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  const bomb = Buffer.concat(out);
  if (bomb.length > MAX_BODY_BYTES) throw new Error(`The gzip bomb came out at ${bomb.length} bytes, over the ${MAX_BODY_BYTES} limit`);
  return bomb;
}

async function send(url: string, body: Buffer, name: string, headers: Record<string, string>): Promise<BodyOutcome> {
  const started = performance.now();
  const outcome = await request({ method: 'POST', url: `${url}/api/messages`, headers: { 'Content-Type': 'application/json', ...headers }, body, timeoutMs: REQUEST_TIMEOUT_MS }).then(
    (answer) => `HTTP ${answer.status}`,
    (error: unknown) => (error instanceof Error ? (((error as NodeJS.ErrnoException).code ?? error.message) as string) : String(error)),
  );
  return { body: name, bytesSent: body.length, outcome, ms: performance.now() - started };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureIngressMemory(context: BenchContext): Promise<IngressFigures> {
  const json = maximalJson();
  const bomb = await gzipBomb();
  await context.profile.createMany(benchUser('bench-ingress').aadObjectId, 5, ordinaryDraft);
  const launched = await launchBot('product', { graphBaseUrl: context.service.ready.graphBaseUrl, probe: false });
  const { pid } = launched.process;
  try {
    // One ordinary turn first, then long enough for the bot's idle warm-up, so whatever it loads on first use or
    // once idle is in the idle figure, not in the increase.
    await new BotClient(launched.url).say(benchUser('bench-ingress'), 'a:ingress-warm', 'list');
    await sleep(WARM_UP_QUIET_MS + 1_000);
    const idle = procMemory(pid)?.rssBytes ?? Number.NaN;
    const kernelPeak = resetPeakRss(pid);

    let done = false;
    let sampledPeak = idle;
    let killed = false;
    const sampler = setInterval(() => {
      const now = procMemory(pid);
      if (!now) return;
      sampledPeak = Math.max(sampledPeak, now.rssBytes, kernelPeak ? now.peakRssBytes : 0);
      if (!killed && now.rssBytes - idle > KILL_ABOVE_IDLE_BYTES) {
        killed = true;
        launched.process.child.kill('SIGKILL');
      }
    }, SAMPLE_EVERY_MS);
    const health = { polls: 0, failed: 0, slowestMs: 0 };
    const poller = (async () => {
      while (!done) {
        const started = performance.now();
        const ok = await request({ method: 'GET', url: `${launched.url}/healthz`, timeoutMs: HEALTHZ_SLOW_MS }).then(
          (answer) => answer.status === 200,
          () => false,
        );
        const ms = performance.now() - started;
        health.polls += 1;
        health.slowestMs = Math.max(health.slowestMs, ms);
        if (!ok) health.failed += 1;
        await sleep(Math.max(0, HEALTHZ_EVERY_MS - ms));
      }
    })();

    const bodies = await Promise.all([
      send(launched.url, json, `JSON activity, ${Math.round(json.length / 1024)} KB`, {}),
      ...[1, 2, 3].map((n) => send(launched.url, bomb, `gzip bomb ${n}: ${Math.round(bomb.length / 1024)} KB → ${BOMB_INFLATED_MIB} MiB`, { 'Content-Encoding': 'gzip' })),
    ]);
    await sleep(300);
    done = true;
    await poller;
    clearInterval(sampler);
    const last = procMemory(pid);
    if (last && kernelPeak) sampledPeak = Math.max(sampledPeak, last.peakRssBytes);
    const aliveAfter = launched.process.running && (await request({ method: 'GET', url: `${launched.url}/healthz`, timeoutMs: HEALTHZ_SLOW_MS }).then((answer) => answer.status === 200, () => false));
    return {
      idleRssBytes: idle,
      peakRssBytes: sampledPeak,
      increaseBytes: sampledPeak - idle,
      killed,
      bodies,
      healthz: health,
      aliveAfter,
      exit: launched.process.exit,
    };
  } finally {
    await launched.process.stop();
  }
}

export function ingressTargets(figures: IngressFigures): Target[] {
  const increase = `${figures.killed ? 'more than ' : ''}${fixed(figures.increaseBytes / MB)} MB over ${fixed(figures.idleRssBytes / MB)} MB idle${figures.killed ? ' (killed)' : ''}`;
  return [
    { name: `four maximum-size bodies at once: peak RSS < ${RSS_INCREASE_TARGET_BYTES / MB} MB over idle`, met: !figures.killed && figures.increaseBytes < RSS_INCREASE_TARGET_BYTES, detail: increase },
    {
      name: '/healthz kept answering meanwhile, and the process survived',
      met: figures.healthz.failed === 0 && figures.aliveAfter,
      detail: `${figures.healthz.polls - figures.healthz.failed}/${figures.healthz.polls} polls answered within ${HEALTHZ_SLOW_MS} ms (slowest ${fixed(figures.healthz.slowestMs, 0)} ms); ${figures.aliveAfter ? 'still serving' : `process gone (${figures.exit ?? 'not answering'})`}`,
    },
  ];
}

export async function ingressMemorySection(context: BenchContext): Promise<Section> {
  const figures = await measureIngressMemory(context);
  const markdown = [
    `A fresh product process after one \`list\`: idle RSS ${fixed(figures.idleRssBytes / MB)} MB; peak while the four bodies were handled ${fixed(figures.peakRssBytes / MB)} MB (+${fixed(figures.increaseBytes / MB)} MB${figures.killed ? ', killed at the bound' : ''}). \`/healthz\` polled every ${HEALTHZ_EVERY_MS} ms: ${figures.healthz.polls} polls, ${figures.healthz.failed} failed or slower than ${HEALTHZ_SLOW_MS} ms, slowest ${fixed(figures.healthz.slowestMs, 0)} ms.`,
    '',
    '| body | bytes sent | answer | ms |',
    '| --- | ---: | --- | ---: |',
    ...figures.bodies.map((body) => `| ${body.body} | ${body.bytesSent} | ${body.outcome} | ${fixed(body.ms, 0)} |`),
  ];
  return { id: 'ingress-memory', title: 'Hostile bodies: memory and liveness', data: figures, markdown, targets: ingressTargets(figures) };
}
