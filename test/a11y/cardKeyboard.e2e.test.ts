/**
 * Every card the bot can send, walked with the Tab key in the Agents Playground's own client (the renderer of
 * `cardRendering.e2e.test.ts`), in English, light theme, at 400 px. For each card, Tab is pressed from the card's
 * start until the focus leaves it, and:
 * 1. the stops met are the card's actions and inputs, in its JSON's document order (see `keyboardStops.ts`), each
 *    once: every action is reachable and none is skipped or met twice;
 * 2. they are every control the page draws in the card that a keyboard can reach;
 * 3. each stop is drawn after the one before it: below it, or to its right on the same line.
 * One theme, one width and one language keep this to a single page load; the order does not change with them.
 * Two canary cards, one whose columns are drawn right to left and one with an action taken out of the Tab order in
 * the page, must be caught, or the check has gone blind.
 */
import { createSignInCard } from '../../src/auth/signInCard';
import { textFor } from '../../src/i18n/text';
import { LONGEST_CASES, REALISTIC_CASES } from '../support/cardCases';
import { hostWidthFor } from './support/expectedTexts';
import { describeStop, expectedStops, type KeyboardStop } from './support/keyboardStops';
import { startCardHost, type CardAttachment, type CardHost } from './support/playgroundCardHost';

jest.setTimeout(300_000);

const WIDTH = 400;
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
/** More than any card has: a focus that never leaves the card is reported, not followed forever. */
const MAX_STOPS = 120;
const CANARY_DRAWN_BACKWARDS = 'canary: columns drawn right to left';
const CANARY_UNREACHABLE = 'canary: an action out of the Tab order';
/** Playground 0.2.28's hero card names a button that opens a link by its title and this note (its bundle's `Aye`). */
const HERO_LINK_NOTE = 'This is a card action with a link';

interface KeyboardCase {
  readonly id: string;
  readonly attachment: CardAttachment;
  readonly expected: KeyboardStop[];
}

interface FocusStop {
  readonly kind: 'action' | 'input' | 'more';
  readonly name: string;
  readonly html: string;
  readonly box: { top: number; bottom: number; left: number; right: number };
}

const selectable = (title: string): unknown => ({
  type: 'Container',
  selectAction: { type: 'Action.Execute', title, verb: 'canary' },
  items: [{ type: 'TextBlock', text: title, wrap: true }],
});

function adaptiveCase(id: string, content: unknown): KeyboardCase {
  return { id, attachment: { contentType: ADAPTIVE, content }, expected: expectedStops(content, hostWidthFor(WIDTH)) };
}

function buildCases(): KeyboardCase[] {
  const text = textFor('en-US', 'Europe/Berlin');
  const cases = [...REALISTIC_CASES, ...LONGEST_CASES].map((card) => adaptiveCase(card.name, card.render(text)));
  // An OAuthCard: the Playground draws it as a hero card, its buttons in order, each a link.
  const signIn = createSignInCard(text, { applicationIdUri: 'api://bot.contoso.example/00000000-0000-0000-0000-000000000001', botDomain: 'bot.contoso.example' });
  const buttons = (signIn.content as { buttons?: { title?: string }[] }).buttons ?? [];
  cases.push({
    id: 'sign-in',
    attachment: { contentType: signIn.contentType, content: signIn.content },
    expected: buttons.map((button) => ({ kind: 'action', name: `${button.title ?? ''} ${HERO_LINK_NOTE}`, inActionRow: true })),
  });
  // Read first, drawn second: a right-to-left container puts its first column on the right.
  cases.push(
    adaptiveCase(CANARY_DRAWN_BACKWARDS, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Container', rtl: true, items: [{ type: 'ColumnSet', columns: [{ type: 'Column', width: 'stretch', items: [selectable('Open first')] }, { type: 'Column', width: 'stretch', items: [selectable('Open second')] }] }] }],
    }),
  );
  cases.push(
    adaptiveCase(CANARY_UNREACHABLE, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Canary with two actions', wrap: true }],
      actions: [
        { type: 'Action.Execute', title: 'Canary first', verb: 'canary' },
        { type: 'Action.Execute', title: 'Canary second', verb: 'canary' },
      ],
    }),
  );
  return cases;
}

/** What is wrong with the stops Tab met in a card, given what its JSON asks for and what the page can focus. */
function keyboardFindings(expected: readonly KeyboardStop[], met: readonly FocusStop[], tabbable: readonly FocusStop[], leftCard: boolean): string[] {
  const findings: string[] = [];
  if (!leftCard) findings.push(`the focus did not leave the card after ${MAX_STOPS} presses of Tab`);
  const metNames = met.map(describeStop);
  const overflow = met.findIndex((stop) => stop.kind === 'more');
  // The renderer moves trailing buttons of a long action row into its "more actions" menu, one stop for all of them.
  const shown = overflow < 0 ? expected : expected.slice(0, overflow);
  const moved = overflow < 0 ? [] : expected.slice(overflow);
  if (moved.some((stop) => stop.kind !== 'action' || !stop.inActionRow) || (overflow >= 0 && moved.length === 0)) {
    findings.push(`the "more actions" menu stands for ${moved.map(describeStop).join(', ') || 'nothing'}`);
  }
  const wanted = [...shown.map(describeStop), ...(overflow < 0 ? [] : ['more actions'])];
  if (JSON.stringify(metNames) !== JSON.stringify(wanted)) findings.push(`Tab met ${JSON.stringify(metNames)}, the card's actions and inputs are ${JSON.stringify(wanted)}`);
  const tabbableNames = tabbable.map(describeStop);
  if (JSON.stringify(metNames) !== JSON.stringify(tabbableNames)) findings.push(`Tab met ${JSON.stringify(metNames)}, the page can focus ${JSON.stringify(tabbableNames)} in the card`);
  for (let index = 1; index < met.length; index += 1) {
    const [before, after] = [met[index - 1]!.box, met[index]!.box];
    const above = after.bottom <= before.top + 1;
    const sameLine = after.top < before.bottom && before.top < after.bottom;
    if (above || (sameLine && after.right <= before.left + 1)) {
      findings.push(`${describeStop(met[index]!)} is drawn ${above ? 'above' : 'left of'} ${describeStop(met[index - 1]!)}, which Tab meets first`);
    }
  }
  return findings;
}

describe('every card, walked with the Tab key in the Agents Playground', () => {
  const cases = buildCases();
  let host: CardHost | undefined;
  const findings = new Map<string, string[]>();

  beforeAll(async () => {
    host = await startCardHost();
    await host.postCards(cases);
    await host.setTheme('light');
    await host.setCardWidth(WIDTH);
    // The canary's second button taken out of the Tab order, as a card renderer bug or a stray style would.
    await host.page.evaluate(
      `Array.from(document.querySelector('[data-a11y-card="' + CSS.escape(${JSON.stringify(CANARY_UNREACHABLE)}) + '"]').querySelectorAll('button')).find((button) => button.innerText.includes('Canary second')).setAttribute('tabindex', '-1')`,
    );
    for (const card of cases) {
      const probe = (call: string): Promise<unknown> => host!.page.evaluate(`window.__cardProbe.${call}(${JSON.stringify(card.id)})`);
      if ((await probe('focusCardStart')) !== true) throw new Error(`The card ${card.id} could not take the focus`);
      const met: FocusStop[] = [];
      let leftCard = false;
      while (met.length < MAX_STOPS) {
        await host.page.keyboard.press('Tab');
        const stop = (await probe('focusedStop')) as FocusStop | null;
        if (stop === null) {
          leftCard = true;
          break;
        }
        met.push(stop);
      }
      findings.set(card.id, keyboardFindings(card.expected, met, (await probe('tabbableStops')) as FocusStop[], leftCard));
    }
  });

  afterAll(async () => {
    await host?.stop();
  });

  it('meets every action and input of each card once, in the order they are read and drawn', () => {
    const real = [...findings].filter(([id]) => id !== CANARY_DRAWN_BACKWARDS && id !== CANARY_UNREACHABLE);
    expect(real).toHaveLength(cases.length - 2);
    expect(real.filter(([, found]) => found.length > 0)).toEqual([]);
  });

  it('catches a card drawn in another order than it is read, and an action Tab cannot reach', () => {
    expect(findings.get(CANARY_DRAWN_BACKWARDS)).toEqual([expect.stringMatching(/^action "Open second" is drawn left of action "Open first"/)]);
    expect(findings.get(CANARY_UNREACHABLE)).toEqual([
      'Tab met ["action \\"Canary first\\""], the card\'s actions and inputs are ["action \\"Canary first\\"","action \\"Canary second\\""]',
    ]);
  });
});
