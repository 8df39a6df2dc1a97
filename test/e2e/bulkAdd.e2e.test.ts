/**
 * End to end in the Microsoft 365 Agents Playground (local mode, as `npm run dev` runs it): five interests in one
 * message after `add`, one card listing them, one Create, and all five on the profile.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startLocalModeHarness, TEST_OUTPUT_DIR, type LocalModeHarness } from './support/localModeHarness';
import { PlaygroundChat } from './support/playgroundChat';
import path from 'node:path';

jest.setTimeout(120_000);

const NAMES = ['Chess', 'Go', 'Rock climbing', 'Food, wine', 'Jazz piano'];

describe('bulk add in the Microsoft 365 Agents Playground', () => {
  let harness: LocalModeHarness | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    browser = await launchChromium();
    harness = await startLocalModeHarness('bulk-add-e2e');
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = new PlaygroundChat(page);
    await chat.open(harness.local.playgroundUrl);
    await chat.waitForBotMessage({ text: 'Welcome' });
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: path.join(TEST_OUTPUT_DIR, 'bulk-add-e2e-last-page.png'), fullPage: true });
    await browser?.close();
    await harness?.stop();
  });

  it('adds five interests from one message with one card and one Create', async () => {
    // The Playground's compose box is a single line (it drops Shift+Enter line breaks), so the names are separated
    // by semicolons here; names on separate lines are covered over /api/messages (test/bot/bulkAdd.test.ts). The
    // comma in "Food, wine" stays in the name because the message has more than one name.
    const card = await chat.ask(`add ${NAMES.join('; ')}`, { text: 'Add these interests to your profile?', button: 'Create' });
    for (const name of NAMES) expect(await card.locator.getByRole('checkbox', { name }).isChecked()).toBe(true);
    expect(NAMES.some((name) => harness?.storedInterest(name))).toBe(false);

    await chat.press(card, 'Create', { text: 'Added 5 interests to your profile.' });
    for (const name of NAMES) expect(harness?.storedInterest(name)).toMatchObject({ displayName: name, allowedAudiences: 'organization' });
  });
});
