/**
 * The graph floor: the least a bot on this stack can do for each user action. A bare botbuilder `CloudAdapter`
 * behind restify that makes exactly ONE keep-alive request to the profile service, with the URL shape and the
 * development token the product uses, and answers a minimal card. One process, a request per kind of activity
 * (`floorGraph.ts`, which the production-shaped floor shares).
 *
 * The load generator sends the product and this bot the very same activities. Nothing else is loaded: no dialogs,
 * no state, no Graph client library, no templating, no schema library.
 *
 * With `FLOOR_LIST_CARD_FILE` set (`listCardCost.ts`), a message is answered with the card in that file, the
 * product's own list card, instead of the minimal one: the same one request, the same card back.
 */
import fs from 'node:fs';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { mintDevToken } from '../src/auth/devToken';
import { createBareServer, listenAndServe } from './botServerBasics';
import { CARD, createFloorGraph, minimalCard } from './floorGraph';

const graph = createFloorGraph(process.env.GRAPH_BASE_URL ?? '');

/** The development token the product's local mode uses for the sender. */
function devTokenOf(context: TurnContext): string {
  const { from } = context.activity;
  return mintDevToken({ oid: from.aadObjectId ?? from.id, ...(from.name ? { name: from.name } : {}) });
}

/** Read once at start, so answering with it costs what sending those bytes costs, nothing more. */
const listCard: unknown = process.env.FLOOR_LIST_CARD_FILE ? JSON.parse(fs.readFileSync(process.env.FLOOR_LIST_CARD_FILE, 'utf8')) : undefined;

class FloorBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const answer = await graph.list(devTokenOf(context));
      const items = (answer.body as { value?: unknown[] } | undefined)?.value;
      if (answer.status !== 200 || !Array.isArray(items)) await context.sendActivity(`Graph answered HTTP ${answer.status}`);
      else await context.sendActivity({ attachments: [{ contentType: CARD, content: listCard ?? minimalCard(`You have ${items.length} interests.`) }] });
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const send = graph.cardRequests[invokeValue.action.verb];
    if (!send) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { message: `The floor bot has no mode for ${invokeValue.action.verb}` } };
    const answer = await send(devTokenOf(context), (invokeValue.action.data ?? {}) as Record<string, unknown>);
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
