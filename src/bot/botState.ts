/**
 * Everything the bot remembers between turns, all in botbuilder state on the injected `Storage` (so it survives
 * restarts and scales out with Blob or Cosmos storage). Nothing per-user lives in module or instance fields.
 */
import { ConversationState, PrivateConversationState, UserState, type StatePropertyAccessor, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { PendingRequest } from '../auth/signInFlow';

/** Restores already made from Undo cards, by undo token, so a second click shows the copy instead of making another. */
export type RestoredUndos = Record<string, { readonly interestId: string; readonly restoredAt: string }>;

export interface BotState {
  /** Per conversation: shared by everyone in it (the install). */
  readonly conversationState: ConversationState;
  /** Per user in a conversation: a dialog in a group chat belongs to the person who started it. */
  readonly privateConversationState: PrivateConversationState;
  /** Per user, across conversations. */
  readonly userState: UserState;
  readonly dialogState: StatePropertyAccessor<DialogState>;
  /** Set when the welcome card went out, so `conversationUpdate` and `installationUpdate` for one install welcome once. */
  readonly welcomed: StatePropertyAccessor<boolean>;
  readonly restoredUndos: StatePropertyAccessor<RestoredUndos>;
  /** What the user asked for when sign-in got in the way; carried on with after sign-in. */
  readonly pendingSignIn: StatePropertyAccessor<PendingRequest | undefined>;
  /** Writes every changed state object; called once at the end of each turn. */
  saveAll(context: TurnContext): Promise<void>;
}

export function createBotState(storage: Storage): BotState {
  const conversationState = new ConversationState(storage);
  const privateConversationState = new PrivateConversationState(storage);
  const userState = new UserState(storage);
  return {
    conversationState,
    privateConversationState,
    userState,
    dialogState: privateConversationState.createProperty<DialogState>('dialogState'),
    welcomed: conversationState.createProperty<boolean>('welcomed'),
    restoredUndos: userState.createProperty<RestoredUndos>('restoredUndos'),
    pendingSignIn: privateConversationState.createProperty<PendingRequest | undefined>('pendingSignIn'),
    async saveAll(context) {
      await Promise.all([conversationState.saveChanges(context), privateConversationState.saveChanges(context), userState.saveChanges(context)]);
    },
  };
}
