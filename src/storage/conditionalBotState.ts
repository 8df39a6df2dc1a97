/**
 * botbuilder's state classes with optimistic concurrency. `BotState.saveChanges` in botbuilder 4.23 sets the
 * state's eTag to `'*'` before writing, so two turns of one conversation that run at once (two instances, or a
 * double click) silently overwrite each other. These subclasses write back with the eTag the turn read instead
 * (or `IF_ABSENT_ETAG` when there was nothing), so the turn that saves second gets a write conflict, which
 * `ConcurrencyRetryMiddleware` turns into a retry from fresh state.
 */
import { ConversationState, PrivateConversationState, UserState, type BotState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { IF_ABSENT_ETAG } from './conditionalWrites';
import { StorageWriteConflictError } from '../errors/storageWriteConflictError';

/**
 * The item's content as JSON without its eTag: what botbuilder's `calculateChangeHash` hashes, compared as is. The
 * string is only ever compared within the turn, so the SHA-256 botbuilder adds would be work on every turn for
 * nothing.
 */
function contentOf(item: StoreItem): string {
  return JSON.stringify({ ...item, eTag: undefined });
}

/** What this turn knows about the stored item: the state object it belongs to, its content and eTag. */
interface StoredVersion {
  readonly state: StoreItem;
  readonly content: string;
  /** Undefined after this turn wrote the item: stores do not return the new eTag from `write`. */
  readonly eTag: string | undefined;
}

/** The bookkeeping the three state classes share; each holds one. */
class ConditionalSaves {
  private readonly versionKey = Symbol('storedVersion');

  constructor(private readonly storage: Storage) {}

  loaded(context: TurnContext, state: StoreItem, readFromStorage: boolean): void {
    if (!readFromStorage) return;
    const eTag = typeof state.eTag === 'string' && state.eTag !== '' ? state.eTag : IF_ABSENT_ETAG;
    context.turnState.set(this.versionKey, { state, content: contentOf(state), eTag } satisfies StoredVersion);
  }

  forget(context: TurnContext): void {
    context.turnState.delete(this.versionKey);
  }

  async save(context: TurnContext, key: string, state: StoreItem | undefined, force: boolean): Promise<void> {
    const version = context.turnState.get(this.versionKey) as StoredVersion | undefined;
    const changed = force || (state !== undefined && (version?.state !== state || version.content !== contentOf(state)));
    if (!changed) return;
    const content = state ?? {};
    // Never loaded this turn (a blind `clear` or `force`): nothing to be conditional on, as botbuilder does.
    const eTag = version ? (version.eTag ?? (await this.eTagIfStillOurs(key, version.content))) : '*';
    await this.storage.write({ [key]: { ...content, eTag } });
    context.turnState.set(this.versionKey, { state: content, content: contentOf(content), eTag: undefined } satisfies StoredVersion);
  }

  /** A second save in one turn: the stored item must still be what this turn wrote, else someone else won. */
  private async eTagIfStillOurs(key: string, written: string): Promise<string> {
    const current = (await this.storage.read([key]))[key] as StoreItem | undefined;
    if (!current) return IF_ABSENT_ETAG;
    if (contentOf(current) !== written || typeof current.eTag !== 'string') throw new StorageWriteConflictError(key);
    return current.eTag;
  }
}

// TypeScript's mixin pattern requires a constructor over `any[]`; the real arguments are (storage, namespace?).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateClass = new (...args: any[]) => BotState;

/** Gives a botbuilder state class conditional saves; the three state classes below differ only in their keys. */
function withConditionalSaves<Base extends StateClass>(base: Base) {
  return class extends base {
    private readonly saves: ConditionalSaves;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args);
      this.saves = new ConditionalSaves(args[0] as Storage);
    }

    override async load(context: TurnContext, force = false): Promise<StoreItem> {
      const cached = this.get(context) !== undefined;
      const state = (await super.load(context, force)) as StoreItem;
      this.saves.loaded(context, state, force || !cached);
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      await this.saves.save(context, await this.storageKey(context), this.get(context), force);
    }

    override async delete(context: TurnContext): Promise<void> {
      this.saves.forget(context);
      await super.delete(context);
    }
  };
}

export class ConditionalConversationState extends withConditionalSaves(ConversationState) {}
export class ConditionalPrivateConversationState extends withConditionalSaves(PrivateConversationState) {}
export class ConditionalUserState extends withConditionalSaves(UserState) {}
