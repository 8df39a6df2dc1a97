import { MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { ConditionalConversationState, ConditionalPrivateConversationState, ConditionalUserState } from '../../src/storage/conditionalBotState';
import { isStorageWriteConflict } from '../../src/errors/storageWriteConflictError';

const adapter = new TestAdapter();

function turn(text = 'hi'): TurnContext {
  return new TurnContext(adapter, { ...adapter.makeActivity(text), channelId: 'test', conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' } });
}

/** A store that counts writes, to tell a skipped save from a made one. */
function countingStorage(): { storage: Storage; writes: () => number } {
  const inner = new MemoryStorage();
  let count = 0;
  return {
    storage: { read: (keys) => inner.read(keys), delete: (keys) => inner.delete(keys), write: (changes) => ((count += 1), inner.write(changes)) },
    writes: () => count,
  };
}

const stateKinds = [
  ['conversation', (storage: Storage) => new ConditionalConversationState(storage)],
  ['private conversation', (storage: Storage) => new ConditionalPrivateConversationState(storage)],
  ['user', (storage: Storage) => new ConditionalUserState(storage)],
] as const;

describe.each(stateKinds)('%s state saved with eTags', (_kind, createState) => {
  it('refuses the second of two turns that changed the same state at once, keeping the first', async () => {
    const storage = new MemoryStorage();
    const state = createState(storage);
    const count = state.createProperty<number>('count');
    const first = turn();
    const second = turn();
    await count.set(first, (await count.get(first, 0)) + 1);
    await count.set(second, (await count.get(second, 0)) + 10);

    await state.saveChanges(first);
    const lost = await state.saveChanges(second).then(() => undefined, (error: unknown) => error);

    expect(isStorageWriteConflict(lost)).toBe(true);
    const fresh = turn();
    expect(await count.get(fresh)).toBe(1);
  });

  it('lets a turn that read the latest state save over it, more than once in the same turn', async () => {
    const storage = new MemoryStorage();
    const state = createState(storage);
    const count = state.createProperty<number>('count');
    const earlier = turn();
    await count.set(earlier, 1);
    await state.saveChanges(earlier);

    const later = turn();
    await count.set(later, (await count.get(later, 0)) + 1);
    await state.saveChanges(later);
    await count.set(later, (await count.get(later, 0)) + 1);
    await state.saveChanges(later);

    expect(await count.get(turn())).toBe(3);
  });

  it('refuses a second save in one turn when another turn wrote in between', async () => {
    const storage = new MemoryStorage();
    const state = createState(storage);
    const count = state.createProperty<number>('count');
    const later = turn();
    await count.set(later, 1);
    await state.saveChanges(later);
    const other = turn();
    await count.set(other, (await count.get(other, 0)) + 10);
    await state.saveChanges(other);

    await count.set(later, 2);
    await expect(state.saveChanges(later)).rejects.toThrow(/eTag conflict/);
    expect(await count.get(turn())).toBe(11);
  });

  it('writes a second save in one turn again when the state was deleted in between', async () => {
    const storage = new MemoryStorage();
    const state = createState(storage);
    const count = state.createProperty<number>('count');
    const context = turn();
    await count.set(context, 1);
    await state.saveChanges(context);
    await state.delete(turn());

    await count.set(context, 2);
    await state.saveChanges(context);
    expect(await count.get(turn())).toBe(2);
  });

  it('does not write state that did not change', async () => {
    const { storage, writes } = countingStorage();
    const state = createState(storage);
    const context = turn();
    await state.createProperty<number>('count').get(context);
    await state.saveChanges(context);
    expect(writes()).toBe(0);
  });

  it('writes a cleared state back conditionally', async () => {
    const storage = new MemoryStorage();
    const state = createState(storage);
    const count = state.createProperty<number>('count');
    const setUp = turn();
    await count.set(setUp, 4);
    await state.saveChanges(setUp);

    const clearing = turn();
    const racing = turn();
    await state.load(clearing);
    await count.set(racing, 7);
    await state.saveChanges(racing);
    await state.clear(clearing);

    await expect(state.saveChanges(clearing)).rejects.toThrow(/eTag conflict/);
    expect(await count.get(turn())).toBe(7);
  });
});
