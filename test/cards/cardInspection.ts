import type { AdaptiveCard } from '../../src/cards/cardTemplate';

/** Reading expanded cards the way a client does: find actions, inputs and text anywhere in the tree. */

export type CardNode = Record<string, unknown>;

function walk(node: unknown, visit: (node: CardNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as CardNode;
    visit(record);
    for (const [key, value] of Object.entries(record)) {
      // Action data is opaque to the client: a draft inside it is not part of the card's layout.
      if (key !== 'data') walk(value, visit);
    }
  }
}

function nodesOfType(card: AdaptiveCard, prefix: string): CardNode[] {
  const found: CardNode[] = [];
  walk(card, (node) => {
    if (typeof node['type'] === 'string' && node['type'].startsWith(prefix)) found.push(node);
  });
  return found;
}

export const actionsOf = (card: AdaptiveCard): CardNode[] => nodesOfType(card, 'Action.');
export const inputsOf = (card: AdaptiveCard): CardNode[] => nodesOfType(card, 'Input.');
export const textBlocksOf = (card: AdaptiveCard): CardNode[] => nodesOfType(card, 'TextBlock');

export function textsOf(card: AdaptiveCard): string[] {
  return textBlocksOf(card).map((block) => String(block['text']));
}

export function executeActionsOf(card: AdaptiveCard): CardNode[] {
  return actionsOf(card).filter((action) => action['type'] === 'Action.Execute');
}

export function actionTitled(card: AdaptiveCard, title: string): CardNode {
  const action = actionsOf(card).find((candidate) => candidate['title'] === title);
  if (!action) throw new Error(`no action titled ${title}; have ${actionsOf(card).map((a) => String(a['title'])).join(', ')}`);
  return action;
}

export function inputById(card: AdaptiveCard, id: string): CardNode {
  const input = inputsOf(card).find((candidate) => candidate['id'] === id);
  if (!input) throw new Error(`no input ${id}`);
  return input;
}

/**
 * The `value` of the `adaptiveCard/action` invoke Teams sends when the action is clicked: the action's data with
 * the card's input values merged in by id, unless the action says `associatedInputs: "none"`.
 */
export function invokeValueFor(card: AdaptiveCard, action: CardNode, typed: Record<string, string> = {}): unknown {
  const data = { ...(action['data'] as CardNode) };
  if (action['associatedInputs'] !== 'none') {
    for (const input of inputsOf(card)) {
      const id = String(input['id']);
      data[id] = typed[id] ?? (typeof input['value'] === 'string' ? input['value'] : '');
    }
  }
  return { action: { type: action['type'], verb: action['verb'], data, id: 'action-id' }, trigger: 'manual' };
}
