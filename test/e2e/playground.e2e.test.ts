/**
 * End to end, the way a developer uses local mode: the local profile service, the bot and the real Microsoft 365
 * Agents Playground (started by `startLocalMode`, as `npm run dev` does), driven in headless Chromium by typing and
 * pressing card buttons. After each step the profile service's stored data is checked, and the main cards are
 * saved as screenshots (into docs/screenshots/ by `npm run screenshots`).
 *
 * The steps build on each other (add, list, edit, tag, delete, undo), so they share one chat and run in order.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESTORED_NOTICE } from '../../src/bot/cardActions/changeActions';
import { AUDIENCE_QUESTION, CATEGORIES_QUESTION, DESCRIPTION_QUESTION, LINK_QUESTION, NAME_QUESTION } from '../../src/bot/dialogs/addInterestDialog';
import { ADDED_NOTICE } from '../../src/bot/dialogs/confirmAndCreateDialog';
import { launchChromium } from './support/chromium';
import { startLocalModeHarness, TEST_OUTPUT_DIR, type LocalModeHarness } from './support/localModeHarness';
import { cardIn, PlaygroundChat, type BotMessage } from './support/playgroundChat';

jest.setTimeout(120_000);

// `npm run screenshots` refreshes the committed pictures in docs/; an ordinary test run writes them to test-output,
// so running the tests never changes tracked files.
const SCREENSHOTS_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve(__dirname, '../../docs/screenshots') : path.join(TEST_OUTPUT_DIR, 'screenshots');

const NEW_INTEREST = {
  name: 'Rock climbing',
  description: 'Bouldering on weekends, mostly indoors.',
  categories: 'Sports, Outdoors',
  link: 'https://example.com/climbing',
};
const EDITED_DESCRIPTION = 'Bouldering and top rope; happy to show beginners around.';

describe('local mode in the Microsoft 365 Agents Playground', () => {
  let harness: LocalModeHarness | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;
  /** The card the next step acts on. */
  let interestCard: BotMessage;

  const screenshotCard = async (message: BotMessage, name: string): Promise<void> => {
    // The pointer stays where the last button was pressed; move it off so no button is captured mid-hover.
    await page.mouse.move(0, 0);
    await cardIn(message).screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
  };
  const stored = (name: string) => {
    if (!harness) throw new Error('Local mode is not running.');
    return harness.storedInterest(name);
  };

  beforeAll(async () => {
    // Chromium first: when it is missing the run fails at once with how to install it.
    browser = await launchChromium();
    harness = await startLocalModeHarness('playground-e2e');
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = new PlaygroundChat(page);
    await chat.open(harness.local.playgroundUrl);
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: path.join(TEST_OUTPUT_DIR, 'playground-e2e-last-page.png'), fullPage: true });
    await browser?.close();
    await harness?.stop();
  });

  it('welcomes the Playground user, whose profile the local service seeded', async () => {
    await chat.waitForBotMessage({ text: 'Welcome' });
    // Seeded under the Playground user's object id, which is what the bot's development tokens name.
    expect(harness?.storedInterests().map((interest) => interest.displayName)).toContain('Machine learning');
  });

  it('adds an interest through the add dialog and shows its card', async () => {
    await chat.ask('add', { text: NAME_QUESTION });
    await chat.ask(NEW_INTEREST.name, { text: DESCRIPTION_QUESTION });
    await chat.ask(NEW_INTEREST.description, { text: CATEGORIES_QUESTION });
    await chat.ask(NEW_INTEREST.categories, { text: 'Which collaboration tags fit?' });
    await chat.ask('Ask me about', { text: AUDIENCE_QUESTION });
    await chat.ask('My organization', { text: LINK_QUESTION });
    const summary = await chat.ask(NEW_INTEREST.link, { text: 'Add this interest to your profile?', button: 'Create' });
    expect(stored(NEW_INTEREST.name)).toBeUndefined();
    await screenshotCard(summary, 'add-summary');

    interestCard = await chat.press(summary, 'Create', { text: ADDED_NOTICE, button: 'Edit' });
    await screenshotCard(interestCard, 'interest-card');
    expect(stored(NEW_INTEREST.name)).toMatchObject({
      displayName: NEW_INTEREST.name,
      description: NEW_INTEREST.description,
      categories: ['Sports', 'Outdoors'],
      collaborationTags: ['askMeAbout'],
      allowedAudiences: 'organization',
      webUrl: NEW_INTEREST.link,
    });
  });

  it('lists the interests, the new one included, and opens it from the list', async () => {
    const list = await chat.ask('list', { text: 'Your interests', button: `Open ${NEW_INTEREST.name}` });
    expect(await list.locator.innerText()).toContain(`${harness?.storedInterests().length} interests`);
    await screenshotCard(list, 'list-card');

    interestCard = await chat.press(list, `Open ${NEW_INTEREST.name}`, { text: NEW_INTEREST.description, button: 'Edit' });
  });

  it('edits the description on the edit card and saves it to the profile', async () => {
    const editForm = await chat.press(interestCard, 'Edit', { text: `Edit ${NEW_INTEREST.name}`, button: 'Save' });
    const description = editForm.locator.getByRole('textbox', { name: 'Description' });
    expect(await description.inputValue()).toBe(NEW_INTEREST.description);
    await screenshotCard(editForm, 'edit-form');

    await description.fill(EDITED_DESCRIPTION);
    interestCard = await chat.press(editForm, 'Save', { text: EDITED_DESCRIPTION, button: 'Edit' });
    expect(stored(NEW_INTEREST.name)).toMatchObject({ description: EDITED_DESCRIPTION, collaborationTags: ['askMeAbout'], webUrl: NEW_INTEREST.link });
  });

  it('tags the interest "Can mentor" and keeps its other tag', async () => {
    const tagCard = await chat.press(interestCard, 'Tag', { text: `Tag ${NEW_INTEREST.name}`, button: 'Save' });
    expect(await tagCard.locator.getByRole('checkbox', { name: 'Ask me about' }).isChecked()).toBe(true);
    await tagCard.locator.getByRole('checkbox', { name: 'Can mentor' }).check();

    interestCard = await chat.press(tagCard, 'Save', { text: 'Can mentor', button: 'Edit' });
    expect(stored(NEW_INTEREST.name)?.collaborationTags).toEqual(expect.arrayContaining(['askMeAbout', 'ableToMentor']));
    expect(stored(NEW_INTEREST.name)?.collaborationTags).toHaveLength(2);
  });

  it('deletes the interest after confirmation, then brings it back with Undo', async () => {
    const before = stored(NEW_INTEREST.name);
    const confirm = await chat.press(interestCard, 'Delete', { text: `Delete ${NEW_INTEREST.name} from your profile?`, button: 'Delete' });
    expect(stored(NEW_INTEREST.name)).toBeDefined();

    const deleted = await chat.press(confirm, 'Delete', { text: `${NEW_INTEREST.name} was deleted.`, button: 'Undo' });
    await screenshotCard(deleted, 'deleted-with-undo');
    expect(stored(NEW_INTEREST.name)).toBeUndefined();

    await chat.press(deleted, 'Undo', { text: RESTORED_NOTICE, button: 'Edit' });
    expect(stored(NEW_INTEREST.name)).toMatchObject({
      description: before?.description,
      categories: before?.categories,
      collaborationTags: before?.collaborationTags,
      allowedAudiences: before?.allowedAudiences,
      webUrl: before?.webUrl,
    });
  });
});
