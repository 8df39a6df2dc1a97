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

  constructor(readonly page: Page) {
    this.botMessages = page.locator('div:has(> div[aria-label="Message header"] [aria-label="Message author"])');
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
    await this.composer.waitFor();
  }

  /**
   * @mentions the bot with the compose box's mention picker, as a person does in a group chat or channel: type `@`,
   * pick the bot from the menu, then the command. The message arrives as `<at>bot</at> command`.
   */
  async mention(botName: string, command: string, reply: MessageMatch): Promise<BotMessage> {
    const before = await this.botMessageCount();
    await this.composer.click();
    await this.page.keyboard.type('@');
    await this.page.getByRole('menuitem', { name: botName, exact: true }).click();
    await this.page.keyboard.type(` ${command}`);
    await this.page.keyboard.press('Enter');
    return this.waitForBotMessage(reply, before);
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

/** The option labels of a choice card's `Input.ChoiceSet` as drawn (radio buttons or checkboxes), by accessible name. */
export async function choiceLabels(message: BotMessage): Promise<string[]> {
  const snapshot = await message.locator.ariaSnapshot();
  return [...snapshot.matchAll(/- (?:radio|checkbox) "((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]!}"`) as string);
}
