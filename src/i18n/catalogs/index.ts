import type { Catalog, MessageKey } from '../catalog';
import type { ShippedLanguage } from '../languages';
import { en } from './en';

/** Every shipped language's catalog; the pseudo-locale is made from English (`pseudo.ts`). */
export const CATALOGS: Readonly<Record<ShippedLanguage, Catalog>> = Object.freeze({ en });

/** Whether a string read from a template or the wire names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
