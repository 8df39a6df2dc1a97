/**
 * Local mode in German, as `LOCAL_LOCALE=de-DE LOCAL_TIMEZONE=Europe/Berlin npm run dev` runs it: the real Agents
 * Playground in headless Chromium, its activities given the German locale at local mode's edge. A person lists,
 * opens, tags and adds in German words, typed and on buttons, and the profile service stores what they chose.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CATALOGS } from '../../src/i18n/catalogs';
import { textFor } from '../../src/i18n/text';
import { launchChromium } from './support/chromium';
import { startLocalModeHarness, TEST_OUTPUT_DIR, type LocalModeHarness } from './support/localModeHarness';
import { PlaygroundChat, type BotMessage } from './support/playgroundChat';

jest.setTimeout(120_000);

const german = textFor('de-DE', 'Europe/Berlin');
/** What a German speaker types: the first of the catalog's words for a command or answer. */
const word = (key: 'words.command.list' | 'words.command.add' | 'words.answer.skip'): string => CATALOGS.de[key].split('|')[0]!;

describe('local mode in German', () => {
  let harness: LocalModeHarness | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;
  let interestCard: BotMessage;

  beforeAll(async () => {
    browser = await launchChromium();
    harness = await startLocalModeHarness('german-e2e', { LOCAL_LOCALE: 'de-DE', LOCAL_TIMEZONE: 'Europe/Berlin' });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = new PlaygroundChat(page);
    await chat.open(harness.local.playgroundUrl);
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: path.join(TEST_OUTPUT_DIR, 'german-e2e-last-page.png'), fullPage: true });
    await browser?.close();
    await harness?.stop();
  });

  it('welcomes in German', async () => {
    await chat.waitForBotMessage({ text: german.t('helpCard.welcome') });
  });

  it('lists in German and opens an interest from the list', async () => {
    const name = 'Machine learning';
    const list = await chat.ask(word('words.command.list'), { text: german.t('list.title.own'), button: german.t('list.row.open', { name }) });
    expect(await list.locator.innerText()).toContain(german.t('list.summary.count', { count: harness!.storedInterests().length }));
    interestCard = await chat.press(list, german.t('list.row.open', { name }), { text: name, button: german.t('interestCard.tag') });
  });

  it('tags it on the German tag card', async () => {
    const name = 'Machine learning';
    const tagCard = await chat.press(interestCard, german.t('interestCard.tag'), { text: german.t('tagCard.title', { name }), button: german.t('tagCard.save') });
    await tagCard.locator.getByRole('checkbox', { name: german.t('collaborationTag.ableToMentor') }).check();
    interestCard = await chat.press(tagCard, german.t('tagCard.save'), { text: german.t('collaborationTag.ableToMentor'), button: german.t('interestCard.tag') });
    expect(harness!.storedInterest(name)?.collaborationTags).toContain('ableToMentor');
  });

  it('adds an interest through the German dialog', async () => {
    const name = 'Orientierungslauf';
    await chat.ask(`${word('words.command.add')} ${name}`, { text: german.t('addDialog.askDescription') });
    await chat.ask('Karten und Kompass im Wald.', { text: german.t('addDialog.askCategories') });
    await chat.ask(word('words.answer.skip'), { text: german.t('addDialog.askTags') });
    await chat.ask(word('words.answer.skip'), { text: german.t('addDialog.askAudience', { audience: german.t('audience.organization') }) });
    const summary = await chat.ask(word('words.answer.skip'), { text: german.t('addDialog.askLink') }).then(() =>
      chat.ask(word('words.answer.skip'), { text: german.t('addSummary.heading'), button: german.t('addSummary.create') }),
    );
    await chat.press(summary, german.t('addSummary.create'), { text: german.t('addDialog.added'), button: german.t('interestCard.tag') });
    expect(harness!.storedInterest(name)).toMatchObject({ displayName: name, description: 'Karten und Kompass im Wald.', allowedAudiences: 'organization' });
  });
});
