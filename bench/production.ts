/**
 * The production shape: the product's real entry point started with credentials-shaped settings, against the local
 * stand-ins the tests use, beside a floor bot of the same shape (`productionFloorBot.ts`):
 *
 * - conversation state in Azure Blob Storage (Azurite), behind a pass-through that counts every storage round trip
 *   and the bytes written (`storageCounterProcess.ts`);
 * - Teams SSO tokens through msal-node on-behalf-of, the token cache shared through that storage, one encrypted item
 *   per user, and warm: it holds the benchmark users' tokens and 1,000 other users' items, as in a tenant; the public Entra host
 *   is routed to the local identity provider (`loopbackEntra.ts`), which also serves the channel's OpenID metadata;
 * - every activity carrying a channel JWT the bot validates, and normal delivery: replies go over HTTP to a Bot
 *   Connector stand-in in its own process (`connectorProcess.ts`), not back in the response.
 *
 * `list`, `open`, `save` and `tag` with the realistic load (users in turn), each back to back with its floor in
 * alternating order, in rotated rounds at c = 8 and 32, as the throughput section does. Reported per action:
 * turns/s, p50/p99, the per-round ratio to the floor (median), CPU per turn of the bot and of every stand-in (which
 * process was busiest), storage round trips and state bytes written per turn, connector POSTs and Graph requests
 * per turn. The floor copies the product's state keys and typing activity per action as seen on the wire in one
 * turn of each, before the measurement.
 */
import fs from 'node:fs';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { silentLogger } from '../src/logger';
import { createStorage } from '../src/storage/createStorage';
import { createSharedTokenCache } from '../src/storage/msalCachePlugin';
import { azuriteConnectionString, startAzurite, type RunningAzurite } from '../test/support/azurite';
import { nowSeconds } from '../test/support/jwt';
import { PUBLIC_AUTHORITY_HOST, startLocalIdentityProvider, type LocalIdentityProvider } from '../test/support/localIdentityProvider';
import { createLoopbackNetworkClient } from '../test/support/loopbackNetworkClient';
import { benchUser, BotClient, type ConnectorShape } from './botClient';
import type { ConnectorCount } from './connectorProcess';
import type { BenchContext } from './context';
import { request } from './httpClient';
import { runLoad } from './load';
import { launchBot, startStandIn, type BenchProcess, type LaunchedBot } from './processes';
import { actionInTurn, typicalUser, type ActionKind, type BenchTarget, type SeededUser } from './scenarios';
import type { Section, Target } from './section';
import { actionOf, observedPlan, type ObservedRequest, type StatePlan } from './statePlan';
import { fixed, showSpread, spread, type Spread } from './stats';
import { NO_STORAGE_REQUESTS, storagePerTurn, type StorageCounts } from './storageTraffic';
import { FLOOR_RATIO_TARGET, loadFigures, perRoundRatio, roundOrder, scheduleUnits, type RunSample } from './throughput';

const APP_ID = '5d0b9a52-3c1e-4f7a-8b6d-2e9f0c1a4b73';
const TENANT_ID = 'e4c7b1a9-6d2f-4a8e-9c3b-7f1d0e5a2b86';
const APP_SECRET = 'bench-production-secret';
const APPLICATION_ID_URI = `api://botid-${APP_ID}`;
/** Base64 of 32 fixed bytes: the token cache's encryption key (a benchmark value, not a secret). */
const TOKEN_CACHE_KEY = Buffer.alloc(32, 29).toString('base64');
const CONTAINER = 'bench-production';
const GRAPH_SCOPES = ['User.ReadWrite'];
/** Other users' entries in the token cache, as a tenant's bot holds them. */
export const OTHER_USERS_IN_CACHE = 1_000;
const WARMING_PARALLELISM = 8;
const LEVELS: readonly number[] = [8, 32];
const ACTIONS: readonly ActionKind[] = ['list', 'open', 'save', 'tag'];
/** A fresh process has more to warm up than one that ran for minutes; the product more than the floor. */
const FRESH_PROCESS_WARMUP_MS = 3_000;
/** A turn of the production shape not answered within this fails; far above any usable answer time. */
const TURN_TIMEOUT_MS = 10_000;
/**
 * A run where the bot kept up this badly (p50 above it, or more turns failed than succeeded) ends the measuring of
 * that action at that concurrency and above: more rounds would only queue work for minutes, and the figure is clear.
 */
const GIVE_UP_P50_MS = 5_000;
/** After a run, the bot may still be working on turns its clients gave up on: wait until it is quiet, this long at most. */
const SETTLE_BOUND_MS = 30_000;
const QUIET_CPU_MS_PER_250_MS = 25;

export const productionId = (action: ActionKind): string => `production:${action}`;
export const productionFloorId = (action: ActionKind): string => `production-floor:${action}`;

/** Everything outside the bots: storage (and its counter), the identity provider, the connector. */
interface ProductionStand {
  readonly azurite: RunningAzurite;
  readonly storageCounter: BenchProcess;
  readonly storageCounterUrl: string;
  readonly connector: BenchProcess;
  readonly serviceUrl: string;
  readonly idp: LocalIdentityProvider;
  /** The settings both bots start with (the floor reads the same ones). */
  readonly botEnv: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

async function startStand(): Promise<ProductionStand> {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const closeOne of closers.reverse()) await closeOne().catch(() => undefined);
  };
  try {
    const azurite = await startAzurite();
    closers.push(() => azurite.stop());
    const counter = await startStandIn<{ url: string }>('storage counter', 'storageCounterProcess.js', { STORAGE_TARGET: `http://127.0.0.1:${azurite.port}` });
    closers.push(() => counter.process.stop());
    const connector = await startStandIn<{ serviceUrl: string }>('connector stand-in', 'connectorProcess.js');
    closers.push(() => connector.process.stop());
    const idp = await startLocalIdentityProvider({ clientId: APP_ID, applicationIdUri: APPLICATION_ID_URI, appCredentials: { secret: APP_SECRET } });
    closers.push(() => idp.close());
    const botEnv = {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: APP_SECRET,
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      SSO_APPLICATION_ID_URI: APPLICATION_ID_URI,
      BOT_DOMAIN: 'bot.example.test',
      BOT_OPENID_METADATA_URL: idp.channelOpenIdMetadataUrl,
      GRAPH_SCOPES: GRAPH_SCOPES.join(' '),
      STORAGE_KIND: 'blob',
      STORAGE_BLOB_CONNECTION_STRING: azuriteConnectionString(Number(new URL(counter.ready.url).port)),
      STORAGE_BLOB_CONTAINER: CONTAINER,
      TOKEN_CACHE_ENCRYPTION_KEY: TOKEN_CACHE_KEY,
      BENCH_ENTRA_URL: idp.url,
    };
    return { azurite, storageCounter: counter.process, storageCounterUrl: counter.ready.url, connector: connector.process, serviceUrl: connector.ready.serviceUrl, idp, botEnv, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Fills the shared token cache the way sign-ins would: an on-behalf-of exchange at the identity provider for each of
 * `oids` and `others` more users, each in a msal-node application of its own with the product's cache plugin for
 * that user, so each user's tokens are written, encrypted, to their own item as the product stores them. Returns the
 * number of users and the size of their serialized caches together.
 */
async function warmTokenCache(stand: ProductionStand, oids: readonly string[], others: number): Promise<{ users: number; serializedBytes: number }> {
  const storage = await createStorage({ kind: 'blob', connectionString: stand.azurite.connectionString, container: CONTAINER }, silentLogger);
  const sharedCache = createSharedTokenCache({ storage, encryptionKey: Buffer.from(TOKEN_CACHE_KEY, 'base64'), logger: silentLogger });
  const everyone = [...oids, ...Array.from({ length: others }, (_, index) => `aad-tenant-colleague-${index}`)];
  let serializedBytes = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < everyone.length) {
      const oid = everyone[next] ?? '';
      next += 1;
      const msal = new ConfidentialClientApplication({
        auth: { clientId: APP_ID, authority: `${PUBLIC_AUTHORITY_HOST}/${TENANT_ID}`, clientSecret: APP_SECRET },
        cache: { cachePlugin: sharedCache.forUser({ objectId: oid, tenantId: TENANT_ID }) },
        system: { networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, stand.idp.url), loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
      });
      const assertion = stand.idp.issueSsoToken({ oid, tid: TENANT_ID, name: `User ${oid}` });
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: GRAPH_SCOPES });
      if (!result?.accessToken) throw new Error(`No on-behalf-of token for ${oid}`);
      serializedBytes += Buffer.byteLength(msal.getTokenCache().serialize());
    }
  };
  await Promise.all(Array.from({ length: WARMING_PARALLELISM }, worker));
  return { users: everyone.length, serializedBytes };
}

/** A client speaking as Teams does in production: the channel token on every request, replies to the connector. */
function productionClient(stand: ProductionStand, bot: LaunchedBot): BotClient {
  const token = stand.idp.issueChannelToken({ iss: stand.idp.channelIssuer, aud: APP_ID, serviceurl: stand.serviceUrl, nbf: nowSeconds() - 10, exp: nowSeconds() + 6 * 3600 });
  const connector: ConnectorShape = { serviceUrl: stand.serviceUrl, authorization: `Bearer ${token}`, tenantId: TENANT_ID };
  return new BotClient(bot.url, { connector, timeoutMs: TURN_TIMEOUT_MS });
}

/** Waits until `bot` uses less than a tenth of a core (bounded), so no run inherits the previous one's leftover work. */
async function settle(bot: BenchProcess): Promise<void> {
  const giveUpAt = performance.now() + SETTLE_BOUND_MS;
  let before = await bot.cpuMicros().catch(() => Number.NaN);
  while (performance.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await bot.cpuMicros().catch(() => Number.NaN);
    if (now - before < QUIET_CPU_MS_PER_250_MS * 1000) return;
    before = now;
  }
}

/** Whether a run shows a bot that did not keep up (see `GIVE_UP_P50_MS`). */
export function didNotKeepUp(sample: Pick<RunSample, 'turns' | 'errors' | 'p50Ms'>): boolean {
  return sample.errors > sample.turns || sample.p50Ms > GIVE_UP_P50_MS;
}

async function storageCounts(stand: ProductionStand): Promise<StorageCounts> {
  const answer = await request({ method: 'GET', url: `${stand.storageCounterUrl}/_bench/counts`, timeoutMs: 5_000 });
  return JSON.parse(answer.body) as StorageCounts;
}

/** The requests the counter saw after its `after`-th. */
async function storageRequestsAfter(stand: ProductionStand, after: number): Promise<ObservedRequest[]> {
  const answer = await request({ method: 'GET', url: `${stand.storageCounterUrl}/_bench/recent`, timeoutMs: 5_000 });
  return (JSON.parse(answer.body) as (ObservedRequest & { seq: number })[]).filter((seen) => seen.seq > after);
}

/** What the connector accepted since the last call (and forgets it). */
function connectorPosts(stand: ProductionStand): Promise<ConnectorCount['connectorCount']> {
  const { child } = stand.connector;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The connector stand-in did not answer')), 5_000);
    const listener = (message: unknown): void => {
      const count = (message as Partial<ConnectorCount>).connectorCount;
      if (!count) return;
      clearTimeout(timer);
      child.off('message', listener);
      resolve(count);
    };
    child.on('message', listener);
    child.send({ connector: 'count' });
  });
}

/** CPU time (µs) of a process without the probe, from /proc (clock ticks of 10 ms). */
function procCpuMicros(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are the 14th and 15th fields; the split above starts at the 3rd.
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
  } catch {
    // No /proc (not Linux), or the process is gone: the figure is unknown.
    return Number.NaN;
  }
}

/** The product's action, or its floor, as a throughput target with its own users-in-turn rotation. */
function productionBenchTargets(): BenchTarget[] {
  return ACTIONS.flatMap((action): BenchTarget[] => [
    { id: productionFloorId(action), label: `production floor: ${action}`, bot: 'floor', makeStep: actionInTurn(action) },
    { id: productionId(action), label: `${action} (production shape)`, bot: 'product', action, floor: productionFloorId(action), makeStep: actionInTurn(action) },
  ]);
}

export interface ProductionSample extends RunSample {
  readonly azuriteCpuMsPerTurn: number;
  readonly storageCounterCpuMsPerTurn: number;
  readonly connectorCpuMsPerTurn: number;
  readonly storage: StorageCounts;
  readonly connectorPostsPerTurn: number;
  readonly graphRequestsPerTurn: number;
}

interface ProductionBot {
  readonly client: BotClient;
  readonly process: BenchProcess;
}

async function measureProductionRun(context: BenchContext, stand: ProductionStand, target: BenchTarget, bot: ProductionBot, concurrency: number, round: number, position: number): Promise<ProductionSample> {
  const { options } = context;
  const step = target.makeStep(bot.client, context.users, `p${round}c${concurrency}`);
  await runLoad({ concurrency, durationMs: options.warmupMs, maxTurns: options.maxTurns }, step);
  await connectorPosts(stand);
  await context.profile.resetStats();
  const service = context.service.process;
  // A bot whose event loop is stalled may not answer the probe in time: its figure is then unknown, not the run.
  const probe = (of: BenchProcess): Promise<number> => of.cpuMicros().catch(() => Number.NaN);
  const cpu = async (): Promise<number[]> => [await probe(bot.process), await probe(service), procCpuMicros(stand.azurite.pid), await probe(stand.storageCounter), await probe(stand.connector)];
  const [storageBefore, cpuBefore] = [await storageCounts(stand), await cpu()];
  const clientBefore = process.cpuUsage();
  const run = await runLoad({ concurrency, durationMs: options.durationMs, maxTurns: options.maxTurns }, step);
  const clientCpu = process.cpuUsage(clientBefore);
  const [cpuAfter, storageAfter, posts, graphRequests] = [await cpu(), await storageCounts(stand), await connectorPosts(stand), await context.profile.requestCount()];
  await settle(bot.process);
  const perTurn = (index: number): number => (run.turns > 0 ? ((cpuAfter[index] ?? Number.NaN) - (cpuBefore[index] ?? Number.NaN)) / 1000 / run.turns : Number.NaN);
  const turns = run.turns > 0 ? run.turns : Number.NaN;
  // What a turn asks of Graph, storage and the connector is counted for every turn started, answered in time or not.
  const attempted = run.turns + run.errors > 0 ? run.turns + run.errors : Number.NaN;
  return {
    ...loadFigures(target.id, concurrency, round, position, run),
    botCpuMsPerTurn: perTurn(0),
    serviceCpuMsPerTurn: perTurn(1),
    azuriteCpuMsPerTurn: perTurn(2),
    storageCounterCpuMsPerTurn: perTurn(3),
    connectorCpuMsPerTurn: perTurn(4),
    clientCpuMsPerTurn: (clientCpu.user + clientCpu.system) / 1000 / turns,
    storage: storagePerTurn(storageBefore, storageAfter, attempted),
    connectorPostsPerTurn: posts.accepted / attempted,
    graphRequestsPerTurn: graphRequests / attempted,
  };
}

/**
 * One turn of each action on the product, a second time for the same user (so state exists, as for a returning
 * user): the state keys it read and wrote and whether it sent a typing activity, for the floor to copy. Also checks
 * that the product found the user's token in the warm cache (one Graph request, no sign-in).
 */
/** One observed product turn: its time and what it asked of storage and the connector. */
export interface ObservedTurn {
  readonly ms: number;
  readonly graphRequests: number;
  readonly storage: StorageCounts;
  readonly connectorPosts: number;
}

async function observeProduct(context: BenchContext, stand: ProductionStand, productBot: ProductionBot, user: SeededUser): Promise<{ plan: StatePlan; turns: Record<ActionKind, ObservedTurn> }> {
  const product = productBot.client;
  const bench = benchUser(user.key);
  const conversation = `a:${user.key}`;
  const owner = { ownerId: bench.aadObjectId };
  const interestId = user.interestIds[0];
  const turns: Record<ActionKind, () => Promise<unknown>> = {
    list: () => product.say(bench, conversation, 'list'),
    open: () => product.act(bench, conversation, CARD_VERBS.openInterest, { ...owner, interestId }),
    save: () => product.act(bench, conversation, CARD_VERBS.saveInterest, { ...user.saveData, description: `Observed at ${new Date().toISOString()}.` }),
    tag: () => product.act(bench, conversation, CARD_VERBS.saveTags, { ...owner, interestId, tagsBefore: [], collaborationTags: 'wantsToLearn' }),
  };
  const activityOf: Record<ActionKind, { type: string; value?: unknown }> = {
    list: { type: 'message' },
    open: { type: 'invoke', value: { action: { verb: CARD_VERBS.openInterest } } },
    save: { type: 'invoke', value: { action: { verb: CARD_VERBS.saveInterest } } },
    tag: { type: 'invoke', value: { action: { verb: CARD_VERBS.saveTags } } },
  };
  const plan: Record<string, ReturnType<typeof observedPlan>> = {};
  const observed = {} as Record<ActionKind, ObservedTurn>;
  for (const action of ACTIONS) {
    await turns[action]();
    await settle(productBot.process);
    const storageBefore = await storageCounts(stand);
    await connectorPosts(stand);
    await context.profile.resetStats();
    const started = performance.now();
    const answer = await turns[action]();
    const ms = performance.now() - started;
    const graphRequests = await context.profile.requestCount();
    // A list without a Graph request answered with a sign-in card: the token was not found in the warm cache.
    if (action === 'list' && graphRequests === 0) throw new Error(`The product's list made no Graph request: it did not find the user's token in the warm cache (${JSON.stringify(answer).slice(0, 200)})`);
    const requests = await storageRequestsAfter(stand, storageBefore.requests);
    const posts = await connectorPosts(stand);
    observed[action] = { ms, graphRequests, storage: storagePerTurn(storageBefore, await storageCounts(stand), 1), connectorPosts: posts.accepted };
    const activity = { ...activityOf[action], channelId: 'msteams', conversation: { id: conversation }, from: { id: bench.id } };
    plan[actionOf(activity)] = observedPlan(requests, activity, (posts.byType.typing ?? 0) > 0);
  }
  return { plan, turns: observed };
}

export interface ProductionSummary {
  readonly target: string;
  readonly label: string;
  readonly action: ActionKind;
  readonly shape: 'product' | 'floor';
  readonly concurrency: number;
  readonly turnsPerSecond: Spread;
  readonly p50Ms: Spread;
  readonly p99Ms: Spread;
  readonly vsFloor: Spread | undefined;
  readonly botCpuMsPerTurn: Spread;
  /** Median CPU per turn of each stand-in and of the load generator. */
  readonly standInCpuMsPerTurn: { readonly azurite: number; readonly storageCounter: number; readonly connector: number; readonly profileService: number; readonly client: number };
  /** The process that used the most CPU per turn (median), and whether it is the bot. */
  readonly busiest: string;
  readonly storage: StorageCounts;
  readonly connectorPostsPerTurn: number;
  readonly graphRequestsPerTurn: number;
  readonly errors: number;
}

const medianOf = (samples: readonly ProductionSample[], pick: (sample: ProductionSample) => number): number => spread(samples.map(pick)).median;

/** Per target and concurrency: medians over the rounds, the per-round ratio to the floor, and which process was busiest. */
export function summarizeProduction(samples: readonly ProductionSample[], levels: readonly number[]): ProductionSummary[] {
  return ACTIONS.flatMap((action) =>
    (['floor', 'product'] as const).flatMap((shape) =>
      levels.map((concurrency): ProductionSummary => {
        const target = shape === 'product' ? productionId(action) : productionFloorId(action);
        const mine = samples.filter((sample) => sample.target === target && sample.concurrency === concurrency);
        const cpu = {
          bot: medianOf(mine, (sample) => sample.botCpuMsPerTurn),
          azurite: medianOf(mine, (sample) => sample.azuriteCpuMsPerTurn),
          storageCounter: medianOf(mine, (sample) => sample.storageCounterCpuMsPerTurn),
          connector: medianOf(mine, (sample) => sample.connectorCpuMsPerTurn),
          profileService: medianOf(mine, (sample) => sample.serviceCpuMsPerTurn),
          client: medianOf(mine, (sample) => sample.clientCpuMsPerTurn),
        };
        const busiest = Object.entries(cpu).reduce((most, entry) => (entry[1] > most[1] ? entry : most), ['bot', Number.NEGATIVE_INFINITY] as [string, number])[0];
        const storage = Object.fromEntries((Object.keys(NO_STORAGE_REQUESTS) as (keyof StorageCounts)[]).map((name) => [name, medianOf(mine, (sample) => sample.storage[name])])) as unknown as StorageCounts;
        return {
          target,
          label: shape === 'product' ? `${action} (production shape)` : `production floor: ${action}`,
          action,
          shape,
          concurrency,
          turnsPerSecond: spread(mine.map((sample) => sample.turnsPerSecond)),
          p50Ms: spread(mine.map((sample) => sample.p50Ms)),
          p99Ms: spread(mine.map((sample) => sample.p99Ms)),
          vsFloor: shape === 'product' ? perRoundRatio(samples, target, productionFloorId(action), concurrency) : undefined,
          botCpuMsPerTurn: spread(mine.map((sample) => sample.botCpuMsPerTurn)),
          standInCpuMsPerTurn: { azurite: cpu.azurite, storageCounter: cpu.storageCounter, connector: cpu.connector, profileService: cpu.profileService, client: cpu.client },
          busiest,
          storage,
          connectorPostsPerTurn: medianOf(mine, (sample) => sample.connectorPostsPerTurn),
          graphRequestsPerTurn: medianOf(mine, (sample) => sample.graphRequestsPerTurn),
          errors: mine.reduce((sum, sample) => sum + sample.errors, 0),
        };
      }),
    ),
  );
}

/** An action whose product runs stopped because the product did not keep up (see `GIVE_UP_P50_MS`). */
export interface GaveUp {
  readonly action: ActionKind;
  readonly concurrency: number;
  readonly round: number;
  readonly p50Ms: number;
  readonly turns: number;
  readonly errors: number;
}

export interface ProductionFigures {
  readonly gaveUp: readonly GaveUp[];
  readonly rounds: number;
  readonly durationMs: number;
  readonly levels: readonly number[];
  readonly tokenCache: { readonly users: number; readonly serializedBytes: number };
  /** What the floor copied from the product: state scopes read and written, typing, per action. */
  readonly plan: StatePlan;
  /** The product's observed turn of each action, one user at a time, before the rounds (a returning user's). */
  readonly singleTurns: Readonly<Record<ActionKind, ObservedTurn>> | undefined;
  readonly samples: ProductionSample[];
  readonly summaries: ProductionSummary[];
}

export function productionTargets(figures: ProductionFigures): Target[] {
  const ratios = ACTIONS.map((action): Target => {
    const rows = figures.summaries.filter((row) => row.action === action && row.shape === 'product');
    const errors = figures.summaries.filter((row) => row.action === action).reduce((sum, row) => sum + row.errors, 0);
    const given = figures.gaveUp.find((entry) => entry.action === action);
    const met = given === undefined && rows.length > 0 && rows.every((row) => (row.vsFloor?.median ?? Number.NaN) >= FLOOR_RATIO_TARGET) && errors === 0;
    const stopped = given ? `; stopped at c=${given.concurrency} in round ${given.round + 1}: the product did not keep up (p50 ${fixed(given.p50Ms, 0)} ms, ${given.turns} turns answered, ${given.errors} failed within ${TURN_TIMEOUT_MS / 1000} s)` : '';
    const detail = `${rows.map((row) => `c=${row.concurrency} ${row.vsFloor && Number.isFinite(row.vsFloor.median) ? `${showSpread(row.vsFloor, 2)}×` : 'not measured'}`).join(', ')}${errors ? `; ${errors} failed turns` : ''}${stopped}`;
    return { name: `${action}, production shape, ≥ ${FLOOR_RATIO_TARGET}× its floor at c=${rows.map((row) => row.concurrency).join('/')} (median of per-round ratios)`, met, detail };
  });
  // Judged on the product's turn alone and on the runs it kept up with: in a run it did not, requests its Graph
  // client retried after a turn was given up on say nothing about the action.
  const over = ACTIONS.flatMap((action) => {
    const kept = (id: string): number[] => figures.samples.filter((sample) => sample.target === id && !didNotKeepUp(sample)).map((sample) => sample.graphRequestsPerTurn);
    const single = figures.singleTurns?.[action].graphRequests;
    const product = Math.max(...[...kept(productionId(action)), ...(single === undefined ? [] : [single])].filter(Number.isFinite));
    const floor = Math.max(...kept(productionFloorId(action)).filter(Number.isFinite));
    return product > floor + 0.01 ? [`${action}: ${fixed(product, 2)} against ${fixed(floor, 2)}`] : [];
  });
  return [...ratios, { name: 'production shape: no action makes more Graph requests per turn than its floor', met: over.length === 0, detail: over.length ? over.join(', ') : 'none over' }];
}

const per = (value: number, digits = 2): string => fixed(value, digits);

function singleTurnsMarkdown(turns: Readonly<Record<ActionKind, ObservedTurn>>): string[] {
  return [
    "The product's turn of each action on its own (one user, nothing else running, before the rounds), as watched on the wire:",
    '',
    '| action | turn ms | Graph requests | storage round trips | state reads / writes / deletes | state bytes written | token-cache reads / writes | token-cache KiB read | other storage calls | connector POSTs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ACTIONS.map((action) => {
      const { ms, graphRequests, storage, connectorPosts: posts } = turns[action];
      return `| ${action} | ${fixed(ms, 0)} | ${graphRequests} | ${fixed(storage.requests, 0)} | ${fixed(storage.stateReads, 0)} / ${fixed(storage.stateWrites, 0)} / ${fixed(storage.stateDeletes, 0)} | ${fixed(storage.stateBytesWritten, 0)} | ${fixed(storage.tokenCacheReads, 0)} / ${fixed(storage.tokenCacheWrites, 0)} | ${fixed(storage.tokenCacheBytesRead / 1024, 0)} | ${fixed(storage.other, 0)} | ${posts} |`;
    }),
    '',
  ];
}

export function productionMarkdown(figures: ProductionFigures): string[] {
  const planText = Object.entries(figures.plan)
    .map(([action, plan]) => {
      const reads = [...plan.read, ...plan.otherReads.map((key) => `\`${key}\``)].join(', ') || 'nothing';
      const writes = [...plan.write, ...plan.otherWrites.map((key) => `\`${key}\``)].join(', ') || 'nothing';
      return `${action}: reads ${reads}, writes ${writes}${plan.typing ? ', typing' : ''}`;
    })
    .join('; ');
  return [
    `The product's entry point with app credentials, Blob state (Azurite, through a counting pass-through), Teams SSO through msal-node with the shared, encrypted token cache warm (${figures.tokenCache.users} users, one item each, ${Math.round(figures.tokenCache.serializedBytes / 1024)} KiB serialized in all), a channel JWT on every activity and replies to a connector stand-in over HTTP; beside it a floor bot of the same shape. Realistic load (users in turn). ${figures.rounds} rounds at c=${figures.levels.join(', ')}, ${figures.durationMs} ms per run, each action back to back with its floor in alternating order. Medians over the rounds; × floor is the median of per-round ratios (min–max).`,
    '',
    `State the floor copied from the product, per action as seen on the wire: ${planText}.`,
    '',
    '| target | c | turns/s | p50 ms | p99 ms | × floor | bot CPU ms/turn | busiest process | Azurite / counter / connector / profile service / client CPU ms/turn | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...figures.summaries.map((row) => {
      const standIns = row.standInCpuMsPerTurn;
      return `| ${row.label} | ${row.concurrency} | ${showSpread(row.turnsPerSecond, 0)} | ${showSpread(row.p50Ms)} | ${fixed(row.p99Ms.median)} | ${row.vsFloor ? showSpread(row.vsFloor, 2) : ''} | ${per(row.botCpuMsPerTurn.median)} | ${row.busiest} | ${per(standIns.azurite)} / ${per(standIns.storageCounter)} / ${per(standIns.connector)} / ${per(standIns.profileService)} / ${per(standIns.client)} | ${row.errors} |`;
    }),
    '',
    ...(figures.singleTurns ? singleTurnsMarkdown(figures.singleTurns) : []),
    'Per turn (medians over the rounds): storage round trips, state bytes written, token-cache reads and writes with their bytes, connector POSTs, Graph requests.',
    '',
    '| target | c | storage round trips | state reads / writes / deletes | state bytes written | token-cache reads / writes | token-cache KiB read / written | other storage calls | connector POSTs | Graph requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...figures.summaries.map(
      (row) =>
        `| ${row.label} | ${row.concurrency} | ${per(row.storage.requests)} | ${per(row.storage.stateReads)} / ${per(row.storage.stateWrites)} / ${per(row.storage.stateDeletes)} | ${fixed(row.storage.stateBytesWritten, 0)} | ${per(row.storage.tokenCacheReads)} / ${per(row.storage.tokenCacheWrites)} | ${fixed(row.storage.tokenCacheBytesRead / 1024, 0)} / ${fixed(row.storage.tokenCacheBytesWritten / 1024, 0)} | ${per(row.storage.other)} | ${per(row.connectorPostsPerTurn)} | ${per(row.graphRequestsPerTurn)} |`,
    ),
  ];
}

export async function measureProduction(context: BenchContext): Promise<ProductionFigures> {
  const { options } = context;
  const stand = await startStand();
  const bots: LaunchedBot[] = [];
  try {
    console.log(`  warming the token cache: ${context.users.length} benchmark users and ${OTHER_USERS_IN_CACHE} others…`);
    const tokenCache = await warmTokenCache(stand, context.users.map((user) => benchUser(user.key).aadObjectId), OTHER_USERS_IN_CACHE);
    const launch = async (kind: 'product' | 'production-floor', env: Readonly<Record<string, string>>): Promise<ProductionBot> => {
      const bot = await launchBot(kind, { graphBaseUrl: context.service.ready.graphBaseUrl, probe: true, env: { ...stand.botEnv, ...env }, preload: ['loopbackEntra.js'] });
      bots.push(bot);
      return { client: productionClient(stand, bot), process: bot.process };
    };
    const product = await launch('product', {});
    const observed = await observeProduct(context, stand, product, typicalUser(context.users));
    const { plan } = observed;
    const floor = await launch('production-floor', { FLOOR_STATE_PLAN: JSON.stringify(plan) });

    const targets = productionBenchTargets();
    const botOf = (target: BenchTarget): ProductionBot => (target.bot === 'product' ? product : floor);
    for (const target of targets) {
      await runLoad({ concurrency: 1, durationMs: FRESH_PROCESS_WARMUP_MS / ACTIONS.length, maxTurns: options.maxTurns }, target.makeStep(botOf(target).client, context.users, 'warm-up'));
      await settle(botOf(target).process);
    }
    const units = scheduleUnits(targets);
    const shift = Math.max(1, Math.floor(units.length / options.rounds));
    const samples: ProductionSample[] = [];
    const gaveUp: GaveUp[] = [];
    const skipped = (target: BenchTarget, concurrency: number): boolean => gaveUp.some((given) => given.action === target.action && concurrency >= given.concurrency) || gaveUp.some((given) => productionFloorId(given.action) === target.id && concurrency >= given.concurrency);
    for (let round = 0; round < options.rounds; round++) {
      for (const [levelIndex, concurrency] of LEVELS.entries()) {
        for (const [position, target] of roundOrder(units, round + levelIndex, shift).entries()) {
          if (skipped(target, concurrency)) continue;
          const sample = await measureProductionRun(context, stand, target, botOf(target), concurrency, round, position);
          samples.push(sample);
          if (target.action && didNotKeepUp(sample)) {
            gaveUp.push({ action: target.action, concurrency, round, p50Ms: sample.p50Ms, turns: sample.turns, errors: sample.errors });
            console.log(`  ${target.id} did not keep up at c=${concurrency} (p50 ${fixed(sample.p50Ms, 0)} ms, ${sample.errors} failed, ${sample.turns} answered): not measured further at c≥${concurrency}`);
          }
          console.log(
            `  round ${round + 1}/${options.rounds} c=${String(concurrency).padStart(2)} ${target.id.padEnd(24)} ${fixed(sample.turnsPerSecond, 0).padStart(5)} turns/s  p50 ${fixed(sample.p50Ms)} ms  bot CPU ${fixed(sample.botCpuMsPerTurn, 2)} ms/turn  storage ${fixed(sample.storage.requests, 1)}/turn${sample.errors ? `  (${sample.errors} errors)` : ''}`,
          );
        }
      }
    }
    return { rounds: options.rounds, durationMs: options.durationMs, levels: LEVELS, tokenCache, plan, singleTurns: observed.turns, gaveUp, samples, summaries: summarizeProduction(samples, LEVELS) };
  } finally {
    for (const bot of bots) await bot.process.stop();
    await stand.close();
  }
}

export async function productionSection(context: BenchContext): Promise<Section> {
  const figures = await measureProduction(context);
  return { id: 'production', title: 'Production shape: Blob state, SSO token cache, channel JWT, replies over HTTP', data: figures, markdown: productionMarkdown(figures), targets: productionTargets(figures) };
}
