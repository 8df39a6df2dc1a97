/**
 * Every card the bot can send, drawn by a real Teams-like renderer: the Microsoft 365 Agents Playground's own web
 * client (Adaptive Cards 1.5 with `targetWidth` and `Layout.*`) in headless Chromium, under its light, dark and
 * high-contrast themes and at card widths of 320, 400 and 600 px, in English and the pseudo-locale. For each card:
 * 1. the render contains every text and action title of its JSON (so an empty or failed render cannot pass);
 * 2. axe-core, run on the cards only, finds no violation of impact serious or critical;
 * 3. axe's color-contrast rule measured the card's text (computed styles, 4.5:1, 3:1 for large text);
 * 4. nothing scrolls or is cut off sideways, and every control lies inside the card.
 * The cards are posted once and re-checked after each theme and width change, so one page load serves the run.
 * A canary card with an unlabelled field must be caught every time, or the check itself is broken.
 * Findings are also written to test-output/a11y-card-rendering-<locale>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSignInCard } from '../../src/auth/signInCard';
import { PSEUDO_LANGUAGE } from '../../src/i18n/languages';
import { textFor } from '../../src/i18n/text';
import { LONGEST_CASES, REALISTIC_CASES } from '../support/cardCases';
import { expectedTexts, hostWidthFor, missingTexts, type ExpectedText } from './support/expectedTexts';
import { PLAYGROUND_THEMES, startCardHost, type CardAttachment, type CardHost, type PlaygroundTheme } from './support/playgroundCardHost';

jest.setTimeout(300_000);

const TEST_OUTPUT_DIR = path.resolve(__dirname, '../../test-output');
const WIDTHS = [320, 400, 600] as const;
const LOCALES = ['en-US', PSEUDO_LANGUAGE] as const;
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const CANARY_ID = 'canary: faint text and a nameless button';
const CANARY_ICON = 'data:image/svg+xml;base64,' + Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="6"/></svg>').toString('base64');

/**
 * Defects this check found that are not fixed yet, each one kept open in the tracker. A finding that matches one is
 * written to the report but does not fail the run; each must still be seen in the run (the last test), so a fixed
 * one has to leave this list, and anything else fails as before.
 */
const KNOWN_DEFECTS: readonly { readonly card: RegExp; readonly detail: RegExp; readonly why: string }[] = [];

const isKnownDefect = (finding: { card: string; detail: string }): boolean =>
  KNOWN_DEFECTS.some((defect) => defect.card.test(finding.card) && defect.detail.test(finding.detail));

interface RenderCase {
  readonly id: string;
  readonly attachment: CardAttachment;
  expected(width: number): ExpectedText[];
}

function adaptiveCase(id: string, content: unknown): RenderCase {
  return { id, attachment: { contentType: ADAPTIVE, content }, expected: (width) => expectedTexts(content, hostWidthFor(width)) };
}

function buildCases(locale: string): RenderCase[] {
  const cases: RenderCase[] = [];
  const text = textFor(locale, 'Europe/Berlin');
  for (const card of [...REALISTIC_CASES, ...LONGEST_CASES]) cases.push(adaptiveCase(`${locale} ${card.name}`, card.render(text)));
  // An OAuthCard: the Playground draws it as a hero card (its text and the sign-in button).
  const signIn = createSignInCard(text, { applicationIdUri: 'api://bot.contoso.example/00000000-0000-0000-0000-000000000001', botDomain: 'bot.contoso.example' });
  const content = signIn.content as { text?: string; buttons?: { title?: string }[] };
  cases.push({
    id: `${locale} sign-in`,
    attachment: { contentType: signIn.contentType, content: signIn.content },
    expected: () => [
      { text: content.text ?? '', from: 'OAuthCard text', isActionTitle: false },
      ...(content.buttons ?? []).map((button, index) => ({ text: button.title ?? '', from: `OAuthCard buttons[${index}]`, isActionTitle: false })),
    ],
  });
  // A card with two known faults: yellow "warning" text on white (the host's own palette, about 1.5:1) and an
  // icon button with no title, hence no name.
  cases.push(
    adaptiveCase(CANARY_ID, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Canary in warning colour', color: 'warning', wrap: true }],
      actions: [{ type: 'Action.Execute', verb: 'canary', iconUrl: CANARY_ICON }],
    }),
  );
  return cases;
}

interface AxeCardResult {
  violations: { rule: string; impact: string | null; target: string; html: string; summary: string; hostStyled: boolean }[];
  contrastChecked: number;
  contrastIncomplete: number;
}

interface Measurement {
  width: number;
  text: string;
  horizontalScroll: boolean;
  clipped: string[];
  controlsOutside: string[];
  contrast: { checked: number; failures: string[] };
  hasOverflowMenu: boolean;
}

interface Finding {
  readonly theme: PlaygroundTheme;
  readonly width: number;
  readonly card: string;
  readonly check: 'render' | 'axe' | 'contrast' | 'width' | 'host';
  readonly detail: string;
}

// One page load per language keeps each chat to about 80 cards, which the Playground draws in seconds.
describe.each(LOCALES)('every %s card, rendered by the Agents Playground in each theme and width', (locale) => {
  const cases = buildCases(locale);
  let host: CardHost | undefined;
  const findings: Finding[] = [];
  const contrast: { theme: PlaygroundTheme; width: number; card: string; checked: number; incomplete: number }[] = [];

  beforeAll(async () => {
    host = await startCardHost();
    await host.postCards(cases);
  });

  afterAll(async () => {
    await mkdir(TEST_OUTPUT_DIR, { recursive: true });
    await writeFile(path.join(TEST_OUTPUT_DIR, `a11y-card-rendering-${locale}.json`), JSON.stringify({ findings, contrast }, null, 2) + '\n');
    await host?.stop();
  });

  const combinations = PLAYGROUND_THEMES.flatMap((theme) => WIDTHS.map((width) => [theme, width] as const));

  it.each(combinations)('%s theme, %i px: every card whole, named and readable', async (theme, width) => {
    if (!host) throw new Error('The Playground did not start.');
    await host.setTheme(theme);
    await host.setCardWidth(width);
    const here: Finding[] = [];
    const report = (card: string, check: Finding['check'], detail: string): void => void here.push({ theme, width, card, check, detail });

    const measurements = new Map<string, Measurement>();
    for (const card of cases) {
      const measured = (await host.page.evaluate(`window.__cardProbe.measure(${JSON.stringify(card.id)})`)) as Measurement;
      measurements.set(card.id, measured);
      if (Math.abs(measured.width - width) > 1) report(card.id, 'render', `drawn ${measured.width} px wide, not ${width} px`);
      for (const missing of missingTexts(card.expected(width), measured.text)) {
        // An action moved into the renderer's "…" menu is still one press away; any other missing text is a failure.
        if (missing.isActionTitle && measured.hasOverflowMenu) continue;
        report(card.id, 'render', `does not show "${missing.text}" (${missing.from})`);
      }
      if (measured.horizontalScroll) report(card.id, 'width', 'the card scrolls sideways');
      for (const clipped of measured.clipped) report(card.id, 'width', `cut off: ${clipped}`);
      for (const outside of measured.controlsOutside) report(card.id, 'width', `outside the card: ${outside}`);
    }

    const axe = (await host.page.evaluate('window.__cardProbe.runAxe()')) as Record<string, AxeCardResult>;
    for (const card of cases) {
      const result = axe[card.id] ?? { violations: [], contrastChecked: 0, contrastIncomplete: 0 };
      const blocking = result.violations.filter((found) => BLOCKING_IMPACTS.has(found.impact ?? ''));
      if (theme === 'highContrast') {
        // axe 4.14 reads `-webkit-text-fill-color`, which Chromium leaves at the card's own colour in forced-colors
        // mode while it paints the forced one (white on black): its contrast verdicts there describe colours that
        // are not drawn. The computed forced colours are measured instead.
        const measured = measurements.get(card.id)!.contrast;
        contrast.push({ theme, width, card: card.id, checked: measured.checked, incomplete: 0 });
        if (measured.checked === 0) report(card.id, 'contrast', 'no text of this card had its contrast measured');
        for (const failure of measured.failures) report(card.id, 'contrast', `computed-style contrast: ${failure}`);
      } else {
        contrast.push({ theme, width, card: card.id, checked: result.contrastChecked, incomplete: result.contrastIncomplete });
        if (result.contrastChecked === 0) report(card.id, 'contrast', 'axe measured the contrast of no text in this card');
      }
      for (const violation of blocking) {
        const detail = `${violation.rule} (${violation.impact}) at ${violation.target}: ${violation.summary.replace(/\s+/g, ' ')} — ${violation.html}`;
        if (violation.rule === 'color-contrast' && theme === 'highContrast') continue;
        // The Playground has one (light) card host config: under its dark theme its own components (Fluent choice
        // labels, its hero card) turn dark-theme colours onto the light card surface. No card can change that.
        if (violation.rule === 'color-contrast' && theme === 'dark' && violation.hostStyled) report(card.id, 'host', detail);
        else report(card.id, violation.rule === 'color-contrast' ? 'contrast' : 'axe', detail);
      }
    }
    for (const [card, result] of Object.entries(axe).filter(([id]) => !cases.some((known) => known.id === id))) {
      for (const violation of result.violations.filter((found) => BLOCKING_IMPACTS.has(found.impact ?? ''))) report(card, 'axe', `${violation.rule} at ${violation.target}`);
    }

    // The canary must be caught, or the check has gone blind.
    const canaryRules = new Set(here.filter((finding) => finding.card === CANARY_ID).map((finding) => finding.detail.split(' ')[0]));
    expect([...canaryRules]).toEqual(expect.arrayContaining(theme === 'highContrast' ? ['button-name'] : ['button-name', 'color-contrast']));
    if (theme !== 'highContrast') {
      expect(here.some((finding) => finding.card === CANARY_ID && finding.check === 'contrast')).toBe(true);
      // The computed-style measure used in high contrast sees the same fault where axe can be trusted.
      expect(measurements.get(CANARY_ID)?.contrast.failures).toEqual([expect.stringContaining('Canary in warning colour')]);
    }

    findings.push(...here);
    const describeFinding = (finding: Finding): string => `${finding.card} [${finding.check}] ${finding.detail}`;
    expect(here.filter((finding) => finding.card !== CANARY_ID && finding.check !== 'host' && !isKnownDefect(finding)).map(describeFinding)).toEqual([]);
  });

  it('still finds every known defect (a fixed one leaves KNOWN_DEFECTS)', () => {
    expect(KNOWN_DEFECTS.filter((defect) => !findings.some((finding) => defect.card.test(finding.card) && defect.detail.test(finding.detail))).map((defect) => defect.why)).toEqual([]);
  });
});
