/**
 * The graph floor of the production shape: the least a bot deployed as the product is can do per user action.
 * A bare botbuilder `CloudAdapter` with the product's credentials-shaped settings behind restify (same body parser
 * and limit), which per turn:
 *
 * - validates the same inbound channel JWT (the SDK's own validation, against the same OpenID metadata);
 * - reads the state keys the product reads for that kind of activity, and writes the ones it writes, in the same
 *   Blob container (botbuilder's `BlobsStorage`, no conditional writes);
 * - takes the user's Graph token from the same shared, encrypted msal-node token cache in that container: one
 *   conditional read of it per turn (downloaded only when it changed) and one silent lookup in msal's copy, no
 *   identity-provider call while the cache is warm;
 * - sends a typing activity and its one reply through the connector at the activity's `serviceUrl` as the product
 *   does (for a card action the reply is the invoke response), with the SDK's own connector token;
 * - makes the action's one Graph request, as `floorBot.ts` does.
 *
 * No dialogs, Graph client library, templating or schema library. Settings come from the environment the product
 * reads (`MICROSOFT_APP_*`, `BOT_OPENID_METADATA_URL`, `STORAGE_BLOB_*`, `TOKEN_CACHE_ENCRYPTION_KEY`,
 * `GRAPH_BASE_URL`); `FLOOR_STATE_PLAN` (JSON, see `statePlan.ts`) names the state keys per action, as the product
 * was seen to use them.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { ConfidentialClientApplication, type AccountInfo } from '@azure/msal-node';
import { ContainerClient } from '@azure/storage-blob';
import { ActivityHandler, CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type StoreItems, type TurnContext } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { AuthenticationConstants } from 'botframework-connector';
import { createBareServer, listenAndServe } from './botServerBasics';
import { stateKeysFor, type StatePlan } from './statePlan';

const CARD = 'application/vnd.microsoft.card.adaptive';
const INTERESTS_PATH = '/me/profile/interests';
const LIST_QUERY = '?$top=100';
const GRAPH_TIMEOUT_MS = 10_000;
const TOKEN_CACHE_KEY = 'msal/tokenCache';
const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`The production floor bot needs ${name}`);
  return value;
}

const appId = setting('MICROSOFT_APP_ID');
const tenantId = setting('MICROSOFT_APP_TENANT_ID');
const appPassword = setting('MICROSOFT_APP_PASSWORD');
const graphBaseUrl = setting('GRAPH_BASE_URL').replace(/\/+$/, '');
const graphScopes = (process.env.GRAPH_SCOPES ?? 'User.ReadWrite').split(/[\s,]+/).filter(Boolean);
const plan = JSON.parse(setting('FLOOR_STATE_PLAN')) as StatePlan;
const storage = new BlobsStorage(setting('STORAGE_BLOB_CONNECTION_STRING'), process.env.STORAGE_BLOB_CONTAINER ?? 'bot-state');
const cacheKey = Buffer.from(setting('TOKEN_CACHE_ENCRYPTION_KEY'), 'base64');
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface StoredCache {
  readonly cipher?: { readonly iv: string; readonly tag: string; readonly data: string };
}

const msal = new ConfidentialClientApplication({
  auth: { clientId: appId, authority: `${PUBLIC_AUTHORITY_HOST}/${tenantId}`, clientSecret: appPassword },
  system: { loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
});

/** The shared cache item as botbuilder's BlobsStorage names and stores it (JSON of the item). */
const cacheBlob = new ContainerClient(setting('STORAGE_BLOB_CONNECTION_STRING'), process.env.STORAGE_BLOB_CONTAINER ?? 'bot-state').getBlobClient(encodeURIComponent(TOKEN_CACHE_KEY));
let cacheETag: string | undefined;

/**
 * One conditional read of the shared cache per token lookup (`If-None-Match` with the eTag last read): while no one
 * changed it the store answers 304 with no body and msal's in-memory copy is current; only a changed cache is
 * downloaded, decrypted (AES-256-GCM, the storage key as associated data) and loaded.
 */
async function refreshSharedCache(): Promise<void> {
  let text: string;
  try {
    const download = await cacheBlob.download(0, undefined, cacheETag ? { conditions: { ifNoneMatch: cacheETag } } : {});
    const chunks: Buffer[] = [];
    for await (const chunk of download.readableStreamBody ?? []) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
    cacheETag = download.etag;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 304) return;
    throw error;
  }
  const cipher = (JSON.parse(text) as StoredCache).cipher;
  if (!cipher) return;
  const decipher = crypto.createDecipheriv('aes-256-gcm', cacheKey, Buffer.from(cipher.iv, 'base64'));
  decipher.setAAD(Buffer.from(TOKEN_CACHE_KEY));
  decipher.setAuthTag(Buffer.from(cipher.tag, 'base64'));
  msal.getTokenCache().deserialize(Buffer.concat([decipher.update(Buffer.from(cipher.data, 'base64')), decipher.final()]).toString('utf8'));
}

/** The user's account as msal keys it (home account `<oid>.<tid>`), so one silent lookup is one cache read. */
function accountOf(context: TurnContext): AccountInfo {
  const oid = context.activity.from.aadObjectId ?? '';
  return { homeAccountId: `${oid}.${tenantId}`, environment: new URL(PUBLIC_AUTHORITY_HOST).host, tenantId, username: '', localAccountId: oid };
}

async function graphToken(context: TurnContext): Promise<string> {
  await refreshSharedCache();
  const result = await msal.acquireTokenSilent({ account: accountOf(context), scopes: graphScopes });
  if (!result?.accessToken) throw new Error('No token in the warm cache');
  return result.accessToken;
}

interface GraphAnswer {
  readonly status: number;
  readonly body: unknown;
}

function graph(token: string, method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<GraphAnswer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<GraphAnswer>((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) });
    const outgoing = http.request(`${graphBaseUrl}${path}`, { method, headers, agent, timeout: GRAPH_TIMEOUT_MS }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: incoming.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('Graph timed out')));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const minimalCard = (text: string): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text, wrap: true }],
});

const itemPath = (data: Record<string, unknown>): string => `${INTERESTS_PATH}/${encodeURIComponent(String(data.interestId))}`;
const tagsOf = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').filter(Boolean) : []);

const CARD_REQUESTS: Readonly<Record<string, (token: string, data: Record<string, unknown>) => Promise<GraphAnswer>>> = {
  'interest.open': (token, data) => graph(token, 'GET', itemPath(data)),
  'interest.save': (token, data) => graph(token, 'PATCH', itemPath(data), { description: data.description }),
  'interest.saveTags': (token, data) => graph(token, 'PATCH', itemPath(data), { collaborationTags: tagsOf(data.collaborationTags) }),
};

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
      const answer = await graph(token, 'GET', `${INTERESTS_PATH}${LIST_QUERY}`);
      const items = (answer.body as { value?: unknown[] } | undefined)?.value;
      if (answer.status !== 200 || !Array.isArray(items)) await context.sendActivity(`Graph answered HTTP ${answer.status}`);
      else await context.sendActivity({ attachments: [{ contentType: CARD, content: minimalCard(`You have ${items.length} interests.`) }] });
      await state.save();
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const send = CARD_REQUESTS[invokeValue.action.verb];
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

/** The product's inbound settings (`src/edge/botFrameworkAuthentication.ts` names the same public-cloud values). */
function authentication(): ConfigurationBotFrameworkAuthentication {
  const metadata = process.env.BOT_OPENID_METADATA_URL;
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: 'SingleTenant',
    ...(metadata
      ? {
          ToBotFromChannelOpenIdMetadataUrl: metadata,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
        }
      : {}),
  });
}

async function main(): Promise<void> {
  const adapter = new CloudAdapter(authentication());
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
