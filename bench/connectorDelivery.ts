/**
 * Turn time with normal delivery, as in Teams: replies are POSTed to a Bot Connector stand-in that answers each one
 * 100 ms later, and Graph answers 150 ms late (the profile service's latency switch), so every round trip the bot
 * waits for shows in the turn. `list` one user at a time on the product (typing indicator, then the list card) and
 * on the graph floor bot (the card only); the HTTP answer to the activity comes after the turn's replies were sent.
 * The product sends its typing indicator alongside the Graph call (`startTyping`), so the indicator adds nothing
 * while Graph takes longer than the connector; sent first, it would add a whole connector round trip.
 */
import { startLocalConnector } from '../test/support/localConnector';
import { benchUser } from './botClient';
import type { BenchContext } from './context';
import { setGraphLatency, INJECTED_LATENCY_MS } from './graphLatency';
import { timed } from './load';
import { ordinaryDraft } from './profileData';
import type { Section } from './section';
import { fixed, showSpread, spread, type Spread } from './stats';

export const CONNECTOR_LATENCY_MS = 100;

interface DeliveryFigures {
  readonly connectorLatencyMs: number;
  readonly graphLatencyMs: number;
  readonly turns: number;
  readonly product: { readonly turnMs: Spread; readonly postsPerTurn: number };
  readonly floor: { readonly turnMs: Spread; readonly postsPerTurn: number };
}

export async function connectorDeliverySection(context: BenchContext): Promise<Section> {
  const connector = await startLocalConnector();
  try {
    connector.setLatency(CONNECTOR_LATENCY_MS);
    await setGraphLatency(context, INJECTED_LATENCY_MS);
    const turns = context.options.quick ? 5 : 15;
    const user = benchUser('bench-delivery');
    await context.profile.createMany(user.aadObjectId, 20, ordinaryDraft);
    const measure = async (bot: 'product' | 'floor'): Promise<DeliveryFigures['product']> => {
      const before = connector.posts.length;
      const times: number[] = [];
      // One turn first, so neither bot's first-use work is in the figures.
      for (let turn = 0; turn <= turns; turn++) {
        const ms = await timed(() => context.clients[bot].send(user, `a:delivery-${bot}`, { type: 'message', text: 'list' }, { serviceUrl: connector.serviceUrl, deliveryMode: 'normal' }));
        if (turn > 0) times.push(ms);
      }
      return { turnMs: spread(times), postsPerTurn: (connector.posts.length - before) / (turns + 1) };
    };
    const figures: DeliveryFigures = { connectorLatencyMs: CONNECTOR_LATENCY_MS, graphLatencyMs: INJECTED_LATENCY_MS, turns, product: await measure('product'), floor: await measure('floor') };
    const row = (name: string, bot: DeliveryFigures['product']): string => `| ${name} | ${fixed(bot.postsPerTurn, 0)} | ${showSpread(bot.turnMs, 0)} |`;
    return {
      id: 'connector-delivery',
      title: `List with normal delivery over a connector ${CONNECTOR_LATENCY_MS} ms away and a slow Graph`,
      data: figures,
      markdown: [
        `${turns} \`list\` turns of one user on each bot, after one unmeasured turn; every activity POST to the connector stand-in is answered ${CONNECTOR_LATENCY_MS} ms later, and Graph ${INJECTED_LATENCY_MS} ms late.`,
        '',
        '| bot | connector POSTs per turn | turn ms, median (min–max) |',
        '| --- | ---: | ---: |',
        row('product (typing indicator alongside the Graph call, then the card)', figures.product),
        row('graph floor bot (the card only)', figures.floor),
      ],
      targets: [],
    };
  } finally {
    await setGraphLatency(context, undefined);
    await connector.close();
  }
}
