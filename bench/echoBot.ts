/**
 * The echo bot: a bare botbuilder `CloudAdapter` behind restify that echoes each message, with no state, no Graph
 * and no cards: what any bot on botbuilder + restify pays per turn. A reference column, not a target.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createBareServer, listenAndServe } from './botServerBasics';

async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = createBareServer('echo-bot');
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await listenAndServe(server);
}

main().catch((error: unknown) => {
  console.error('The echo bot failed to start', error);
  process.exit(1);
});
