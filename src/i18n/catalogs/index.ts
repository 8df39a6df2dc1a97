import type { Catalog, MessageKey } from '../catalog';
import type { ShippedLanguage } from '../languages';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ptBR } from './pt-BR';
import { zhCN } from './zh-CN';

/** Every shipped language's catalog; the pseudo-locale is made from English (`pseudo.ts`). */
export const CATALOGS: Readonly<Record<ShippedLanguage, Catalog>> = Object.freeze({ en, de, fr, es, ja, 'pt-BR': ptBR, 'zh-CN': zhCN });

/** Whether a string read from a template or the wire names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
