/**
 * The Tab stops a card's JSON asks for, in the order Tab should meet them (document order: the body top to bottom,
 * a ColumnSet's columns left to right, then the card's actions): each action (a container's `selectAction`
 * before what the container holds, an `ActionSet`'s actions, a Markdown link in a text) by its title, and each
 * input by the stops it takes. An expanded multi-select choice set is a checkbox per choice; any other choice set,
 * toggle or field is one stop (Tab enters a group of radio buttons once).
 *
 * Left out as the renderer does not draw them: elements with `isVisible: false` or a `targetWidth` that excludes
 * the width, and the card of an `Action.ShowCard`.
 */
import { comparable, targetWidthIncludes, type HostWidth } from './expectedTexts';

export type KeyboardStop =
  /** `inActionRow`: a button of an action row, which the renderer may move into its "more actions" menu. */
  | { readonly kind: 'action'; readonly name: string; readonly inActionRow: boolean }
  | { readonly kind: 'input'; readonly from: string };

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);
const MARKDOWN_LINK = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;

export function expectedStops(card: unknown, width: HostWidth): KeyboardStop[] {
  const stops: KeyboardStop[] = [];
  const action = (value: unknown, inActionRow = false): void => {
    if (isNode(value) && value.isVisible !== false) stops.push({ kind: 'action', name: comparable(typeof value.title === 'string' ? value.title : ''), inActionRow });
  };
  const actionRow = (actions: unknown): void => {
    if (Array.isArray(actions)) for (const each of actions) action(each, true);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isNode(node) || node.isVisible === false) return;
    if (typeof node.targetWidth === 'string' && !targetWidthIncludes(node.targetWidth, width)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (node.selectAction !== undefined) action(node.selectAction);
    if (type === 'TextBlock' && typeof node.text === 'string') {
      for (const link of node.text.matchAll(MARKDOWN_LINK)) stops.push({ kind: 'action', name: comparable(link[1]!), inActionRow: false });
    }
    if (type === 'Input.ChoiceSet' && node.style === 'expanded' && node.isMultiSelect === true && Array.isArray(node.choices)) {
      for (const choice of node.choices) stops.push({ kind: 'input', from: `${String(node.id)} choice ${String(isNode(choice) ? choice.title : '')}` });
    } else if (type.startsWith('Input.')) {
      stops.push({ kind: 'input', from: String(node.id) });
    }
    if (type === 'ActionSet') actionRow(node.actions);
    for (const key of ['body', 'items', 'columns', 'inlines', 'rows', 'cells'] as const) visit(node[key]);
    if (type === 'AdaptiveCard') actionRow(node.actions);
  };
  visit(card);
  return stops;
}

/** How a stop reads in a comparison: an action by its name, an input as one. */
export const describeStop = (stop: { kind: string; name?: string }): string => (stop.kind === 'action' ? `action "${stop.name ?? ''}"` : stop.kind === 'more' ? 'more actions' : 'input');
