/**
 * Child process: the floor for this stack. A bare botbuilder `CloudAdapter` behind restify that echoes each message,
 * with no state, no Graph and no cards: what any bot on botbuilder + restify pays per turn.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { serveChild } from './childProcess';

async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  serveChild({ url: `http://127.0.0.1:${port}` }, async () => {
    server.server.closeAllConnections();
    server.close();
  });
}

main().catch((error: unknown) => {
  console.error('The echo bot failed to start', error);
  process.exit(1);
});
