import fs from 'node:fs';
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, JwtTokenValidation, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import { ChannelTokenPrecheck } from './channelTokenPrecheck';
import { ReusedConnectorClients } from './reusedConnectorClients';
import type { AuthConfig } from '../config';

const UNAUTHORIZED = 401;

/**
 * CloudAdapter asks for a connector factory and a user token client on every turn, and the SDK builds a new
 * ConnectorClient and UserTokenClient (credentials, HTTP pipeline, policies) each time. This keeps one factory and
 * one user token client per app id (the only part of the claims the SDK's own factories read), the factory reusing
 * its clients per service URL. Only public extension points are used: the overridable methods of
 * BotFrameworkAuthentication and the result of `authenticateRequest`.
 */
class ReusingConnectorAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly factories = new Map<string, ConnectorFactory>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const sdkFactory = result.connectorFactory;
    if (!sdkFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.claimsIdentity, () => sdkFactory) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, () => super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = appIdOf(claimsIdentity);
    const known = this.userTokenClients.get(appId);
    if (known) return known;
    const created = super.createUserTokenClient(claimsIdentity);
    this.userTokenClients.set(appId, created);
    created.catch(() => this.userTokenClients.delete(appId));
    return created;
  }

  private reusing(claimsIdentity: ClaimsIdentity, sdkFactory: () => ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    let factory = this.factories.get(appId);
    if (!factory) {
      factory = new ReusedConnectorClients(sdkFactory());
      this.factories.set(appId, factory);
    }
    return factory;
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
}

/**
 * botframework-connector rethrows a bad token signature as a plain `JsonWebTokenError`, which CloudAdapter answers
 * with 500. Any failure to validate the caller is a 401: nothing is processed either way, but the status must
 * say why. Channel tokens the SDK would refuse after a console dump are refused before it (ChannelTokenPrecheck).
 */
class InboundAuthentication extends ReusingConnectorAuthentication {
  constructor(
    settings: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentials: ConfigurationServiceClientCredentialFactory,
    private readonly precheck: ChannelTokenPrecheck,
  ) {
    super(settings, credentials);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      await this.precheck.check(authHeader, activity.channelId);
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('Unauthorized. The token could not be validated.', UNAUTHORIZED);
    }
  }
}

/**
 * Once any endpoint is overridden the SDK stops filling in the public cloud's values and expects all of them
 * (BotFrameworkAuthenticationFactory), so the rest are given here, the same public-cloud constants the SDK uses.
 */
function publicCloudWithChannelMetadata(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
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
  if (auth === null) return new ReusingConnectorAuthentication({});
  const settings = botFrameworkAuthenticationSettings(auth);
  const precheck = new ChannelTokenPrecheck(auth.botFrameworkOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);
  return new InboundAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings), precheck);
}

/**
 * The SDK settings the bot authenticates with, given app credentials: its app and tenant, its secret or
 * certificate, and the channel's OpenID metadata when configured. The benchmark's production-shaped floor
 * (`bench/productionFloorBot.ts`) validates with these same settings.
 */
export function botFrameworkAuthenticationSettings(auth: AuthConfig) {
  return {
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    ...(auth.botFrameworkOpenIdMetadataUrl !== undefined ? publicCloudWithChannelMetadata(auth.botFrameworkOpenIdMetadataUrl) : {}),
    ...(auth.appPassword !== undefined ? { MicrosoftAppPassword: auth.appPassword } : {}),
    ...(auth.certificatePath !== undefined && auth.certificateThumbprint !== undefined
      ? { CertificateThumbprint: auth.certificateThumbprint, CertificatePrivateKey: fs.readFileSync(auth.certificatePath, 'utf8') }
      : {}),
  };
}
