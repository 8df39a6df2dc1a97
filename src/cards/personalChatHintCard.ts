/**
 * What an add in a group chat or channel says about a name it will not add there. A name already on the asker's
 * profile is not added again, and in a shared conversation the answer must not tell the room whether that
 * interest is one everyone may see or a private one: so every such name, whatever its audience, gets the same
 * words and nothing of the stored interest (not even its spelling). The asker checks it in a personal chat.
 */
import template from '../../cards/personalChatHint.json';
import type { MessageKey } from '../i18n/catalog';
import { SOURCE_TEXT, type Text } from '../i18n/text';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import type { Viewers } from './sharedView';

type SharedViewers = Extract<Viewers, { kind: 'everyone' }>;

/**
 * The catalog's words for names left out of a shared conversation, none of them named: the add dialog's answer to
 * one name, the bulk card's line for several, the result card's line for names found on the profile at the click.
 */
export const NOT_ADDED_HERE_KEYS = Object.freeze({
  name: 'personalChatHint.nameNotAddedHere',
  names: 'personalChatHint.namesNotAddedHere',
  namesNotListed: 'personalChatHint.namesNotListedHere',
} as const satisfies Record<string, MessageKey>);

/**
 * The bulk cards' lines in English, for the bulk cards until they are given the reader's `Text` and say
 * `text.t(NOT_ADDED_HERE_KEYS.names)` and `text.t(NOT_ADDED_HERE_KEYS.namesNotListed)` themselves.
 */
export const NAMES_NOT_ADDED_HERE_TEXT = SOURCE_TEXT.t(NOT_ADDED_HERE_KEYS.names);
export const NAMES_NOT_LISTED_HERE_TEXT = SOURCE_TEXT.t(NOT_ADDED_HERE_KEYS.namesNotListed);

interface PersonalChatHintView {
  text: string;
  hasPersonalChat: boolean;
  personalChatUrl: string;
}

const expand = defineCardTemplate<PersonalChatHintView>(template);

/** The add dialog's answer, in a shared conversation, to a name already on the profile. */
export function renderNameNotAddedHereCard(text: Text, viewers: SharedViewers): AdaptiveCard {
  return expand(text, { text: text.t(NOT_ADDED_HERE_KEYS.name), ...personalChatLink(viewers) });
}

/** The "Open in personal chat" button's fields for a card template: none outside Teams, where the link leads nowhere. */
export function personalChatLink(viewers: Viewers): { hasPersonalChat: boolean; personalChatUrl: string } {
  const url = viewers.kind === 'everyone' ? viewers.personalChatUrl : '';
  return { hasPersonalChat: url !== '', personalChatUrl: url };
}
