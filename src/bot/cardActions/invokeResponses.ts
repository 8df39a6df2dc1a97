/**
 * The bodies Teams accepts in answer to an `adaptiveCard/action` invoke (Universal Actions). Anything else — an
 * empty body, another shape — shows "Something went wrong" and may make the client send the invoke again.
 */
import type { LoginRequestResponse, PreconditionFailedResponse } from '../../auth/signInCard';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../cards/cardTemplate';

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

export function cardResponse(card: AdaptiveCard): CardActionResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

export function messageResponse(text: string): CardActionResponse {
  return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: text };
}

export function errorResponse(statusCode: 400 | 500, code: string, message: string): CardActionResponse {
  return { statusCode, type: ERROR_CONTENT_TYPE, value: { code, message } };
}
