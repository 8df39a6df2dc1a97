import template from '../../cards/help.json';
import type { MessageKey } from '../i18n/catalog';
import { en } from '../i18n/catalogs/en';
import type { Text } from '../i18n/text';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { inlineText } from './displayText';

/** The help and welcome cards share one template: a heading, what the bot does, and what the user can say. */
interface HelpCardView {
  heading: string;
  commands: string;
  hasOwner: boolean;
  ownerId: string;
  hasMentionHint: boolean;
  mentionHint: string;
}

/**
 * The words a user types for each command, as the help card shows them. They are values of the card's messages,
 * not part of them: the command table understands these words whatever the user's language, and a language with
 * words of its own for the commands passes those.
 */
export interface HelpCommandWords {
  readonly list: string;
  readonly myInterests: string;
  readonly add: string;
  readonly tag: string;
  readonly edit: string;
  readonly delete: string;
  readonly whoCanHelp: string;
  readonly cancel: string;
  readonly signOut: string;
  readonly help: string;
}

/**
 * The English words, from the catalog of words people type (`words.command.*`: alternatives separated by `|`, the
 * first the one shown). The list command shows its first two ("list" or "my interests").
 */
export const ENGLISH_COMMAND_WORDS: HelpCommandWords = Object.freeze({
  list: typedWords('words.command.list')[0],
  myInterests: typedWords('words.command.list')[1] ?? typedWords('words.command.list')[0],
  add: typedWords('words.command.add')[0],
  tag: typedWords('words.command.tag')[0],
  edit: typedWords('words.command.edit')[0],
  delete: typedWords('words.command.delete')[0],
  whoCanHelp: typedWords('words.command.whoCanHelp')[0],
  cancel: typedWords('words.command.cancel')[0],
  signOut: typedWords('words.command.signOut')[0],
  help: typedWords('words.command.help')[0],
});

function typedWords(key: keyof typeof en & `words.command.${string}`): [string, ...string[]] {
  const [first = '', ...more] = en[key].split('|');
  return [first, ...more];
}

/** The card's lines, in the order shown. */
const COMMAND_LINES: readonly MessageKey[] = [
  'helpCard.command.list',
  'helpCard.command.add',
  'helpCard.command.addSeveral',
  'helpCard.command.tag',
  'helpCard.command.edit',
  'helpCard.command.delete',
  'helpCard.command.whoCanHelp',
  'helpCard.command.cancel',
  'helpCard.command.signOut',
  'helpCard.command.help',
];

export interface HelpCardData {
  /** When given, the card offers a "Show my interests" button for this user. */
  ownerId?: string;
  /** The command words to show; English when not given. */
  words?: HelpCommandWords;
}

export interface WelcomeCardData extends HelpCardData {
  userName?: string;
  /**
   * The bot's name, given in a group chat or channel: there the bot only receives messages that @mention it,
   * so the card says how to address it, and that only interests everyone may see are shown there.
   */
  mentionName?: string;
}

const NAME_MAX = 60;

const expand = defineCardTemplate<HelpCardView>(template);

export function renderHelpCard(text: Text, { ownerId, words = ENGLISH_COMMAND_WORDS }: HelpCardData = {}): AdaptiveCard {
  return expand(text, { heading: text.t('helpCard.heading'), commands: commandList(text, words), ...owner(ownerId), hasMentionHint: false, mentionHint: '' });
}

export function renderWelcomeCard(text: Text, { userName, ownerId, mentionName, words = ENGLISH_COMMAND_WORDS }: WelcomeCardData = {}): AdaptiveCard {
  const name = inlineText(userName, NAME_MAX);
  const botName = mentionName === undefined ? '' : inlineText(mentionName, NAME_MAX) || text.t('helpCard.defaultBotName');
  const hint = botName === '' ? '' : text.t('helpCard.mentionHint', { botName, list: words.list });
  return expand(text, {
    heading: name === '' ? text.t('helpCard.welcome') : text.t('helpCard.welcome.named', { name }),
    commands: commandList(text, words),
    ...owner(ownerId),
    hasMentionHint: hint !== '',
    mentionHint: hint,
  });
}

/** A Markdown list, one command a line. */
function commandList(text: Text, words: HelpCommandWords): string {
  const values = { ...words };
  return COMMAND_LINES.map((key) => `- ${text.t(key, values)}`).join('\r');
}

function owner(ownerId: string | undefined): Pick<HelpCardView, 'hasOwner' | 'ownerId'> {
  return ownerId ? { hasOwner: true, ownerId } : { hasOwner: false, ownerId: '' };
}
