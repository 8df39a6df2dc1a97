/**
 * Accessibility rules on a card's JSON, for what a check of the rendered card (axe) cannot see: a placeholder
 * passes for a label there, a required input looks like any other, a title-looking line is not a heading, ten
 * buttons called "Chat" are ten valid buttons, and colour and order are only pixels. Each rule returns what it
 * found wrong, each finding naming the rule, so a failing test says which rule broke and where.
 */
import type { AdaptiveCard } from '../../src/cards/cardTemplate';

export type CardNode = Record<string, unknown>;

export interface CardRule {
  readonly name: string;
  /** What the rule asks, in a sentence; shown with each finding. */
  readonly says: string;
  check(card: AdaptiveCard, context: RuleContext): string[];
}

export interface RuleContext {
  /** Names that must not appear on the card: interests not everyone in a shared conversation may see. */
  readonly hiddenNames?: readonly string[];
}

const isNode = (value: unknown): value is CardNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (node: CardNode): string => (typeof node['type'] === 'string' ? node['type'] : '');
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
/** Words, in any script: two letters in a row, or one ideograph or kana (Chinese and Japanese words can be one). */
const hasWords = (text: string): boolean => /\p{L}{2,}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);

/**
 * Every element of the card the reader meets, in document order (the order a screen reader reads and Tab moves):
 * the body, then the card's actions. Action data is opaque, and `refresh` is never shown, so neither is walked.
 */
export function elementsOf(card: AdaptiveCard): CardNode[] {
  const found: CardNode[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isNode(value)) {
      found.push(value);
      for (const [key, child] of Object.entries(value)) if (key !== 'data' && key !== 'refresh' && key !== 'msteams') walk(child);
    }
  };
  walk(card.body);
  walk(card.actions ?? []);
  return found;
}

export const actionsIn = (card: AdaptiveCard): CardNode[] => elementsOf(card).filter((node) => typeOf(node).startsWith('Action.'));
export const inputsIn = (card: AdaptiveCard): CardNode[] => elementsOf(card).filter((node) => typeOf(node).startsWith('Input.'));

/** All text a node and what it holds shows or reads out. */
function wordsWithin(node: CardNode): string {
  return elementsOf({ type: 'AdaptiveCard', version: '1.5', body: [node] })
    .flatMap((element) => [element['text'], element['altText'], element['title']].map(textOf))
    .join(' ');
}

/**
 * Every input has a `label`, the text Teams draws above it and ties to it for screen readers: a placeholder
 * disappears on typing and is skipped by many readers. A toggle's `title` is its label (drawn beside the box and
 * tied to it the same way), so a toggle may have either.
 */
const inputsHaveLabels: CardRule = {
  name: 'input-label',
  says: 'every input has a label, not only a placeholder',
  check: (card) =>
    inputsIn(card)
      .filter((input) => textOf(input['label']) === '' && !(typeOf(input) === 'Input.Toggle' && textOf(input['title']) !== ''))
      .map((input) => `${typeOf(input)} "${String(input['id'])}" has no label${textOf(input['placeholder']) ? ' (only a placeholder)' : ''}`),
};

/**
 * The inputs the bot cannot do without, by id, and when: the interest's name and audience on the edit card, the
 * audience of a bulk add, and the answer to a question that takes one answer (a multi-select question takes none
 * ticked as an answer: "no tags").
 */
export const REQUIRED_INPUTS: Readonly<Record<string, (input: CardNode) => boolean>> = {
  displayName: () => true,
  allowedAudiences: () => true,
  bulkAudience: () => true,
  choice: (input) => input['isMultiSelect'] !== true,
};

/** A required input says so (`isRequired`, which Teams shows on the label and checks before sending), and what to do when empty (`errorMessage`). */
const requiredInputsSaySo: CardRule = {
  name: 'input-required',
  says: 'required inputs have isRequired: true and an errorMessage',
  check: (card) =>
    inputsIn(card).flatMap((input) => {
      const id = String(input['id']);
      const problems: string[] = [];
      if (REQUIRED_INPUTS[id]?.(input) === true && input['isRequired'] !== true) problems.push(`"${id}" is required but not marked isRequired`);
      if (input['isRequired'] === true && textOf(input['errorMessage']) === '') problems.push(`"${id}" is required but has no errorMessage`);
      return problems;
    }),
};

const imagesHaveAltText: CardRule = {
  name: 'image-alt',
  says: 'every image has altText',
  check: (card) =>
    elementsOf(card)
      .filter((node) => typeOf(node) === 'Image' && textOf(node['altText']) === '')
      .map((node) => `Image ${String(node['url'] ?? '')} has no altText`),
};

const isTextBlock = (node: unknown): node is CardNode => isNode(node) && typeOf(node) === 'TextBlock';
const looksLikeTitle = (node: CardNode): boolean => node['style'] === 'heading' || node['weight'] === 'bolder' || node['size'] === 'large' || node['size'] === 'extraLarge';

/**
 * The card's title is its first bold or large TextBlock, and it has `style: "heading"` (Teams gives it the heading
 * role and level). A status line above it, the first line after an in-place update ("Saved."), is not the title: it
 * is the card's first element, followed directly by the heading.
 */
const titleIsHeading: CardRule = {
  name: 'heading',
  says: 'the card’s title (its first bold or large text) has style: "heading"',
  check: (card) => {
    const [first, second] = card.body;
    const statusLine = isTextBlock(first) && isTextBlock(second) && second['style'] === 'heading' ? first : undefined;
    const title = elementsOf(card).find((node) => node !== statusLine && isTextBlock(node) && looksLikeTitle(node));
    return title === undefined || title['style'] === 'heading' ? [] : [`"${textOf(title['text'])}" looks like the title but is not style: "heading"`];
  },
};

/** One-word titles that say nothing read alone, in a screen reader's list of the card's buttons (English only). */
const VAGUE_TITLES = new Set(['chat', 'open', 'link', 'more', 'here', 'click here', 'go', 'details', 'view']);

/** What an action does: its kind, verb, link and data. Two actions that do the same may share a title. */
const effectOf = (action: CardNode): string => JSON.stringify([typeOf(action), action['verb'] ?? null, action['url'] ?? null, action['data'] ?? null]);

/** A Markdown link in a text (`[Chat with Megan Bowen](https://…)`): its words are its title, read alone in a list of links. */
const MARKDOWN_LINK = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;

/** The links written in the card's texts, as actions that open their URL, titled by their words. */
export function markdownLinksIn(card: AdaptiveCard): CardNode[] {
  return elementsOf(card)
    .filter((node) => typeOf(node) === 'TextBlock' || typeOf(node) === 'TextRun')
    .flatMap((node) => Array.from(textOf(node['text']).matchAll(MARKDOWN_LINK), (link) => ({ type: 'Markdown link', title: link[1]!.replace(/\\(.)/g, '$1'), url: link[2]! })));
}

/**
 * Every action has a title that makes sense read alone: not empty, not a vague word, and no two actions on a card
 * share a title unless they do the same thing ("Chat with Megan Bowen", not "Chat" ten times). Row actions
 * (`selectAction`) count: Teams reads their title as the row's name; and so do Markdown links, by their words.
 */
const actionTitlesStandAlone: CardRule = {
  name: 'action-title',
  says: 'every action has a title that makes sense alone, and different actions have different titles',
  check: (card) => {
    const problems: string[] = [];
    const byTitle = new Map<string, Set<string>>();
    for (const action of [...actionsIn(card), ...markdownLinksIn(card)]) {
      const title = textOf(action['title']);
      if (title === '') problems.push(`${typeOf(action)} ${String(action['verb'] ?? action['url'] ?? '')} has no title`);
      else if (VAGUE_TITLES.has(title.toLowerCase())) problems.push(`"${title}" says nothing read alone`);
      byTitle.set(title, (byTitle.get(title) ?? new Set()).add(effectOf(action)));
    }
    for (const [title, effects] of byTitle) if (title !== '' && effects.size > 1) problems.push(`${effects.size} different actions are all titled "${title}"`);
    return problems;
  },
};

/** In a shared conversation, no title (nor any text) names an interest not everyone there may see. */
const sharedTitlesHideNames: CardRule = {
  name: 'shared-view',
  says: 'in a shared conversation no title or text names a private interest',
  check: (card, { hiddenNames = [] }) =>
    elementsOf(card).flatMap((node) =>
      [node['title'], node['text'], node['label'], node['altText']]
        .map(textOf)
        .filter((shown) => shown !== '' && hiddenNames.some((name) => name !== '' && shown.includes(name)))
        .map((shown) => `"${shown}" names a private interest`),
    ),
};

/** Container styles and text colours that stand out: each must come with words that say what it means. */
const STANDOUT_STYLES = new Set(['accent', 'good', 'attention', 'warning', 'emphasis']);

/**
 * No meaning carried by colour alone: a coloured text, or a container drawn in a standout style (a badge), holds
 * words (or an image with altText) that say what the colour adds to. A "Suggested" badge says "Suggested"; an
 * accent-coloured dot would say nothing to someone who cannot tell the colour, or cannot see it.
 */
const colourHasWords: CardRule = {
  name: 'colour-alone',
  says: 'coloured text and standout containers also carry words that say what they mean',
  check: (card) =>
    elementsOf(card).flatMap((node) => {
      const words = wordsWithin(node);
      const isBadge = ['Container', 'Column', 'ColumnSet'].includes(typeOf(node)) && STANDOUT_STYLES.has(String(node['style']));
      const isColouredText = ['TextBlock', 'TextRun'].includes(typeOf(node)) && typeof node['color'] === 'string' && node['color'] !== 'default';
      // Emoji keep their own colours and are read out by name: a coloured line of them (a name in a notice) says what it shows.
      const saysIt = hasWords(words) || (isColouredText && /\p{Extended_Pictographic}/u.test(words));
      return (isBadge || isColouredText) && !saysIt ? [`a ${typeOf(node)} in ${String(node['color'] ?? node['style'])} has no words that say what it means`] : [];
    }),
};

/**
 * Reading order matches visual order. Screen readers read, and Tab moves, in the card's document order; Teams
 * draws body elements top to bottom and a ColumnSet's columns left to right in that same order. So the order
 * differs only where the card asks for it, and this rule forbids each way of asking:
 * - `rtl: true` (draws columns right to left, so the first read is drawn last);
 * - a `Layout.AreaGrid` that puts an element above or left of one that comes before it;
 * - a ColumnSet whose right-aligned column (trailing content: a badge, a button, a date) comes before a column
 *   that is not, so it is read before what it trails.
 */
const readingOrderIsVisualOrder: CardRule = {
  name: 'reading-order',
  says: 'the order read (document order) is the order drawn',
  check: (card) =>
    elementsOf(card).flatMap((node) => {
      const problems: string[] = [];
      if (node['rtl'] === true) problems.push(`a ${typeOf(node)} is drawn right to left`);
      for (const layout of Array.isArray(node['layouts']) ? node['layouts'] : []) {
        if (!isNode(layout) || layout['type'] !== 'Layout.AreaGrid' || !Array.isArray(layout['areas'])) continue;
        const place = new Map(
          (layout['areas'] as unknown[]).filter(isNode).map((area) => [String(area['name']), [Number(area['row'] ?? 1), Number(area['column'] ?? 1)] as const]),
        );
        const items = (Array.isArray(node['items']) ? node['items'] : Array.isArray(node['body']) ? node['body'] : []).filter(isNode);
        const places = items.map((item) => place.get(String(item['grid.area']))).filter((at) => at !== undefined);
        for (let index = 1; index < places.length; index += 1) {
          const [row, column] = places[index]!;
          const [previousRow, previousColumn] = places[index - 1]!;
          if (row < previousRow || (row === previousRow && column < previousColumn)) problems.push(`a Layout.AreaGrid draws element ${index + 1} before element ${index}`);
        }
      }
      if (typeOf(node) === 'ColumnSet' && Array.isArray(node['columns'])) {
        const columns = (node['columns'] as unknown[]).filter(isNode);
        const trailing = columns.findIndex((column) => column['horizontalAlignment'] === 'right');
        if (trailing >= 0 && columns.slice(trailing + 1).some((column) => column['horizontalAlignment'] !== 'right')) {
          problems.push(`a ColumnSet's right-aligned column ${trailing + 1} is read before the column it trails`);
        }
      }
      return problems;
    }),
};

export const CARD_RULES: readonly CardRule[] = [
  inputsHaveLabels,
  requiredInputsSaySo,
  imagesHaveAltText,
  titleIsHeading,
  actionTitlesStandAlone,
  sharedTitlesHideNames,
  colourHasWords,
  readingOrderIsVisualOrder,
];

/** Every rule's findings on the card, each as `rule: what is wrong`. */
export function cardRuleFindings(card: AdaptiveCard, context: RuleContext = {}): string[] {
  return CARD_RULES.flatMap((rule) => rule.check(card, context).map((finding) => `${rule.name}: ${finding}`));
}
