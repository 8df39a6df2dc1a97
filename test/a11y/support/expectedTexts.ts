/**
 * What a rendered card must show, read from its JSON: every text, fact, label, placeholder, choice, image
 * description and action title that the renderer draws at a given width. It is compared with the render before
 * axe runs, so an empty or failed render cannot pass.
 *
 * Left out because the renderer does not draw them up front: elements with `isVisible: false` or a `targetWidth`
 * that excludes the width, the card of an `Action.ShowCard`, an input's `errorMessage` (shown after a failed
 * submit), the options of a compact (drop-down) choice set, and a `selectAction`'s title. Action titles are
 * marked: the renderer moves trailing actions into its "…" menu when a row has too many.
 */

export type HostWidth = 'veryNarrow' | 'narrow' | 'standard' | 'wide';
const ORDER: readonly HostWidth[] = ['veryNarrow', 'narrow', 'standard', 'wide'];

/** The renderer's own breakpoints (Playground 0.2.28's card host config defaults: 216, 345 and 500 px). */
export function hostWidthFor(px: number): HostWidth {
  if (px <= 216) return 'veryNarrow';
  if (px <= 345) return 'narrow';
  if (px <= 500) return 'standard';
  return 'wide';
}

/** Whether `targetWidth` ("narrow", "atLeast:standard", "atMost:Narrow"…) includes the width. */
export function targetWidthIncludes(targetWidth: string, width: HostWidth): boolean {
  const match = /^(?:(atLeast|atMost):)?(veryNarrow|narrow|standard|wide)$/i.exec(targetWidth.trim());
  if (!match) return true;
  const wanted = ORDER.findIndex((name) => name.toLowerCase() === match[2]!.toLowerCase());
  const actual = ORDER.indexOf(width);
  const mode = match[1]?.toLowerCase();
  if (mode === 'atleast') return actual >= wanted;
  if (mode === 'atmost') return actual <= wanted;
  return actual === wanted;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

export interface ExpectedText {
  readonly text: string;
  /** Where in the JSON it comes from, for the failure message. */
  readonly from: string;
  /** A card action's title: the renderer may move it to its "…" overflow menu, drawn only when opened. */
  readonly isActionTitle: boolean;
}

export function expectedTexts(card: unknown, width: HostWidth): ExpectedText[] {
  const found: ExpectedText[] = [];
  const add = (value: unknown, from: string, isActionTitle = false): void => {
    if (typeof value === 'string' && value.trim() !== '') found.push({ text: value, from, isActionTitle });
  };
  const actions = (list: unknown, from: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((action, index) => {
      if (isNode(action) && action.isVisible !== false) add(action.title, `${from}[${index}] ${String(action.type)}`, true);
    });
  };
  const visit = (node: unknown, from: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${from}[${index}]`));
      return;
    }
    if (!isNode(node)) return;
    if (node.isVisible === false) return;
    if (typeof node.targetWidth === 'string' && !targetWidthIncludes(node.targetWidth, width)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    const here = `${from} ${type}`.trim();
    switch (type) {
      case 'TextBlock':
      case 'TextRun':
        add(node.text, here);
        break;
      case 'Image':
        add(node.altText, `${here} altText`);
        break;
      case 'FactSet':
        if (Array.isArray(node.facts)) {
          for (const fact of node.facts.filter(isNode)) {
            add(fact.title, `${here} fact title`);
            add(fact.value, `${here} fact value`);
          }
        }
        break;
      case 'Input.Toggle':
        add(node.label, `${here} label`);
        add(node.title, `${here} title`);
        break;
      case 'Input.ChoiceSet':
        add(node.label, `${here} label`);
        if (node.style === 'expanded' && Array.isArray(node.choices)) for (const choice of node.choices.filter(isNode)) add(choice.title, `${here} choice`);
        break;
      default:
        if (type.startsWith('Input.')) {
          add(node.label, `${here} label`);
          add(node.placeholder, `${here} placeholder`);
          if (typeof node.value === 'string') add(node.value, `${here} value`);
        }
    }
    if (type === 'ActionSet') actions(node.actions, `${here} actions`);
    for (const key of ['body', 'items', 'columns', 'inlines', 'rows', 'cells'] as const) visit(node[key], `${here}.${key}`);
    if (type === 'AdaptiveCard') actions(node.actions, `${here} actions`);
  };
  visit(card, '');
  return found;
}

/**
 * A comparable form of a card text: Markdown marks (emphasis, link targets, list markers, escapes) are dropped
 * the way the renderer drops them, and whitespace is collapsed.
 */
export function comparable(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The lines of a card text as a person reads them: split at line breaks (Teams writes lists with `\r`), list markers off. */
function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => comparable(line.replace(/^\s*(?:[-+*]|\d+\.)\s+/, '')))
    .filter((line) => line !== '');
}

/** The expected texts that the rendered text does not contain, line by line. */
export function missingTexts(expected: readonly ExpectedText[], shown: string): ExpectedText[] {
  const haystack = comparable(shown);
  return expected.filter((item) => linesOf(item.text).some((line) => !haystack.includes(line)));
}
