import type { Storage } from 'botbuilder';
import { oncePerTokenExchange } from '../../src/auth/tokenExchangeDedupe';

/** Whether this caller is the one that processes the exchange (true for the first claim, false for every copy). */
export async function claimTokenExchange(storage: Storage, key: string): Promise<boolean> {
  return (await oncePerTokenExchange(storage, key, () => Promise.resolve())).kind === 'ran';
}
