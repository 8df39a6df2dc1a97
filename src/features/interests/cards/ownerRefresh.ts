import type { AdaptiveCard } from '../../../cards/cardTemplate';
import type { Viewers } from '../../../cards/sharedView';
import type { Text } from '../../../i18n/text';
import { OWNER_VIEW, type OwnerViewData } from '../cardActions';

/**
 * Adds the `refresh` block that makes the card a user-specific view for its owner, when the viewers ask for one
 * (`sharedView.ts`): Teams asks the bot for the owner's card with `OWNER_VIEW`, and everyone else keeps the card as
 * posted.
 */
export function withOwnerRefresh(text: Text, card: AdaptiveCard, viewers: Viewers, data: OwnerViewData): AdaptiveCard {
  if (!viewers.ownerRefresh) return card;
  return { ...card, refresh: { action: OWNER_VIEW.action(text.t('shared.showMyView'), data), userIds: [viewers.ownerRefresh.userId] } };
}
