/**
 * What an add in a group chat or channel says about a name it will not add there. A name already on the asker's
 * profile is not added again, and in a shared conversation the answer must not tell the room whether that
 * interest is one everyone may see or a private one: so every such name, whatever its audience, gets the same
 * words and nothing of the stored interest (not even its spelling). The asker checks it in a personal chat.
 */
import template from '../../cards/personalChatHint.json';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import type { Viewers } from './sharedView';

type SharedViewers = Extract<Viewers, { kind: 'everyone' }>;

export const NAME_NOT_ADDED_HERE_TEXT = "That name can't be added in this conversation. Add it in a personal chat with me.";
/** The bulk card's line for the names it leaves out for that reason; none of them is named. */
export const NAMES_NOT_ADDED_HERE_TEXT = "Some names can't be added in this conversation. Add them in a personal chat with me.";
/** The result card's line for names found on the profile at the click; none of them is named. */
export const NAMES_NOT_LISTED_HERE_TEXT = "Some names weren't added in this conversation. Check them in a personal chat with me.";

interface PersonalChatHintView {
  text: string;
  hasPersonalChat: boolean;
  personalChatUrl: string;
}

const expand = defineCardTemplate<PersonalChatHintView>(template);

/** The add dialog's answer, in a shared conversation, to a name already on the profile. */
export function renderNameNotAddedHereCard(viewers: SharedViewers): AdaptiveCard {
  return expand({ text: NAME_NOT_ADDED_HERE_TEXT, ...personalChatLink(viewers) });
}

/** The "Open in personal chat" button's fields for a card template: none outside Teams, where the link leads nowhere. */
export function personalChatLink(viewers: Viewers): { hasPersonalChat: boolean; personalChatUrl: string } {
  const url = viewers.kind === 'everyone' ? viewers.personalChatUrl : '';
  return { hasPersonalChat: url !== '', personalChatUrl: url };
}
