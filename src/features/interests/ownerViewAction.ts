/**
 * The owner's view of a card posted in a group chat or channel (Universal Actions user-specific views). The posted
 * card shows what everyone there may see and carries `refresh.userIds` with its owner alone; the owner's client
 * then sends this verb (`trigger: "automatic"`) and shows the full, editable card returned here in place of the
 * posted one. Everyone else keeps the posted card: the invoke boundary refuses anyone but the owner before this runs.
 */
import { OWNER_VIEW } from './cardActions';
import { renderInterestCard } from './cards/interestCard';
import { renderListCard } from './cards/listCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import type { Viewers } from '../../cards/sharedView';
import { defineCardRoute } from '../../conversation/routeTypes';
import { askerOnly, cardResponse } from '../../conversation/invokeResponses';
import { textOf } from '../../conversation/turnText';

export const ownerView = defineCardRoute(OWNER_VIEW, {
  handle: async (action, { profile, ownerId, context }) => {
    // The owner's own view, still listing the owner for the next refresh (Teams asks again when the card shows again).
    const viewers: Viewers = { kind: 'owner', ownerRefresh: { userId: context.activity.from.id } };
    if (action.card === 'list') {
      const interests = await profile.list();
      return askerOnly(cardResponse(renderListCard(textOf(context), { interests, page: action.page, ownerId, viewers })));
    }
    const interest = await profile.get(action.interestId);
    return askerOnly(cardResponse(renderInterestCard(textOf(context), { interest, ownerId, page: action.page, viewers })));
  },
  // Posting the view when it arrives would show it to everyone, so the owner asks again instead.
  whileLate: (text, { verb, ...data }) => askerOnly(cardResponse(renderNoticeCard(text, { title: text.t('ownerView.loading.title'), text: text.t('ownerView.loading.text'), action: { title: text.t('shared.showMyView'), verb, data } }))),
});
