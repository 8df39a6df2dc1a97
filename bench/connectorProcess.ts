/**
 * Child process: the Bot Connector stand-in of the tests (`test/support/localConnector.ts`) on its own, so the CPU
 * of receiving every reply is measured apart from the load generator and the bots. It keeps no activities: on each
 * `{ connector: 'count' }` message it answers how many POSTs it accepted since the last one, by activity type, and
 * forgets them. Tells the runner its service URL over IPC when ready.
 */
import { startLocalConnector } from '../test/support/localConnector';

export interface ConnectorCount {
  readonly connectorCount: { readonly accepted: number; readonly refused: number; readonly byType: Readonly<Record<string, number>> };
}

async function main(): Promise<void> {
  const connector = await startLocalConnector();
  process.on('message', (message: unknown) => {
    if ((message as { connector?: unknown }).connector !== 'count') return;
    const posts = connector.posts.splice(0);
    const byType: Record<string, number> = {};
    for (const post of posts) if (post.status < 300) byType[post.activity.type ?? 'unknown'] = (byType[post.activity.type ?? 'unknown'] ?? 0) + 1;
    process.send?.({ connectorCount: { accepted: posts.filter((post) => post.status < 300).length, refused: posts.filter((post) => post.status >= 300).length, byType } } satisfies ConnectorCount);
  });
  process.once('SIGTERM', () => {
    connector.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.send?.({ ready: { serviceUrl: connector.serviceUrl } });
}

main().catch((error: unknown) => {
  console.error('The connector stand-in failed to start', error);
  process.exit(1);
});
