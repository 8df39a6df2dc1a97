/**
 * The Microsoft 365 Agents Playground's own web client as a card renderer: the Playground runs against a stand-in
 * bot that only records what it is sent, and cards are posted into its personal chat through the Playground's own
 * Bot Connector (`<serviceUrl>/v3/conversations/{id}/activities`, the `serviceUrl` and conversation its activities
 * carry), so its client draws exactly the attachment the bot would send to Teams.
 *
 * What Playground 0.2.28's client offers, read from its bundle (`dist/client/static/js/main.*.js`), and how each
 * theme and width is obtained from it:
 * - It has no theme switch (the "Change Color Theme" menu string is unused): its root `FluentProvider` is fixed to
 *   its Teams light theme (`createLightTheme` of the Teams brand ramp). The same bundle carries the matching dark
 *   theme (`createDarkTheme` of the same ramp, kept for its charts). `THEME_SWITCH` gives the root provider a switch
 *   between those two objects; no colour is written here.
 * - Its card host config is one light Teams config; the card renderer copies that config's colours inline (text,
 *   container backgrounds), while Fluent tokens colour inputs, choices and buttons. Under the dark theme the card
 *   surface therefore stays light and only the Fluent-drawn parts turn dark: that is how this Playground draws a
 *   card in dark, and its findings are reported as such.
 * - High contrast is Chromium's forced-colors mode (white on black), the mode Teams follows under Windows contrast
 *   themes; the Fluent components carry their own `forced-colors` rules and the system palette supplies the colours.
 * - Cards sit in a fixed 450 px frame and the renderer never turns on its `enableAutomaticReflow`, so `targetWidth`
 *   would always be judged "wide". `REFLOW_SWITCH` turns it on (the renderer's own ResizeObserver then picks
 *   veryNarrow/narrow/standard/wide from the card's width, breakpoints 216/345/500 px), and the probe widens or
 *   narrows the frame to the width under test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../../localMode/playground';
import { createLogger } from '../../../src/logger';
import { launchChromium } from '../../e2e/support/chromium';

export type PlaygroundTheme = 'light' | 'dark' | 'highContrast';
export const PLAYGROUND_THEMES: readonly PlaygroundTheme[] = ['light', 'dark', 'highContrast'];

/** The root of the client, `<FluentProvider theme={teamsLight}>` in Playground 0.2.28's bundle. */
const THEME_SWITCH = {
  find: '(0,te.jsx)(sn,{theme:Wr,children:',
  replace:
    '(0,te.jsx)(function(p){const[t,s]=(0,m.useState)("light");(0,m.useEffect)(()=>{const h=e=>s(e.detail);' +
    'window.addEventListener("a11y-theme",h);return()=>window.removeEventListener("a11y-theme",h)},[]);' +
    'return(0,te.jsx)(sn,{theme:t==="dark"?bon:Wr,children:p.children})},{children:',
};
/** Where the chat's card component creates its card object. */
const REFLOW_SWITCH = { find: 'function mme(e){const t=new Uj;', replace: 'function mme(e){const t=new Uj;t.enableAutomaticReflow=!0;' };

export class PlaygroundBundleChanged extends Error {
  override readonly name = 'PlaygroundBundleChanged';
}

function patchBundle(source: string): string {
  let patched = source;
  for (const { find, replace } of [THEME_SWITCH, REFLOW_SWITCH]) {
    const count = patched.split(find).length - 1;
    if (count !== 1) {
      throw new PlaygroundBundleChanged(
        `The Agents Playground's client no longer contains "${find}" exactly once (found ${count}): its version changed; read its bundle again and update playgroundCardHost.ts.`,
      );
    }
    patched = patched.replace(find, replace);
  }
  return patched;
}

interface ConversationAddress {
  readonly serviceUrl: string;
  readonly conversation: { id: string };
  readonly bot: unknown;
  readonly user: unknown;
}

export interface CardAttachment {
  readonly contentType: string;
  readonly content: unknown;
}

export interface CardHost {
  readonly page: Page;
  /** Posts the attachments as bot messages, in order, and waits until the chat shows them all; `ids` name them. */
  postCards(cards: readonly { id: string; attachment: CardAttachment }[]): Promise<void>;
  setTheme(theme: PlaygroundTheme): Promise<void>;
  /** Gives every card this width and waits until the renderer has laid them out again. */
  setCardWidth(px: number): Promise<void>;
  stop(): Promise<void>;
}

/** The Playground's connector refuses request bodies over 100 kB (HTTP 413). */
const MAX_MESSAGE_BYTES = 90_000;

/** Attachments grouped, in order, into messages under the connector's body limit. */
function packed(attachments: readonly CardAttachment[]): CardAttachment[][] {
  const messages: CardAttachment[][] = [];
  let bytes = Infinity;
  for (const attachment of attachments) {
    const size = Buffer.byteLength(JSON.stringify(attachment));
    if (bytes + size > MAX_MESSAGE_BYTES) {
      messages.push([]);
      bytes = 0;
    }
    messages[messages.length - 1]!.push(attachment);
    bytes += size;
  }
  return messages;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A bot that answers every activity with 200 and remembers where the Playground's conversation is. */
async function startRecordingBot(): Promise<{ endpoint: string; address(): ConversationAddress | undefined; close(): Promise<void> }> {
  let address: ConversationAddress | undefined;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { serviceUrl?: string; conversation?: { id?: string; conversationType?: string }; recipient?: unknown; from?: unknown };
        if (activity.serviceUrl && activity.conversation?.id && activity.conversation.conversationType !== 'channel') {
          address = { serviceUrl: activity.serviceUrl, conversation: { id: activity.conversation.id }, bot: activity.recipient, user: activity.from };
        }
      } catch (error) {
        response.writeHead(400);
        response.end(String(error));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    address: () => address,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function startCardHost(): Promise<CardHost> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const browser: Browser = await launchChromium();
    stops.push(() => browser.close());
    const bot = await startRecordingBot();
    stops.push(() => bot.close());
    const logDir = await mkdtemp(path.join(tmpdir(), 'a11y-playground-'));
    stops.push(() => rm(logDir, { recursive: true, force: true }));
    const playground: RunningPlayground = await startPlayground({ botEndpoint: bot.endpoint, port: 0, logDir, logger: createLogger({ level: 'silent' }) });
    stops.push(() => playground.stop());

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // The page asks a CDN for fonts: fail those at once rather than wait for a network that may not be there.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    await servePatchedClient(page);
    await page.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
    await page.addInitScript({ path: CARD_PROBE_SCRIPT });
    await page.goto(playground.url);
    await page.getByRole('textbox').first().waitFor();
    const address = await waitFor('the Playground to open its personal chat with the bot', () => bot.address());

    return {
      page,
      async postCards(cards) {
        const before = await page.evaluate('window.__cardProbe.cardCount()');
        if (before !== 0) throw new Error('postCards expects an empty chat');
        // Many attachments to a message (a list layout): the chat re-renders once per message, not once per card.
        for (const attachments of packed(cards.map((card) => card.attachment))) {
          const response = await fetch(`${address.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(address.conversation.id)}/activities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', from: address.bot, recipient: address.user, conversation: address.conversation, attachmentLayout: 'list', attachments }),
          });
          if (!response.ok) throw new Error(`The Playground's connector refused a card: ${response.status} ${await response.text()}`);
        }
        let shown: unknown = 0;
        await waitFor(`${cards.length} cards in the chat (${String(shown)} so far)`, async () => {
          shown = await page.evaluate('window.__cardProbe.cardCount()');
          return shown === cards.length ? true : undefined;
        }).catch((error: unknown) => {
          throw new Error(`${String(error)}: the chat shows ${String(shown)} cards`);
        });
        await page.evaluate(`window.__cardProbe.tag(${JSON.stringify(cards.map((card) => card.id))})`);
      },
      async setTheme(theme) {
        await applyTheme(page, theme);
      },
      async setCardWidth(px) {
        await page.evaluate(`window.__cardProbe.setCardWidth(${px})`);
        await settle(page);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Makes the page load the Playground's client with `THEME_SWITCH` and `REFLOW_SWITCH` applied; call it before the
 * page opens the Playground. Any page can then draw cards as this host does, themes and widths included.
 */
export async function servePatchedClient(page: Page): Promise<void> {
  await page.route(/\/static\/js\/main\.[0-9a-f]+\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: patchBundle(await response.text()) });
  });
}

/** The script that installs `window.__cardProbe` (see cardProbe.js); inject it with `page.addInitScript`. */
export const CARD_PROBE_SCRIPT = path.join(__dirname, 'cardProbe.js');

/** Draws a page served by `servePatchedClient` in a theme, and waits until the cards are drawn again. */
export async function applyTheme(page: Page, theme: PlaygroundTheme): Promise<void> {
  await page.evaluate(`window.dispatchEvent(new CustomEvent("a11y-theme", { detail: ${JSON.stringify(theme === 'dark' ? 'dark' : 'light')} }))`);
  await page.emulateMedia(theme === 'highContrast' ? { forcedColors: 'active', colorScheme: 'dark' } : { forcedColors: 'none', colorScheme: 'light' });
  await settle(page);
}

/** Two animation frames and a short pause: the renderer's ResizeObserver fires, React re-renders, styles apply. */
export async function settle(page: Page): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))');
  await sleep(150);
  for (let frame = 0; frame < 2; frame++) await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))');
}
