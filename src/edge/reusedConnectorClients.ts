import { ConnectorFactory, type ConnectorClient } from 'botframework-connector';

/** Distinct (service URL, audience) pairs kept per factory; Teams uses a handful of regional service URLs. */
const MAX_CLIENTS = 64;

/**
 * A ConnectorFactory that hands out one ConnectorClient per service URL and audience instead of building a new
 * client (credentials, HTTP pipeline and policies) on every turn, as the SDK's own factory does; the older
 * BotFrameworkAdapter kept such a cache too. A client holds no per-conversation state, and its credentials fetch
 * and renew their own tokens, so one client serves every turn to that URL. A failed creation is not kept.
 */
export class ReusedConnectorClients extends ConnectorFactory {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${audience ?? ''} ${serviceUrl}`;
    const known = this.clients.get(key);
    if (known) return known;
    const created = this.inner.create(serviceUrl, audience);
    if (this.clients.size >= MAX_CLIENTS) {
      const oldest = this.clients.keys().next();
      if (!oldest.done) this.clients.delete(oldest.value);
    }
    this.clients.set(key, created);
    created.catch(() => this.clients.delete(key));
    return created;
  }
}
