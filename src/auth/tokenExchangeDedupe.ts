/**
 * One `signin/tokenExchange` per `value.id`: every Teams client the user is signed into sends the same exchange.
 * After a successful exchange the first instance to claim the key (a create-only write to the bot's shared
 * storage) processes the turn; the others find a conflict and stop.
 */
import type { Storage } from 'botbuilder';
import { claimOnce } from '../storage/claimOnce';

export function tokenExchangeKey(channelId: string, conversationId: string, exchangeId: string): string {
  return `tokenExchange/${channelId}/${conversationId}/${exchangeId}`;
}

/** True for the first caller with this key; false for a duplicate. Other storage failures propagate. */
export function claimTokenExchange(storage: Storage, key: string): Promise<boolean> {
  return claimOnce(storage, key);
}
