import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { MessageKey } from '../i18n/catalog';
import { isMessageKey } from '../i18n/catalogs';
import type { Text } from '../i18n/text';
import { asExpandedPart, bindsByPathOnly, keptByShape } from './expansionShapes';

/** An expanded Adaptive Card, ready to send or to return from an `adaptiveCard/action` invoke. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The actions a template names, by the names it uses (`"verb": "@ACTION.saveTags"` → `{ saveTags: SAVE_TAGS }`). */
export type TemplateActions = Readonly<Record<string, { readonly verb: string }>>;

/**
 * Binds a `cards/<name>.json` template to its data type and to the actions its buttons name (`withVerbs`). The
 * template is prepared on first use and reused (`preparedTemplate`). Data must be fully normalized (no `undefined`,
 * no `null` in text): the engine writes an unbound field as the literal `${field}` and throws on `null` inside mixed
 * text.
 */
export function defineCardTemplate<TData extends object>(payload: unknown, actions: TemplateActions = {}): (text: Text, data: TData) => AdaptiveCard {
  const expand = preparedTemplate<TData>(payload, actions);
  return (text, data) => asAdaptiveCard(expand(text, data));
}

/**
 * Expansions kept per template and language, one per shape of data (see `expansionShapes.ts`): a card has a
 * handful (its `$when`s, how many rows or badges), so this bound is only reached by a card with many lists in it.
 */
const SHAPES_KEPT = 64;

/**
 * Prepared on first use in each language (its verbs and words filled in, see `withVerbs` and `withWords`), so a
 * card costs the same to expand in every language. A template bound by paths alone is expanded once per shape of
 * its data and copied with the values put back; any other is expanded in full each time.
 */
function preparedTemplate<TData extends object>(payload: unknown, actions: TemplateActions): (text: Text, data: TData) => unknown {
  // Verbs are checked at once, so a template naming an action its card was not given fails when the module loads.
  const withActions = withVerbs(payload, actions);
  const expanders = new Map<Text['t'], (data: unknown) => unknown>();
  return (text, data) => {
    let expand = expanders.get(text.t);
    if (expand === undefined) {
      const inLanguage = withWords(withActions, text);
      const template = new Template(inLanguage);
      const expandInFull = (view: unknown): unknown => template.expand({ $root: view });
      expand = bindsByPathOnly(inLanguage) ? keptByShape(expandInFull, SHAPES_KEPT) : expandInFull;
      expanders.set(text.t, expand);
    }
    return expand(data);
  };
}

/**
 * A part of a card with its own template (a row of the list, whose shape varies row by row): expanded like a card,
 * and placed whole where the card's template names it (`"items": "${items}"`).
 */
export function defineCardPart<TData extends object>(payload: unknown, actions: TemplateActions = {}): (text: Text, data: TData) => CardPart {
  const expand = preparedTemplate<TData>(payload, actions);
  return (text, data) => {
    const part = expand(text, data);
    if (!Array.isArray(part)) throw new Error('card part template did not expand to a list');
    return asExpandedPart(part) as unknown as CardPart;
  };
}

declare const cardPartBrand: unique symbol;
/** What `defineCardPart` expands: a list of card elements, placed whole into a card. */
export type CardPart = readonly unknown[] & { readonly [cardPartBrand]: true };

function asAdaptiveCard(expanded: unknown): AdaptiveCard {
  if (typeof expanded !== 'object' || expanded === null || Array.isArray(expanded)) throw new Error('card template did not expand to an object');
  const card = expanded as Record<string, unknown>;
  if (card['type'] !== 'AdaptiveCard' || typeof card['version'] !== 'string' || !Array.isArray(card['body'])) {
    throw new Error('card template did not expand to an AdaptiveCard');
  }
  return card as AdaptiveCard;
}

/** Wraps a card as a message attachment. */
export function toAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** Bytes of the card as Teams counts a message: its JSON in UTF-16, two bytes a code unit. */
export function cardSize(card: AdaptiveCard): number {
  return JSON.stringify(card).length * 2;
}

/**
 * The ceiling every card is built to stay under, whatever the data: the 28 KB Teams accepts for a whole activity
 * (`MAX_ACTIVITY_BYTES`), less room for the activity around the card (ids, conversation, reply-to, service URL).
 */
export const MAX_CARD_BYTES = 26 * 1024;

const VERB_REFERENCE = /^@ACTION\.(\w+)$/;

/**
 * A template names each action's verb by the name its card module gives the action (`"verb": "@ACTION.saveTags"`,
 * with `{ saveTags: SAVE_TAGS }` passed to `defineCardTemplate`), so a verb's string is written once, where its
 * feature declares it (`defineCardAction`), and a template naming an action it was not given fails when it is
 * prepared instead of sending a button nobody handles. A literal verb in a template is refused for the same reason.
 */
export function withVerbs(node: unknown, actions: TemplateActions): unknown {
  if (Array.isArray(node)) return node.map((child) => withVerbs(child, actions));
  if (node === null || typeof node !== 'object') return node;
  const isAction = (node as Record<string, unknown>)['type'] === 'Action.Execute';
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, isAction && key === 'verb' && typeof value === 'string' ? verbNamed(value, actions) : withVerbs(value, actions)]),
  );
}

function verbNamed(reference: string, actions: TemplateActions): string {
  const name = VERB_REFERENCE.exec(reference)?.[1];
  const verb = name !== undefined && Object.hasOwn(actions, name) ? actions[name]?.verb : undefined;
  if (verb === undefined) throw new Error(`A card template names the verb ${JSON.stringify(reference)}: write @ACTION.<name> with the name of an action its card module gives it.`);
  return verb;
}

const WORD_REFERENCE = /^@TEXT\.([\w.]+)$/;

/**
 * A template's fixed words are catalog messages named by key (`"title": "@TEXT.card.next"`), filled in from the
 * user's language when the template is prepared for it; an unknown key fails then, not in the chat. Words that vary
 * (counts, names) come in the data, formatted by the card's builder.
 */
export function withWords(node: unknown, text: Text): unknown {
  if (typeof node === 'string') return node.startsWith('@TEXT.') ? text.t(messageKeyNamed(node)) : node;
  if (Array.isArray(node)) return node.map((child) => withWords(child, text));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withWords(value, text)]));
}

function messageKeyNamed(reference: string): MessageKey {
  const key = WORD_REFERENCE.exec(reference)?.[1];
  if (key === undefined || !isMessageKey(key)) throw new Error(`A card template names the words ${JSON.stringify(reference)}: write @TEXT.<key> with a key of the catalogs.`);
  return key;
}
