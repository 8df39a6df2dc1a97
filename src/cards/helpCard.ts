import template from '../../cards/help.json';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { inlineText } from './displayText';

/** The help and welcome cards share one template: a heading, what the bot does, and what the user can say. */
interface HelpCardView {
  heading: string;
  hasOwner: boolean;
  ownerId: string;
  hasMentionHint: boolean;
  mentionHint: string;
}

export interface HelpCardData {
  /** When given, the card offers a "Show my interests" button for this user. */
  ownerId?: string;
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

export function renderHelpCard({ ownerId }: HelpCardData = {}): AdaptiveCard {
  return expand({ heading: 'What I can do', ...owner(ownerId), hasMentionHint: false, mentionHint: '' });
}

export function renderWelcomeCard({ userName, ownerId, mentionName }: WelcomeCardData = {}): AdaptiveCard {
  const name = inlineText(userName, NAME_MAX);
  const hint = mentionName === undefined ? '' : mentionHint(inlineText(mentionName, NAME_MAX) || 'Interests');
  return expand({ heading: name === '' ? 'Welcome!' : `Welcome, ${name}!`, ...owner(ownerId), hasMentionHint: hint !== '', mentionHint: hint });
}

function mentionHint(botName: string): string {
  return (
    `In this conversation I only see messages that @mention me: type @ and pick **${botName}**, then the command, ` +
    `for example **@${botName} list**. Here I show only the interests everyone in the conversation may see.`
  );
}

function owner(ownerId: string | undefined): Pick<HelpCardView, 'hasOwner' | 'ownerId'> {
  return ownerId ? { hasOwner: true, ownerId } : { hasOwner: false, ownerId: '' };
}
