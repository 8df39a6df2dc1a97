import { TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { isConfigError } from '../../src/errors/configError';
import { isStorageWriteConflict } from '../../src/errors/storageWriteConflictError';
import { silentLogger } from '../../src/logger';
import { ConditionalConversationState } from '../../src/storage/conditionalBotState';
import { createStorage } from '../../src/storage/createStorage';
import { once } from '../../src/storage/once';
import { ALEX, startBotHarness, type BotHarness } from '../support/botHarness';
import { freePort } from '../support/botProcess';
import { COSMOS_DATABASE, cosmosConfig } from '../support/cosmos';
import { useCosmos } from '../support/cosmosForTests';
import { describeWriteContract } from './writeContract';

const cosmos = useCosmos();

describeWriteContract('Cosmos DB storage on the local stand-in', () => cosmos.freshStorage('state'));

/** Every document in a container, as Cosmos holds it (read with the test's own client, not through botbuilder). */
async function documentsIn(containerId: string): Promise<Record<string, unknown>[]> {
  const { resources } = await cosmos.cosmos.client.database(COSMOS_DATABASE).container(containerId).items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
  return resources;
}

describe('Cosmos DB storage specifics', () => {
  it("follows the SDK's endpoint discovery unless STORAGE_COSMOS_ENDPOINT_DISCOVERY is false", () => {
    const env = { STORAGE_KIND: 'cosmos', STORAGE_COSMOS_ENDPOINT: 'https://account.documents.azure.com:443/', STORAGE_COSMOS_KEY: 'a2V5' };
    expect(loadConfig(env, null).storage).toMatchObject({ kind: 'cosmos', endpointDiscovery: true });
    expect(loadConfig({ ...env, STORAGE_COSMOS_ENDPOINT_DISCOVERY: 'false' }, null).storage).toMatchObject({ kind: 'cosmos', endpointDiscovery: false });
  });

  it('creates its container at start-up in the existing database', async () => {
    const config = cosmos.freshConfig('opened');
    await createStorage(config, silentLogger);
    const { resource } = await cosmos.cosmos.client.database(COSMOS_DATABASE).container(config.containerId).read();
    expect(resource?.partitionKey?.paths).toEqual(['/id']);
  });

  // Why the expiry of records is the bot's own business on Cosmos (docs/storage.md): the item is nested under
  // `document`, so a `ttl` in the item would never be at the top level where Cosmos looks for it.
  it('keeps each item nested under `document`, with the key as `realId`, in a document of its own', async () => {
    const config = cosmos.freshConfig('nested');
    const storage = await createStorage(config, silentLogger);
    const now = new Date();
    await once(storage, 'undoRestore/nested', { lifetimeMs: 1000, parse: () => 1, now }, () => Promise.resolve(1));
    const [stored] = await documentsIn(config.containerId);
    expect(stored).toMatchObject({ realId: 'undoRestore/nested', document: { expiresAt: new Date(now.getTime() + 1000).toISOString(), result: 1 } });
    expect(stored).not.toHaveProperty('ttl');
    expect(stored).not.toHaveProperty('expiresAt');
  });

  it('refuses to start when the database does not exist, naming STORAGE_COSMOS_DATABASE', async () => {
    const config = cosmosConfig(cosmos.cosmos.endpoint, 'no-such-database', cosmos.freshContainer('orphan'));
    const error = await createStorage(config, silentLogger).then(() => undefined, (failure: unknown) => failure);
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/database "no-such-database" does not exist.*STORAGE_COSMOS_DATABASE/);
  });

  it('refuses to start when nothing answers at the endpoint, naming STORAGE_COSMOS_ENDPOINT', async () => {
    const config = cosmosConfig(`http://127.0.0.1:${await freePort()}/`, COSMOS_DATABASE, cosmos.freshContainer('unreachable'));
    await expect(createStorage(config, silentLogger)).rejects.toThrow(/could not be opened.*STORAGE_COSMOS_ENDPOINT/);
  });
});

describe('conversation state saved with eTags on Cosmos DB', () => {
  const adapter = new TestAdapter();
  const turn = (): TurnContext =>
    new TurnContext(adapter, { ...adapter.makeActivity('hi'), channelId: 'test', conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' } });

  /** Two turns read the state (`storedBefore`: an earlier turn saved it, so they hold its real eTag), both save. */
  async function secondSaveOfTwo(storedBefore: boolean): Promise<{ lost: unknown; kept: number | undefined }> {
    const state = new ConditionalConversationState(await cosmos.freshStorage('turns'));
    const count = state.createProperty<number>('count');
    if (storedBefore) {
      const earlier = turn();
      await count.set(earlier, 0);
      await state.saveChanges(earlier);
    }
    const first = turn();
    const second = turn();
    await count.set(first, (await count.get(first, 0)) + 1);
    await count.set(second, (await count.get(second, 0)) + 10);
    await state.saveChanges(first);
    const lost = await state.saveChanges(second).then(() => undefined, (error: unknown) => error);
    return { lost, kept: await count.get(turn()) };
  }

  it('refuses the second of two turns that changed the same new state at once, keeping the first', async () => {
    const { lost, kept } = await secondSaveOfTwo(false);
    expect(isStorageWriteConflict(lost)).toBe(true);
    expect(kept).toBe(1);
  });

  it('refuses the second of two turns that changed the same stored state at once, keeping the first', async () => {
    const { lost, kept } = await secondSaveOfTwo(true);
    expect(isStorageWriteConflict(lost)).toBe(true);
    expect(kept).toBe(1);
  });
});

describe('the bot on Cosmos DB storage', () => {
  let storage: Storage;
  const harnesses: BotHarness[] = [];
  beforeEach(async () => {
    storage = await cosmos.freshStorage('bot');
  });
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
  });

  it('continues the add dialog on a second bot instance and creates the interest once when both get "yes" at once', async () => {
    const first = await startBotHarness({ storage });
    harnesses.push(first);
    const second = await startBotHarness({ storage, service: first.service });
    harnesses.push(second);
    const answers = ['add Canoeing', 'On rivers', 'skip', 'none', 'skip', 'skip'];
    for (const [index, answer] of answers.entries()) await (index % 2 === 0 ? first : second).say(answer);

    const replies = await Promise.all([first.say('yes'), second.say('yes')]);

    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    const created = first.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === 'Canoeing');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ description: 'On rivers' });
  });
});
