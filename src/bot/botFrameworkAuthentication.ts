import fs from 'node:fs';
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { AuthConfig } from '../config';

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
    ...(auth.botFrameworkOpenIdMetadataUrl !== undefined ? { ToBotFromChannelOpenIdMetadataUrl: auth.botFrameworkOpenIdMetadataUrl } : {}),
    ...(auth.appPassword !== undefined ? { MicrosoftAppPassword: auth.appPassword } : {}),
    ...(auth.certificatePath !== undefined && auth.certificateThumbprint !== undefined
      ? { CertificateThumbprint: auth.certificateThumbprint, CertificatePrivateKey: fs.readFileSync(auth.certificatePath, 'utf8') }
      : {}),
  };
  return new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
