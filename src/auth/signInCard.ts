/**
 * What the bot sends to start Teams SSO: an OAuthCard whose `tokenExchangeResource` makes Teams fetch an SSO
 * token silently and send it back as `signin/tokenExchange`, with a `signin` button to the bot's own fallback
 * page for when silent SSO cannot work (consent, conditional access).
 */
import crypto from 'node:crypto';
import { CardFactory, type Attachment } from 'botbuilder';
import type { Text } from '../i18n/text';

export interface SignInSettings {
  readonly applicationIdUri: string;
  readonly botDomain: string;
}

/** The bot does its own on-behalf-of exchange, so no Azure Bot OAuth connection is named. */
export const SSO_CONNECTION_NAME = '';

export function signInPageUrl(botDomain: string): string {
  return `https://${botDomain}/auth-start.html`;
}

/** The sign-in card, its words in `text`'s language. */
export function createSignInCard(text: Text, settings: SignInSettings): Attachment {
  return CardFactory.oauthCard(SSO_CONNECTION_NAME, text.t('signIn.button'), text.t('signIn.card.text'), signInPageUrl(settings.botDomain), {
    // A fresh id per card: Teams clients all send the exchange with it, which is what the dedupe keys on.
    id: crypto.randomUUID(),
    uri: settings.applicationIdUri,
    providerId: '',
  });
}

/**
 * The `adaptiveCard/action` invoke answer that asks Teams to sign the user in and send the action again with
 * `value.authentication.token` (Universal Actions SSO).
 */
export interface LoginRequestResponse {
  readonly statusCode: 401;
  readonly type: 'application/vnd.microsoft.activity.loginRequest';
  readonly value: {
    readonly text: string;
    readonly connectionName: string;
    readonly tokenExchangeResource: { readonly id: string; readonly uri: string; readonly providerId: string };
    readonly buttons: readonly { readonly type: 'signin'; readonly title: string; readonly value: string }[];
  };
}

/** The `adaptiveCard/action` answer when the SSO token Teams attached could not be exchanged (consent needed). */
export interface PreconditionFailedResponse {
  readonly statusCode: 412;
  readonly type: 'application/vnd.microsoft.error.preconditionFailed';
  readonly value: { readonly code: string; readonly message: string };
}

export function createLoginRequestResponse(text: Text, settings: SignInSettings): LoginRequestResponse {
  return {
    statusCode: 401,
    type: 'application/vnd.microsoft.activity.loginRequest',
    value: {
      text: text.t('signIn.toContinue'),
      connectionName: SSO_CONNECTION_NAME,
      tokenExchangeResource: { id: crypto.randomUUID(), uri: settings.applicationIdUri, providerId: '' },
      buttons: [{ type: 'signin', title: text.t('signIn.button'), value: signInPageUrl(settings.botDomain) }],
    },
  };
}

/** The answer to a card action whose SSO token needs consent first; `code` is for the client, `message` for the user. */
export function createConsentNeededResponse(text: Text): PreconditionFailedResponse {
  return {
    statusCode: 412,
    type: 'application/vnd.microsoft.error.preconditionFailed',
    value: { code: 'consentRequired', message: text.t('signIn.consentNeeded') },
  };
}
