import template from '../../cards/notice.json';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText, inlineText } from './displayText';
import { DISPLAY_LIMITS } from './interestView';

export interface NoticeCardData {
  title: string;
  text?: string;
}

interface NoticeCardView {
  title: string;
  hasText: boolean;
  text: string;
}

const TEXT_MAX = 1000;

const expand = defineCardTemplate<NoticeCardView>(template);

/** A short message in place of a card: an error, a refused action ("This card belongs to someone else…"), an info. */
export function renderNoticeCard({ title, text }: NoticeCardData): AdaptiveCard {
  const body = blockText(text, TEXT_MAX);
  return expand({ title: inlineText(title, DISPLAY_LIMITS.message) || 'Notice', hasText: body !== '', text: body });
}
