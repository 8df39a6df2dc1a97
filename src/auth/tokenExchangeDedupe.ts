/**
 * One `signin/tokenExchange` per `value.id`: every Teams client the user is signed into sends the same exchange.
 * After a successful exchange the first instance to write the key (create-only, through the bot's shared storage)
 * processes the turn; the others find a conflict and stop.
 */
import type { Storage } from 'botbuilder';

export function tokenExchangeKey(channelId: string, conversationId: string, exchangeId: string): string {
  return `tokenExchange/${channelId}/${conversationId}/${exchangeId}`;
}

/**
 * MemoryStorage and Cosmos say "eTag conflict"; Azure Blob answers HTTP 412 "The condition specified using HTTP
 * conditional header(s) is not met." — botbuilder rewords some but not all of them, so recognise every form.
 */
export function isStorageWriteConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, code, message } = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (statusCode === 412 || code === 412 || code === 'ConditionNotMet') return true;
  return typeof message === 'string' && /etag conflict|condition[\w\s()-]*not met|precondition/i.test(message);
}

/** True for the first caller with this key; false for a duplicate. Other storage failures propagate. */
export async function claimTokenExchange(storage: Storage, key: string): Promise<boolean> {
  try {
    // A non-'*' eTag on a key that does not exist yet creates it; the same write again is a conflict.
    await storage.write({ [key]: { eTag: key, processedAt: new Date().toISOString() } });
    return true;
  } catch (error) {
    if (isStorageWriteConflict(error)) return false;
    throw error;
  }
}
