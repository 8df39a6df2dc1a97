/**
 * Who reads a card, and what that allows it to show. In personal chat a card is for its owner alone and shows
 * everything. A card posted in a group chat or channel is read by every member, so it shows only what the
 * domain's privacy rule allows (`interestsForSharedConversation`) and says so, in words that never tell how much
 * it left out.
 *
 * The owner still gets the full view there in two ways: a button that opens a personal chat with the bot (Teams'
 * chat deep link, when the bot's id is known), and, once a card carries `ownerRefresh`, a Universal Actions
 * user-specific view: the card's `refresh` block lists the owner, Teams asks the bot for that user's card with an
 * automatic `adaptiveCard/action`, and everyone else keeps the card as posted.
 *
 * What every card and answer in a shared conversation says about what it leaves out is always there, and always in
 * the same words (`shared.viewNote`; `shared.noInterests` for an empty list), so that neither a count nor the note's
 * presence tells the room whether the owner has private interests.
 */

export interface OwnerRefresh {
  /** The owner's Teams user id (`29:…`, `activity.from.id`): `refresh.userIds` takes these, not AAD object ids. */
  readonly userId: string;
}

export type Viewers =
  /** Personal chat, or the owner's own view of a shared card. */
  | { readonly kind: 'owner'; readonly ownerRefresh?: OwnerRefresh | undefined }
  /** Everyone in a group chat or channel. */
  | {
      readonly kind: 'everyone';
      /** The owner's display name, for headings ("Alex's interests"); may be ''. */
      readonly ownerName: string;
      /** Opens a personal chat with the bot, or '' when the bot's id is not known. */
      readonly personalChatUrl: string;
      /** The bot's name as members @mention it, for hints about what to type; the catalog's default when absent. */
      readonly botName?: string | undefined;
      readonly ownerRefresh?: OwnerRefresh | undefined;
    };

export const OWNER_ONLY: Viewers = Object.freeze({ kind: 'owner' });

export function isSharedView(viewers: Viewers): viewers is Extract<Viewers, { kind: 'everyone' }> {
  return viewers.kind === 'everyone';
}

const BOT_ID = /^28:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams' documented deep link to a chat with a bot, `https://teams.microsoft.com/l/chat/0/0?users=28:{botAppId}`;
 * '' unless `botId` is a Teams bot id (`28:` and the app id), so other hosts get no button that leads nowhere.
 */
export function personalChatUrl(botId: string): string {
  return BOT_ID.test(botId) ? `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}` : '';
}
