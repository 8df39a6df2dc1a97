import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import { ALICE, startHarness, tokenFor, type Harness } from './profileServiceHarness';

/** Adds the token itself: the SDK's own handlers send it only to Graph hosts over https. */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

describe('profile service: compatibility with @microsoft/microsoft-graph-client', () => {
  let harness: Harness;
  let client: Client;

  beforeEach(async () => {
    harness = await startHarness();
    const bearer = new BearerMiddleware(tokenFor(ALICE));
    const retry = new RetryHandler(new RetryHandlerOptions(0, 3));
    bearer.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    client = Client.initWithMiddleware({ middleware: bearer, baseUrl: harness.service.url, defaultVersion: 'beta' });
  });
  afterEach(() => harness.stop());

  it('creates, updates, pages through and deletes with the SDK', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 23; index += 1) {
      const created = (await client.api('/me/profile/interests').post({ displayName: `Interest ${index}` })) as { id: string };
      ids.push(created.id);
    }
    const updated = (await client.api(`/me/profile/interests/${ids[0]}`).patch({ categories: ['Sports'] })) as { categories: string[] };
    expect(updated.categories).toEqual(['Sports']);

    // The SDK treats only https:// paths as absolute, so over plain http the nextLink is followed by its path.
    const seen: string[] = [];
    let page = (await client.api('/me/profile/interests').top(5).get()) as PageCollection;
    for (;;) {
      seen.push(...page.value.map((item: { id: string }) => item.id));
      const next = page['@odata.nextLink'];
      if (!next) break;
      expect(next.startsWith(harness.service.graphBaseUrl)).toBe(true);
      page = (await client.api(next.slice(harness.service.graphBaseUrl.length)).get()) as PageCollection;
    }
    expect(seen).toEqual(ids);

    await client.api(`/me/profile/interests/${ids[1]}`).delete();
    expect(harness.service.store.listInterests(ALICE.oid)).toHaveLength(22);
  });

  it("is retried by the SDK's RetryHandler on an injected 429 with Retry-After", async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 0.01, count: 2 });
    const page = (await client.api('/me/profile/interests').get()) as PageCollection;
    expect(page.value).toEqual([]);
    expect(harness.service.stats.snapshot().byStatus).toEqual({ '429': 2, '200': 1 });
  });

  it('surfaces Graph errors with their code and status through the SDK', async () => {
    await expect(client.api('/me/profile/interests/nope').get()).rejects.toMatchObject({ statusCode: 404, code: 'itemNotFound' });
    await expect(client.api('/me/profile/interests').post({ colour: 'red' })).rejects.toMatchObject({ statusCode: 400, code: 'RequestBodyRead' });
  });
});
