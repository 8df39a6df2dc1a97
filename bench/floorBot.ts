/**
 * The graph floor: the least a bot on this stack can do for each user action. A bare botbuilder `CloudAdapter`
 * behind restify that makes exactly ONE keep-alive request to the profile service, with the URL shape and the
 * development token the product uses, and answers a minimal card. One process, a mode per request kind:
 *
 * - a message                          → GET  /me/profile/interests?$top=100 (what `list` asks for)
 * - `interest.open` card action         → GET  /me/profile/interests/{id}
 * - `interest.save` card action         → PATCH /me/profile/interests/{id} with the new description
 * - `interest.saveTags` card action     → PATCH /me/profile/interests/{id} with the new tags
 *
 * The load generator sends the product and this bot the very same activities. Nothing else is loaded: no dialogs,
 * no state, no Graph client library, no templating, no schema library.
 *
 * With `FLOOR_LIST_CARD_FILE` set (`listCardCost.ts`), a message is answered with the card in that file, the
 * product's own list card, instead of the minimal one: the same one request, the same card back.
 */
import fs from 'node:fs';
import http from 'node:http';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { mintDevToken } from '../src/auth/devToken';
import { createBareServer, listenAndServe } from './botServerBasics';

const CARD = 'application/vnd.microsoft.card.adaptive';
const INTERESTS_PATH = '/me/profile/interests';
/** The page size the product asks for when listing, so both read the same bytes. */
const LIST_QUERY = '?$top=100';
const GRAPH_TIMEOUT_MS = 10_000;
const graphBaseUrl = (process.env.GRAPH_BASE_URL ?? '').replace(/\/+$/, '');
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface GraphAnswer {
  readonly status: number;
  readonly body: unknown;
}

function graph(context: TurnContext, method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<GraphAnswer> {
  const { from } = context.activity;
  const token = mintDevToken({ oid: from.aadObjectId ?? from.id, ...(from.name ? { name: from.name } : {}) });
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

/** Read once at start, so answering with it costs what sending those bytes costs, nothing more. */
const listCard: unknown = process.env.FLOOR_LIST_CARD_FILE ? JSON.parse(fs.readFileSync(process.env.FLOOR_LIST_CARD_FILE, 'utf8')) : undefined;

const itemPath = (data: Record<string, unknown>): string => `${INTERESTS_PATH}/${encodeURIComponent(String(data.interestId))}`;
const tagsOf = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').filter(Boolean) : []);

/** One request per card verb; a verb the floor does not know is an error, so a renamed verb cannot pass unnoticed. */
const CARD_REQUESTS: Readonly<Record<string, (context: TurnContext, data: Record<string, unknown>) => Promise<GraphAnswer>>> = {
  'interest.open': (context, data) => graph(context, 'GET', itemPath(data)),
  'interest.save': (context, data) => graph(context, 'PATCH', itemPath(data), { description: data.description }),
  'interest.saveTags': (context, data) => graph(context, 'PATCH', itemPath(data), { collaborationTags: tagsOf(data.collaborationTags) }),
};

class FloorBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const answer = await graph(context, 'GET', `${INTERESTS_PATH}${LIST_QUERY}`);
      const items = (answer.body as { value?: unknown[] } | undefined)?.value;
      if (answer.status !== 200 || !Array.isArray(items)) await context.sendActivity(`Graph answered HTTP ${answer.status}`);
      else await context.sendActivity({ attachments: [{ contentType: CARD, content: listCard ?? minimalCard(`You have ${items.length} interests.`) }] });
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const send = CARD_REQUESTS[invokeValue.action.verb];
    if (!send) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { message: `The floor bot has no mode for ${invokeValue.action.verb}` } };
    const answer = await send(context, (invokeValue.action.data ?? {}) as Record<string, unknown>);
    if (answer.status >= 300) return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { message: `Graph answered HTTP ${answer.status}` } };
    const name = (answer.body as { displayName?: unknown } | undefined)?.displayName;
    return { statusCode: 200, type: CARD, value: minimalCard(typeof name === 'string' ? name : 'Done.') };
  }
}

async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new FloorBot();
  const server = createBareServer('graph-floor-bot');
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await listenAndServe(server);
}

main().catch((error: unknown) => {
  console.error('The graph floor bot failed to start', error);
  process.exit(1);
});
