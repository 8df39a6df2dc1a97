import fs from 'node:fs';
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { AuthConfig } from '../config';

const UNAUTHORIZED = 401;

/**
 * botframework-connector rethrows a bad token signature as a plain `JsonWebTokenError`, which CloudAdapter answers
 * with 500. Any failure to validate the caller is a 401: nothing is processed either way, but the status must
 * say why.
 */
class InboundAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('Unauthorized. The token could not be validated.', UNAUTHORIZED);
    }
  }
}

/**
 * Once any endpoint is overridden the SDK stops filling in the public cloud's values and expects all of them
 * (BotFrameworkAuthenticationFactory), so the rest are spelled out here: Azure public cloud, as the SDK's defaults.
 */
function publicCloudWithChannelMetadata(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/**
 * How the adapter authenticates: with no app credentials (local mode) the SDK accepts requests without a Bot
 * Framework token, which is what the Agents Playground sends; with credentials it validates the JWT on every
 * request and signs its own calls to the connector.
 */
export function createBotFrameworkAuthentication(auth: AuthConfig | null): ConfigurationBotFrameworkAuthentication {
  if (auth === null) return new ConfigurationBotFrameworkAuthentication({});
  const settings = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    ...(auth.botFrameworkOpenIdMetadataUrl !== undefined ? publicCloudWithChannelMetadata(auth.botFrameworkOpenIdMetadataUrl) : {}),
    ...(auth.appPassword !== undefined ? { MicrosoftAppPassword: auth.appPassword } : {}),
    ...(auth.certificatePath !== undefined && auth.certificateThumbprint !== undefined
      ? { CertificateThumbprint: auth.certificateThumbprint, CertificatePrivateKey: fs.readFileSync(auth.certificatePath, 'utf8') }
      : {}),
  };
  return new InboundAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
