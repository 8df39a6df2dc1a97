import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { MessageKey } from '../i18n/catalog';
import { isMessageKey } from '../i18n/catalogs';
import type { Text } from '../i18n/text';

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
 * Binds a `cards/<name>.json` template to its data type and to the actions its buttons name (`withVerbs`). The template is prepared on first use and reused:
 * `expand` only evaluates. Data must be fully normalized (no `undefined`, no `null` in text): the engine writes
 * an unbound field as the literal `${field}` and throws on `null` inside mixed text.
 */
export function defineCardTemplate<TData extends object>(payload: unknown, actions: TemplateActions = {}): (text: Text, data: TData) => AdaptiveCard {
  const expand = preparedTemplate<TData>(payload, actions);
  return (text, data) => asAdaptiveCard(expand(text, data));
}

/**
 * Like `defineCardTemplate`, for a card a user asks for again and again unchanged (the list): the expansion is kept
 * per owner, keyed by the owner and the whole view data, so it is reused only for exactly the same input and never
 * across owners. The card returned is the one kept, deeply frozen: callers build on it (a spread) but never change
 * it, so a hit costs no copy. At most `maxEntries` expansions are kept, the least recently used dropped first.
 */
export function defineCachedCardTemplate<TData extends object>(payload: unknown, maxEntries: number, actions: TemplateActions = {}): (text: Text, ownerId: string, data: TData) => AdaptiveCard {
  return keptExpansions(defineCardTemplate<TData>(payload, actions), maxEntries);
}

/**
 * Like `defineCachedCardTemplate`, for a card whose actions change less often than its body (the interest card: a
 * save changes what it says, not what can be done with it). The body and the actions are expanded and kept apart,
 * each keyed by the owner and its own view data, so a card whose body changed expands only its body. The card is
 * the template's, key for key, as one expansion of the whole would give it.
 */
export function defineCachedSplitCardTemplate<TBody extends object, TActions extends object>(
  payload: { readonly actions: readonly unknown[] },
  maxEntries: number,
  named: TemplateActions = {},
): (text: Text, ownerId: string, body: TBody, actions: TActions) => AdaptiveCard {
  const { actions, ...withoutActions } = payload;
  const expandBody = defineCachedCardTemplate<TBody>(withoutActions, maxEntries, named);
  const expandActions = keptExpansions(preparedTemplate<TActions>(actions, named), maxEntries);
  return (text, ownerId, body, actionsView) => {
    const expandedActions = expandActions(text, ownerId, actionsView);
    if (!Array.isArray(expandedActions)) throw new Error('card actions did not expand to a list');
    return Object.freeze({ ...expandBody(text, ownerId, body), actions: expandedActions });
  };
}

/**
 * Prepared on first use in each language (its verbs and words filled in, see `withVerbs` and `withWords`), so a
 * card costs the same to expand in every language; each call only evaluates.
 */
function preparedTemplate<TData extends object>(payload: unknown, actions: TemplateActions): (text: Text, data: TData) => unknown {
  // Verbs are checked at once, so a template naming an action its card was not given fails when the module loads.
  const withActions = withVerbs(payload, actions);
  const templates = new Map<Text['t'], Template>();
  return (text, data) => {
    let template = templates.get(text.t);
    if (template === undefined) {
      template = new Template(withWords(withActions, text));
      templates.set(text.t, template);
    }
    return template.expand({ $root: data });
  };
}

/**
 * Keeps up to `maxEntries` expansions, deeply frozen, keyed by the language, the owner and the whole view data
 * (least recently used dropped first).
 */
function keptExpansions<TData extends object, TExpanded>(
  expand: (text: Text, data: TData) => TExpanded,
  maxEntries: number,
): (text: Text, ownerId: string, data: TData) => TExpanded {
  const expansions = new Map<string, TExpanded>();
  return (text, ownerId, data) => {
    const key = `${text.language}\n${ownerId}\n${JSON.stringify(data)}`;
    const kept = expansions.get(key);
    if (kept !== undefined) {
      expansions.delete(key);
      expansions.set(key, kept);
      return kept;
    }
    const expanded = deepFreeze(expand(text, data));
    expansions.set(key, expanded);
    if (expansions.size > maxEntries) expansions.delete(expansions.keys().next().value as string);
    return expanded;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

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
