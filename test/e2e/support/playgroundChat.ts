import type { Locator, Page } from 'playwright-core';

/** What a bot message must show: some text, a button, or both. */
export interface MessageMatch {
  text?: string;
  button?: string;
}

/** A bot message and its position in the chat, which stays the same when its card is replaced. */
export interface BotMessage {
  readonly index: number;
  readonly locator: Locator;
}

const DEFAULT_WAIT_MS = 60_000;
const POLL_MS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Agents Playground's chat as a person sees it (Playground 0.2.28). Messages are found by their accessible
 * structure, not by its generated CSS classes: every message has a header (`aria-label="Message header"`), and only
 * the bot's messages name an author in it. A card replaced by an `adaptiveCard/action` response stays the same
 * message, so a bot message is addressed by its position in the chat.
 */
export class PlaygroundChat {
  readonly botMessages: Locator;
  private readonly composer: Locator;

  constructor(
    readonly page: Page,
    botName = 'Test Bot',
  ) {
    // A reply in a channel thread has a plainer header (the author's name in a span, no labels), then the card.
    const author = `.//span[normalize-space(.)=${JSON.stringify(botName)}]`;
    const threadReplies = page.locator(`xpath=//div[div[1][${author}][not(.//div[@dir="ltr"])] and div[2]//div[@dir="ltr"]]`);
    this.botMessages = page.locator('div:has(> div[aria-label="Message header"] [aria-label="Message author"])').or(threadReplies);
    this.composer = page.getByRole('textbox');
  }

  /** Opens the Playground; it sends the install activities to the bot on every page load. */
  async open(url: string): Promise<void> {
    // The page asks a CDN for fonts: fail those at once rather than wait for a network that may not be there.
    await this.page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    await this.page.goto(url);
    await this.composer.waitFor();
  }

  botMessageCount(): Promise<number> {
    return this.botMessages.count();
  }

  /** Types into the compose box and presses Enter, like a person. */
  async say(text: string): Promise<void> {
    await this.composer.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Opens a conversation from the left rail ("Personal Chat", "Group Chat", "My Team - General"…). */
  async openConversation(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
    // A channel has a box for a new post and one under each thread.
    await this.composer.first().waitFor();
  }

  /**
   * @mentions the bot with the compose box's mention picker, as a person does in a group chat or channel: type `@`,
   * pick the bot from the menu, then the command. The message arrives as `<at>bot</at> command`.
   */
  async mention(botName: string, command: string, reply: MessageMatch): Promise<BotMessage> {
    const before = await this.botMessageCount();
    // The Playground draws its member menu as menu items or as a typeahead listbox's options.
    const pick = this.page.getByRole('menuitem', { name: botName }).or(this.page.getByRole('option', { name: botName })).first();
    // In a channel each thread has a reply box too: a new post goes in the channel's "Start a new post" box.
    const newPost = this.page.getByRole('group').filter({ hasText: 'Start a new' }).getByRole('textbox');
    const composer = (await newPost.count()) > 0 ? newPost.first() : this.composer;
    // The picker opens once the conversation's members are loaded: type `@` until it does.
    for (let attempt = 1; ; attempt++) {
      await composer.click();
      await this.page.keyboard.type('@');
      try {
        await pick.waitFor({ state: 'attached', timeout: 2_000 });
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
        await this.page.keyboard.press('Backspace');
      }
    }
    // The menu may open below the compose box, outside the window: a click event picks it wherever it is drawn.
    await pick.dispatchEvent('click');
    await this.page.keyboard.type(` ${command}`);
    await this.page.keyboard.press('Enter');
    // A channel lists its newest post first, so the reply's thread may come before older bot messages.
    const inChannel = (await newPost.count()) > 0;
    return this.waitForBotMessage(reply, inChannel ? 0 : before);
  }

  /** Says `text` and returns the first new bot message that matches. */
  async ask(text: string, reply: MessageMatch): Promise<BotMessage> {
    const before = await this.botMessageCount();
    await this.say(text);
    return this.waitForBotMessage(reply, before);
  }

  /** The first bot message at position `from` or later that matches; polls until one does. */
  async waitForBotMessage(match: MessageMatch, from = 0, timeoutMs = DEFAULT_WAIT_MS): Promise<BotMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = await this.botMessageCount();
      for (let index = from; index < count; index++) {
        const locator = this.botMessages.nth(index);
        if (await this.matches(locator, match)) return { index, locator };
      }
      if (Date.now() > deadline) {
        throw new Error(`No bot message matched ${JSON.stringify(match)}. The last bot messages were:\n${await this.describeLastMessages(from)}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** Presses a card button and waits for the bot message (the same card, replaced, or a new one) that shows `reply`. */
  async press(message: BotMessage, button: string, reply: MessageMatch): Promise<BotMessage> {
    await message.locator.getByRole('button', { name: button, exact: true }).click();
    return this.waitForBotMessage(reply, message.index);
  }

  private async matches(message: Locator, match: MessageMatch): Promise<boolean> {
    const text = await message.innerText();
    if (match.text !== undefined && !text.includes(match.text)) return false;
    if (match.button !== undefined && (await message.getByRole('button', { name: match.button, exact: true }).count()) === 0) return false;
    return true;
  }

  private async describeLastMessages(from: number): Promise<string> {
    const count = await this.botMessageCount();
    const texts: string[] = [];
    for (let index = Math.max(from, count - 3); index < count; index++) {
      texts.push(`#${index}: ${(await this.botMessages.nth(index).innerText()).replace(/\s+/g, ' ').slice(0, 400)}`);
    }
    return texts.length > 0 ? texts.join('\n') : '(none)';
  }
}

/** The Adaptive Card inside a bot message, without the message header (its time stamp changes every run). */
export function cardIn(message: BotMessage): Locator {
  return message.locator.locator('div[dir="ltr"]').first();
}

/** The option labels of a choice card's `Input.ChoiceSet` as drawn (radio buttons or checkboxes). */
export async function choiceLabels(message: BotMessage): Promise<string[]> {
  const options = await message.locator.getByRole('radio').or(message.locator.getByRole('checkbox')).all();
  const labels: string[] = [];
  for (const option of options) {
    // Typed structurally: the tests compile without the DOM library.
    type OptionElement = { getAttribute(name: string): string | null; labels: ArrayLike<{ textContent: string | null }> | null; parentElement: { textContent: string | null } | null };
    const label = await option.evaluate((element: OptionElement) => {
      const byLabel = element.labels ? Array.from(element.labels, (candidate) => candidate.textContent ?? '').join(' ') : '';
      return (element.getAttribute('aria-label') ?? '') || byLabel.trim() || (element.parentElement?.textContent ?? '').trim();
    });
    labels.push(label);
  }
  return labels;
}
