/**
 * What the bot sends to start Teams SSO: an OAuthCard whose `tokenExchangeResource` makes Teams fetch an SSO
 * token silently and send it back as `signin/tokenExchange`, with a `signin` button to the bot's own fallback
 * page for when silent SSO cannot work (consent, conditional access).
 */
import crypto from 'node:crypto';
import { CardFactory, type Attachment } from 'botbuilder';

export interface SignInSettings {
  readonly applicationIdUri: string;
  readonly botDomain: string;
}

/** The bot does its own on-behalf-of exchange, so no Azure Bot OAuth connection is named. */
export const SSO_CONNECTION_NAME = '';

export function signInPageUrl(botDomain: string): string {
  return `https://${botDomain}/auth-start.html`;
}

export function createSignInCard(settings: SignInSettings, text = 'Sign in to read and update the interests on your profile.'): Attachment {
  return CardFactory.oauthCard(SSO_CONNECTION_NAME, 'Sign in', text, signInPageUrl(settings.botDomain), {
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

export function createLoginRequestResponse(settings: SignInSettings): LoginRequestResponse {
  return {
    statusCode: 401,
    type: 'application/vnd.microsoft.activity.loginRequest',
    value: {
      text: 'Sign in to continue',
      connectionName: SSO_CONNECTION_NAME,
      tokenExchangeResource: { id: crypto.randomUUID(), uri: settings.applicationIdUri, providerId: '' },
      buttons: [{ type: 'signin', title: 'Sign in', value: signInPageUrl(settings.botDomain) }],
    },
  };
}

export const CONSENT_NEEDED_RESPONSE: PreconditionFailedResponse = Object.freeze({
  statusCode: 412,
  type: 'application/vnd.microsoft.error.preconditionFailed',
  value: Object.freeze({ code: 'consentRequired', message: 'Sign in to continue.' }),
});
