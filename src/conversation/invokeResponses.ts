/**
 * The bodies Teams accepts in answer to an `adaptiveCard/action` invoke (Universal Actions). Anything else — an
 * empty body, another shape — shows "Something went wrong" and may make the client send the invoke again.
 */
import type { LoginRequestResponse, PreconditionFailedResponse } from '../auth/signInCard';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/cardTemplate';

export const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_CONTENT_TYPE = 'application/vnd.microsoft.error';

export type CardActionResponse =
  /** Replaces the clicked card, for the user who clicked. */
  | { readonly statusCode: 200; readonly type: typeof ADAPTIVE_CARD_CONTENT_TYPE; readonly value: AdaptiveCard }
  /** Keeps the card (and what was typed into it) and shows a message. */
  | { readonly statusCode: 200; readonly type: typeof MESSAGE_CONTENT_TYPE; readonly value: string }
  | { readonly statusCode: 400 | 500; readonly type: typeof ERROR_CONTENT_TYPE; readonly value: { readonly code: string; readonly message: string } }
  /** Sign-in needed: Teams signs the user in and sends the action again (see `signInFlow`). */
  | LoginRequestResponse
  | PreconditionFailedResponse;

declare const forAskerAlone: unique symbol;

/**
 * An answer for the eyes of the user who acted alone: the owner's own view of a card posted in a shared
 * conversation. Teams shows an invoke response to that user only, so it may be returned; it must never be posted
 * to the conversation, and the brand makes code that tries (`ConversationAnswer`) fail to compile.
 */
export type AskerOnlyResponse = CardActionResponse & { readonly [forAskerAlone]: true };

/** An answer that may be posted as a message where everyone in the conversation reads it. */
export type ConversationAnswer = CardActionResponse & { readonly [forAskerAlone]?: never };

/** Marks an answer as the asker's alone (a compile-time mark: nothing changes at run time). */
export function askerOnly(response: CardActionResponse): AskerOnlyResponse {
  return response as AskerOnlyResponse;
}

export function cardResponse(card: AdaptiveCard): CardActionResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

export function messageResponse(text: string): CardActionResponse {
  return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: text };
}

export function errorResponse(statusCode: 400 | 500, code: string, message: string): CardActionResponse {
  return { statusCode, type: ERROR_CONTENT_TYPE, value: { code, message } };
}
