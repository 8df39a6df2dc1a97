import template from '../../cards/notice.json';
import type { Text } from '../i18n/text';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText, inlineText } from './displayText';
import { DISPLAY_LIMITS } from './interestView';

/** The words come already in the reader's language (`text.t(...)`); the card adds only its own fallback title. */
export interface NoticeCardData {
  title: string;
  text?: string;
  /** One button under the text, e.g. to ask again. */
  action?: NoticeAction;
}

export interface NoticeAction {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

interface NoticeCardView {
  title: string;
  hasText: boolean;
  text: string;
}

const TEXT_MAX = 1000;

const expand = defineCardTemplate<NoticeCardView>(template);

/** A short message in place of a card: an error, a refused action ("This card belongs to someone else…"), an info. */
export function renderNoticeCard(text: Text, { title, text: message, action }: NoticeCardData): AdaptiveCard {
  const body = blockText(message, TEXT_MAX);
  const card = expand(text, { title: inlineText(title, DISPLAY_LIMITS.message) || text.t('noticeCard.defaultTitle'), hasText: body !== '', text: body });
  if (!action) return card;
  return { ...card, actions: [{ type: 'Action.Execute', title: inlineText(action.title, DISPLAY_LIMITS.message), verb: action.verb, data: action.data }] };
}
