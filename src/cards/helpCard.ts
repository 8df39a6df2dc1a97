import template from '../../cards/help.json';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { inlineText } from './displayText';

/** The help and welcome cards share one template: a heading, what the bot does, and what the user can say. */
interface HelpCardView {
  heading: string;
  hasOwner: boolean;
  ownerId: string;
}

export interface HelpCardData {
  /** When given, the card offers a "Show my interests" button for this user. */
  ownerId?: string;
}

export interface WelcomeCardData extends HelpCardData {
  userName?: string;
}

const NAME_MAX = 60;

const expand = defineCardTemplate<HelpCardView>(template);

export function renderHelpCard({ ownerId }: HelpCardData = {}): AdaptiveCard {
  return expand({ heading: 'What I can do', ...owner(ownerId) });
}

export function renderWelcomeCard({ userName, ownerId }: WelcomeCardData = {}): AdaptiveCard {
  const name = inlineText(userName, NAME_MAX);
  return expand({ heading: name === '' ? 'Welcome!' : `Welcome, ${name}!`, ...owner(ownerId) });
}

function owner(ownerId: string | undefined): Pick<HelpCardView, 'hasOwner' | 'ownerId'> {
  return ownerId ? { hasOwner: true, ownerId } : { hasOwner: false, ownerId: '' };
}
