/**
 * The graph floor of the production shape: the least a bot deployed as the product is can do per user action.
 * A bare botbuilder `CloudAdapter` with the product's credentials-shaped settings behind restify (same body parser
 * and limit), which per turn:
 *
 * - validates the same inbound channel JWT (the SDK's own validation, against the same OpenID metadata);
 * - reads the state keys the product reads for that kind of activity, and writes the ones it writes, in the same
 *   Blob container (botbuilder's `BlobsStorage`, no conditional writes);
 * - takes the user's Graph token from the same shared, encrypted msal-node token cache in that container: one
 *   conditional read of that user's own item per turn (the product's key, `tokenCacheKeyFor`; downloaded only when
 *   it changed) and one silent lookup in msal's copy, no identity-provider call while the cache is warm;
 * - sends a typing activity and its one reply through the connector at the activity's `serviceUrl` as the product
 *   does (for a card action the reply is the invoke response), with the SDK's own connector token;
 * - makes the action's one Graph request, as `floorBot.ts` does (`floorGraph.ts`).
 *
 * No dialogs, Graph client library, templating or schema library. Settings are the product's own, parsed from the
 * same environment by the product's `loadConfig` (app credentials, channel OpenID metadata, Blob storage, token
 * cache key, Graph), and inbound requests are validated with the SDK settings the product builds from them
 * (`botFrameworkAuthenticationSettings`); `FLOOR_STATE_PLAN` (JSON, see `statePlan.ts`) names the state keys per
 * action, as the product was seen to use them.
 */
import crypto from 'node:crypto';
import { ConfidentialClientApplication, type AccountInfo } from '@azure/msal-node';
import { ContainerClient } from '@azure/storage-blob';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type StoreItems, type TurnContext } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { loadConfig } from '../src/config';
import { botFrameworkAuthenticationSettings } from '../src/edge/botFrameworkAuthentication';
import { blobNameOf } from '../src/storage/createIfAbsentBlobsStorage';
import { tokenCacheKeyFor } from '../src/storage/msalCachePlugin';
import { createBareServer, listenAndServe } from './botServerBasics';
import { CARD, createFloorGraph, minimalCard } from './floorGraph';
import { stateKeysFor, type StatePlan } from './statePlan';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`The production floor bot needs ${name}`);
  return value;
}

/** The product's settings, as its own `loadConfig` parses them, narrowed to the shape this floor is for. */
function productSettings() {
  const config = loadConfig(process.env, null);
  const { auth, storage } = config;
  if (!auth?.appPassword || !auth.tokenCacheEncryptionKey || storage.kind !== 'blob') {
    throw new Error('The production floor bot needs app credentials with a client secret, Blob storage and TOKEN_CACHE_ENCRYPTION_KEY');
  }
  return { auth, clientSecret: auth.appPassword, tokenCacheKey: auth.tokenCacheEncryptionKey, storage, graphBaseUrl: config.graph.baseUrl };
}

const settings = productSettings();
const { auth } = settings;
const plan = JSON.parse(setting('FLOOR_STATE_PLAN')) as StatePlan;
const storage = new BlobsStorage(settings.storage.connectionString, settings.storage.container);
const container = new ContainerClient(settings.storage.connectionString, settings.storage.container);
const cacheKey = Buffer.from(settings.tokenCacheKey, 'base64');
const graph = createFloorGraph(settings.graphBaseUrl);
const authorityEnvironment = new URL(auth.authorityHost).host;

interface StoredCache {
  readonly cipher?: { readonly iv: string; readonly tag: string; readonly data: string };
}

/** One user's copy of their token cache item: msal's in-memory cache of it and the eTag it was read at. */
interface UserCache {
  readonly key: string;
  readonly msal: ConfidentialClientApplication;
  eTag: string | undefined;
}

/** Kept for every user the floor serves (a benchmark's few hundred), so a 304 leaves msal's copy current. */
const userCaches = new Map<string, UserCache>();

function userCacheOf(objectId: string, tenantId: string): UserCache {
  const key = tokenCacheKeyFor({ objectId, tenantId });
  let cache = userCaches.get(key);
  if (!cache) {
    const msal = new ConfidentialClientApplication({
      auth: { clientId: auth.appId, authority: `${auth.authorityHost}/${auth.tenantId}`, clientSecret: settings.clientSecret },
      system: { loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
    });
    cache = { key, msal, eTag: undefined };
    userCaches.set(key, cache);
  }
  return cache;
}

/**
 * One conditional read of the user's item per token lookup (`If-None-Match` with the eTag last read): while no one
 * changed it the store answers 304 with no body and msal's in-memory copy is current; only a changed item is
 * downloaded, decrypted (AES-256-GCM, the storage key as associated data) and loaded. The blob is the one
 * botbuilder's BlobsStorage names for the key (JSON of the item).
 */
async function refreshUserCache(cache: UserCache): Promise<void> {
  let text: string;
  try {
    const blob = container.getBlobClient(blobNameOf(cache.key));
    const download = await blob.download(0, undefined, cache.eTag ? { conditions: { ifNoneMatch: cache.eTag } } : {});
    const chunks: Buffer[] = [];
    for await (const chunk of download.readableStreamBody ?? []) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
    cache.eTag = download.etag;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 304) return;
    throw error;
  }
  const cipher = (JSON.parse(text) as StoredCache).cipher;
  if (!cipher) return;
  const decipher = crypto.createDecipheriv('aes-256-gcm', cacheKey, Buffer.from(cipher.iv, 'base64'));
  decipher.setAAD(Buffer.from(cache.key));
  decipher.setAuthTag(Buffer.from(cipher.tag, 'base64'));
  cache.msal.getTokenCache().deserialize(Buffer.concat([decipher.update(Buffer.from(cipher.data, 'base64')), decipher.final()]).toString('utf8'));
}

/** The user's account as msal keys it (home account `<oid>.<tid>`), so one silent lookup is one cache read. */
function accountOf(objectId: string, tenantId: string): AccountInfo {
  return { homeAccountId: `${objectId}.${tenantId}`, environment: authorityEnvironment, tenantId, username: '', localAccountId: objectId };
}

async function graphToken(context: TurnContext): Promise<string> {
  const objectId = context.activity.from.aadObjectId ?? '';
  const tenantId = context.activity.conversation.tenantId ?? auth.tenantId;
  const cache = userCacheOf(objectId, tenantId);
  await refreshUserCache(cache);
  const result = await cache.msal.acquireTokenSilent({ account: accountOf(objectId, tenantId), scopes: [...auth.graphScopes] });
  if (!result?.accessToken) throw new Error('No token in the warm cache');
  return result.accessToken;
}

interface TurnState {
  /** Whether the product sends a typing activity for this action. */
  readonly typing: boolean;
  /** Writes the keys the product writes for this action, at the end of the turn. */
  save(): Promise<void>;
}

/** Reads the keys the product reads for this action, at the start of the turn. */
async function readState(context: TurnContext): Promise<TurnState> {
  const keys = stateKeysFor(plan, context.activity);
  const read = keys.read.length > 0 ? await storage.read(keys.read) : {};
  const save = async (): Promise<void> => {
    if (keys.write.length === 0) return;
    const changes: StoreItems = {};
    for (const key of keys.write) changes[key] = { ...(read[key] as object | undefined), lastActivity: context.activity.id, eTag: '*' };
    await storage.write(changes);
  };
  return { typing: keys.typing, save };
}

class ProductionFloorBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const state = await readState(context);
      const [, token] = await Promise.all([state.typing ? context.sendActivity({ type: 'typing' }) : undefined, graphToken(context)]);
      const answer = await graph.list(token);
      const items = (answer.body as { value?: unknown[] } | undefined)?.value;
      if (answer.status !== 200 || !Array.isArray(items)) await context.sendActivity(`Graph answered HTTP ${answer.status}`);
      else await context.sendActivity({ attachments: [{ contentType: CARD, content: minimalCard(`You have ${items.length} interests.`) }] });
      await state.save();
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const send = graph.cardRequests[invokeValue.action.verb];
    if (!send) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { message: `The floor bot has no mode for ${invokeValue.action.verb}` } };
    const state = await readState(context);
    const [, token] = await Promise.all([state.typing ? context.sendActivity({ type: 'typing' }) : undefined, graphToken(context)]);
    const answer = await send(token, (invokeValue.action.data ?? {}) as Record<string, unknown>);
    await state.save();
    if (answer.status >= 300) return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { message: `Graph answered HTTP ${answer.status}` } };
    const name = (answer.body as { displayName?: unknown } | undefined)?.displayName;
    return { statusCode: 200, type: CARD, value: minimalCard(typeof name === 'string' ? name : 'Done.') };
  }
}

async function main(): Promise<void> {
  // The SDK's own authentication with the product's settings, without the product's reuse of connector clients.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(botFrameworkAuthenticationSettings(auth)));
  const bot = new ProductionFloorBot();
  const server = createBareServer('production-floor-bot');
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await listenAndServe(server);
}

main().catch((error: unknown) => {
  console.error('The production floor bot failed to start', error);
  process.exit(1);
});
