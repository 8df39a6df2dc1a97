/**
 * One `signin/tokenExchange` per `value.id`: every Teams client the user is signed into sends the same exchange.
 * After a successful exchange the first instance to claim the key (`once`, over the bot's shared storage)
 * processes the turn; the others find the claim and answer without a word. The claim lives for hours
 * (`RECORD_KINDS.tokenExchange`); copies arrive within seconds.
 */
import type { Storage } from 'botbuilder';
import { once, type OnceOutcome } from '../storage/once';
import { RECORD_KINDS } from '../storage/onceKinds';

export function tokenExchangeKey(channelId: string, conversationId: string, exchangeId: string): string {
  return `${RECORD_KINDS.tokenExchange.prefix}${channelId}/${conversationId}/${exchangeId}`;
}

const parseProcessed = (stored: unknown): true | undefined => (stored === true ? true : undefined);

/**
 * Runs `process` for the first copy of the exchange only; a copy gets `running` or `done` and must stay quiet.
 * A `process` that throws releases the claim, so a later copy can carry the turn on. Storage failures propagate.
 */
export function oncePerTokenExchange(storage: Storage, key: string, process: () => Promise<void>): Promise<OnceOutcome<true>> {
  return once(storage, key, { lifetimeMs: RECORD_KINDS.tokenExchange.lifetimeMs, parse: parseProcessed }, async () => {
    await process();
    return true as const;
  });
}

