import type { AdaptiveCard } from '../cards/cardTemplate';
import { renderNoticeCard } from '../cards/noticeCard';
import type { MessageKey } from '../i18n/catalog';
import type { Text } from '../i18n/text';

/** A notice's title and text by their catalog keys, chosen before the reader's language is known. */
export interface NoticeWords {
  readonly title: MessageKey;
  readonly text: MessageKey;
}

/** The notice card for `words`, in `text`'s language. */
export function renderNotice(text: Text, words: NoticeWords): AdaptiveCard {
  return renderNoticeCard(text, { title: text.t(words.title), text: text.t(words.text) });
}
