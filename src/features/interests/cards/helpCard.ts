import template from '../../../../cards/help.json';
import type { Catalog, MessageKey } from '../../../i18n/catalog';
import { CATALOGS } from '../../../i18n/catalogs';
import { SOURCE_LANGUAGE, type Language } from '../../../i18n/languages';
import { alternativesIn, shownCatalogOf, type CommandWordsKey } from '../../../i18n/typedWords';
import type { Text } from '../../../i18n/text';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { SHOW_LIST } from '../cardActions';
import { inlineText } from '../../../cards/displayText';

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
 * not part of them: the words of the reader's language (`words.command.*`), which the command table understands
 * besides the English ones.
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
 * The words a card shows for the commands in a language: the first alternative of each `words.command.*` message
 * (alternatives separated by `|`, the first the one shown). The list command shows its first two ("list" or "my
 * interests"). The pseudo-locale shows the English words, which are what work when typed there.
 */
export function commandWordsIn(catalog: Catalog): HelpCommandWords {
  const words = (key: CommandWordsKey): [string, ...string[]] => {
    const [first = '', ...more] = alternativesIn(catalog, key);
    return [first, ...more];
  };
  const list = words('words.command.list');
  return Object.freeze({
    list: list[0],
    myInterests: list[1] ?? list[0],
    add: words('words.command.add')[0],
    tag: words('words.command.tag')[0],
    edit: words('words.command.edit')[0],
    delete: words('words.command.delete')[0],
    whoCanHelp: words('words.command.whoCanHelp')[0],
    cancel: words('words.command.cancel')[0],
    signOut: words('words.command.signOut')[0],
    help: words('words.command.help')[0],
  });
}

export const ENGLISH_COMMAND_WORDS: HelpCommandWords = commandWordsIn(CATALOGS[SOURCE_LANGUAGE]);

const wordsByLanguage = new Map<Language, HelpCommandWords>();

/** The command words for a turn's language, made once per language. */
export function helpCommandWords(text: Pick<Text, 'language'>): HelpCommandWords {
  let words = wordsByLanguage.get(text.language);
  if (words === undefined) {
    words = commandWordsIn(shownCatalogOf(text.language));
    wordsByLanguage.set(text.language, words);
  }
  return words;
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
  /** The command words to show; the turn's language's (`helpCommandWords`) when not given. */
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

const expand = defineCardTemplate<HelpCardView>(template, { showList: SHOW_LIST });

export function renderHelpCard(text: Text, { ownerId, words = helpCommandWords(text) }: HelpCardData = {}): AdaptiveCard {
  return expand(text, { heading: text.t('helpCard.heading'), commands: commandList(text, words), ...owner(ownerId), hasMentionHint: false, mentionHint: '' });
}

export function renderWelcomeCard(text: Text, { userName, ownerId, mentionName, words = helpCommandWords(text) }: WelcomeCardData = {}): AdaptiveCard {
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
