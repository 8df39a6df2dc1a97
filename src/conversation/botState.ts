/**
 * Everything the bot remembers between turns, all in botbuilder state on the injected `Storage` (so it survives
 * restarts and scales out with Blob or Cosmos storage). Nothing per-user lives in module or instance fields.
 */
import type { ConversationState, PrivateConversationState, StatePropertyAccessor, Storage, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { PendingRequest } from '../auth/signInFlow';
import { ConditionalConversationState, ConditionalPrivateConversationState, ConditionalUserState } from '../storage/conditionalBotState';

/**
 * What older versions kept per user about Undo (now shared records, `undoSnapshots.ts`); only ever deleted, so
 * user state sheds it the next time the user presses Undo.
 */
export type RestoredUndos = Record<string, { readonly interestId: string; readonly restoredAt: string }>;

export interface BotState {
  /** The storage under all of it, for records that are not per-conversation properties (claims). */
  readonly storage: Storage;
  /** Per conversation: shared by everyone in it (the install). */
  readonly conversationState: ConversationState;
  /** Per user in a conversation: a dialog in a group chat belongs to the person who started it. */
  readonly privateConversationState: PrivateConversationState;
  /** Per user, across conversations. */
  readonly userState: UserState;
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly legacyRestoredUndos: StatePropertyAccessor<RestoredUndos>;
  /** What the user asked for when sign-in got in the way; carried on with after sign-in. */
  readonly pendingSignIn: StatePropertyAccessor<PendingRequest | undefined>;
  /** Writes every changed state object; called once at the end of each turn. */
  saveAll(context: TurnContext): Promise<void>;
}

export function createBotState(storage: Storage): BotState {
  // Saved with the eTag each turn read, so two turns at once cannot silently overwrite each other.
  const conversationState = new ConditionalConversationState(storage);
  const privateConversationState = new ConditionalPrivateConversationState(storage);
  const userState = new ConditionalUserState(storage);
  return {
    storage,
    conversationState,
    privateConversationState,
    userState,
    dialogState: privateConversationState.createProperty<DialogState>('dialogState'),
    legacyRestoredUndos: userState.createProperty<RestoredUndos>('restoredUndos'),
    pendingSignIn: privateConversationState.createProperty<PendingRequest | undefined>('pendingSignIn'),
    async saveAll(context) {
      await Promise.all([conversationState.saveChanges(context), privateConversationState.saveChanges(context), userState.saveChanges(context)]);
    },
  };
}
