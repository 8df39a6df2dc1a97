/**
 * A turn writes conversation state only when it has something to keep: a message that starts no dialog (a list, an
 * edit, help) leaves the conversation's state as it found it, even the first one, where the empty dialog stack a
 * dialog read defaults to would otherwise be saved (on Blob storage, a create of two round trips). So does a click
 * on an add card when no add is in progress.
 */
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { ALEX, startBotHarness, type BotHarness } from '../support/botHarness';

class RecordingStorage extends MemoryStorage {
  readonly written: string[] = [];

  override write(changes: StoreItems): Promise<void> {
    this.written.push(...Object.keys(changes));
    return super.write(changes);
  }
}

describe('conversation state written per turn', () => {
  let harness: BotHarness;
  let storage: RecordingStorage;

  beforeEach(async () => {
    storage = new RecordingStorage();
    harness = await startBotHarness({ storage, transport: 'in-process' });
  });
  afterEach(() => harness.close());

  it.each(['list', 'help', 'edit Chess'])('a first "%s" in a conversation writes no state', async (text) => {
    const exchange = await harness.say(text);
    expect(exchange.activities.length).toBeGreaterThan(0);
    expect(storage.written).toEqual([]);
  });

  // Cancel and Create on the add card look for the add in progress the same way (`continueAddDialog`).
  it('a Cancel click on an add card with no add in progress writes no state', async () => {
    const { body } = await harness.act(CARD_VERBS.cancelAdd, { ownerId: ALEX.aadObjectId });
    expect(JSON.stringify(body)).toContain('Nothing was changed.');
    expect(storage.written).toEqual([]);
  });

  it('a message that starts a dialog keeps it in the conversation state', async () => {
    await harness.say('list');
    await harness.say('add');
    expect(storage.written).toHaveLength(1);
    const [key] = storage.written;
    const stored = (await storage.read([key!]))[key!] as { dialogState?: { dialogStack?: unknown[] } } | undefined;
    expect(stored?.dialogState?.dialogStack?.length).toBeGreaterThan(0);
  });
});
