/**
 * End to end in the Microsoft 365 Agents Playground (local mode, as `npm run dev` runs it): "who can help with
 * Kubernetes" @mentioned in the Playground's group chat. The bot lists the chat's members through the Playground's
 * own Bot Connector (`GET /v3/conversations/{id}/pagedmembers`), whose mock users are the profile service's seeded
 * colleagues, reads their interests with a JSON batch and answers with one card, checked here as the page draws it.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mintDevToken } from '../../src/auth/devToken';
import { oneOnOneChatUrl, ROLE_HEADING_KEYS } from '../../src/features/helpers/helpersCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { PLAYGROUND_USER } from '../../localMode/playground';
import { SEED_COLLEAGUES } from '../../profileService/seedColleagues';
import { launchChromium } from './support/chromium';
import { startLocalModeHarness, TEST_OUTPUT_DIR, type LocalModeHarness } from './support/localModeHarness';
import { cardIn, PlaygroundChat } from './support/playgroundChat';

jest.setTimeout(120_000);

const BOT_NAME = 'Test Bot';
const TOPIC = 'Kubernetes';

const colleague = (name: string): { oid: string; displayName: string; upn: string } => {
  const found = SEED_COLLEAGUES.find((candidate) => candidate.displayName === name);
  if (!found) throw new Error(`${name} is not a seeded colleague.`);
  return found;
};
const MEGAN = colleague('Megan Bowen'); // seeded: Kubernetes, organization, Can mentor + Ask me about
const ADELE = colleague('Adele Vance'); // seeded: Kubernetes, everyone, Wants to learn
const PATTI = colleague('Patti Fernandez');
const ISAIAH = colleague('Isaiah Langer');
const LYNNE = colleague('Lynne Robbins');

interface ExtraInterest {
  readonly owner: { oid: string; displayName: string };
  readonly displayName: string;
  readonly allowedAudiences: string;
  readonly collaborationTags: string[];
}

/** Added before the question, each as its owner would add it: one visible to the chat, the rest private. */
const PATTI_VISIBLE: ExtraInterest = { owner: PATTI, displayName: 'Kubernetes networking', allowedAudiences: 'organization', collaborationTags: ['askMeAbout'] };
const PRIVATE: readonly ExtraInterest[] = [
  { owner: ISAIAH, displayName: 'Kubernetes security', allowedAudiences: 'me', collaborationTags: ['ableToMentor'] },
  { owner: ISAIAH, displayName: 'Kubernetes operators', allowedAudiences: 'groupMembers', collaborationTags: ['askMeAbout'] },
  { owner: LYNNE, displayName: 'Kubernetes in production', allowedAudiences: 'contacts', collaborationTags: ['ableToMentor'] },
  // The asker's own matching interest: the asker is never listed.
  { owner: { oid: PLAYGROUND_USER.aadObjectId, displayName: PLAYGROUND_USER.name }, displayName: 'Kubernetes for beginners', allowedAudiences: 'organization', collaborationTags: ['ableToMentor'] },
];

describe('"who can help with …" in the Playground group chat', () => {
  let harness: LocalModeHarness | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;

  /** Creates an interest through the profile service's Graph API with a development token for its owner. */
  const addInterest = async ({ owner, ...interest }: ExtraInterest): Promise<void> => {
    const response = await fetch(`${harness!.local.profileService.graphBaseUrl}/me/profile/interests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${mintDevToken({ oid: owner.oid, name: owner.displayName })}` },
      body: JSON.stringify({ ...interest, categories: ['Technology'] }),
    });
    expect(response.status).toBe(201);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    harness = await startLocalModeHarness('who-can-help-e2e');
    for (const interest of [PATTI_VISIBLE, ...PRIVATE]) await addInterest(interest);
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = new PlaygroundChat(page);
    await chat.open(harness.local.playgroundUrl);
    await chat.waitForBotMessage({ text: 'Welcome' });
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: path.join(TEST_OUTPUT_DIR, 'who-can-help-e2e-last-page.png'), fullPage: true });
    await browser?.close();
    await harness?.stop();
  });

  it('answers with the members who can help, each under their strongest role with a Chat button, and nothing private', async () => {
    await chat.openConversation('Group Chat');
    const answer = await chat.mention(BOT_NAME, `who can help with ${TOPIC}`, { text: `Who can help with ${TOPIC}` });
    const card = cardIn(answer);
    await page.mouse.move(0, 0);
    await card.screenshot({ path: path.join(TEST_OUTPUT_DIR, 'screenshots', 'who-can-help-group-chat.png') });
    const text = await card.innerText();

    // The Playground lists its five mock users (the seeded colleagues), the asker and the bot in its group chat.
    expect(text).toContain(`I looked at the ${SEED_COLLEAGUES.length} other members of this conversation.`);

    // Each role's heading, then its people with the interest that matched, in the card's order.
    const expectedOrder = [SOURCE_TEXT.t(ROLE_HEADING_KEYS.mentor), MEGAN.displayName, SOURCE_TEXT.t(ROLE_HEADING_KEYS.askAbout), PATTI.displayName, PATTI_VISIBLE.displayName, SOURCE_TEXT.t(ROLE_HEADING_KEYS.studyPartner), ADELE.displayName];
    const positions = expectedOrder.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Megan mentors and may be asked: she is listed once (one chat link), in her strongest role.
    expect(text.split(SOURCE_TEXT.t('helpers.card.chatWith', { name: MEGAN.displayName }))).toHaveLength(2);

    // Nothing whose audience is Only me, contacts or group members, and not the asker.
    for (const hidden of PRIVATE) expect(text).not.toContain(hidden.displayName);
    for (const absent of [ISAIAH.displayName, LYNNE.displayName, PLAYGROUND_USER.name]) expect(text).not.toContain(absent);

    // One Chat link per person, in that person's row and named for them, opening a 1:1 chat with them. The
    // Playground draws a Markdown link as a link whose words are its name.
    const listed = [MEGAN, PATTI, ADELE];
    const chatButtons = answer.locator.getByRole('link', { name: /^Chat with / });
    expect(await chatButtons.count()).toBe(listed.length);
    for (const person of listed) {
      const row = answer.locator
        .locator(`xpath=.//div[.//text()[normalize-space(.)=${JSON.stringify(person.displayName)}] and .//a[starts-with(normalize-space(.), "Chat with ")]]`)
        .last();
      const rowButtons = row.getByRole('link', { name: `Chat with ${person.displayName}`, exact: true });
      expect(await rowButtons.count()).toBe(1);
      expect(await rowButtons.getAttribute('href')).toBe(oneOnOneChatUrl(person.upn));
      const rowText = await row.innerText();
      for (const other of listed.filter((candidate) => candidate !== person)) expect(rowText).not.toContain(other.displayName);
    }
  });
});
