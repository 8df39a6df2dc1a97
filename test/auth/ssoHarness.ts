/**
 * Teams SSO around the one bot harness (`test/support/botHarness.ts`): the bot in production configuration, over
 * real HTTP on 127.0.0.1, one or more instances sharing storage: app credentials set, so the
 * adapter authenticates every request against a local Bot Framework OpenID metadata/JWKS; Teams SSO with msal-node
 * redeeming tokens at a local identity provider (through msal's network seam); Graph calls going to the local
 * profile service with the tokens the identity provider issued.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { createGraphTokenService, type GraphTokenService } from '../../src/auth/graphTokenService';
import { createSsoTokenProvider } from '../../src/auth/ssoTokenProvider';
import type { UserTokenProvider } from '../../src/auth/userTokenProvider';
import { createAuthPages } from '../../src/auth/authPages';
import type { BotServer } from '../../src/edge/server';
import { loadConfig, type Config } from '../../src/config';
import { createSharedTokenCache } from '../../src/storage/msalCachePlugin';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { nowSeconds } from '../support/jwt';
import { PUBLIC_AUTHORITY_HOST, startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import { createLoopbackNetworkClient } from '../support/loopbackNetworkClient';
import { startBotHarness, type BotHarness } from '../support/botHarness';
import { TEST_SERVICE_URL } from '../support/postActivity';

export const APP_ID = '6b0e6c7a-4c1f-4d4e-9a8e-0f2d3c4b5a69';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const APPLICATION_ID_URI = `api://botid-${APP_ID}`;
export const SERVICE_URL = TEST_SERVICE_URL;
const TOKEN_CACHE_KEY = Buffer.alloc(32, 7);

export interface TeamsUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const ALEX: TeamsUser = { id: '29:alex', aadObjectId: 'b6f3b1f0-0d47-4b83-9e8a-3f6f2a1d0c11', name: 'Alex Wilber' };
export const MEGAN: TeamsUser = { id: '29:megan', aadObjectId: 'c7a4c2e1-1e58-4c94-af9b-4a7a3b2e1d22', name: 'Megan Bowen' };

export interface Reply {
  readonly status: number;
  readonly activities: Partial<Activity>[];
  /** The invoke response, for invokes. */
  readonly invoke: { status: number; body: unknown } | undefined;
}

export interface BotInstance {
  readonly server: BotServer;
  /** This instance's msal-node token cache, to evict a user as an expired, unrenewable token would. */
  readonly graphTokens: GraphTokenService;
  readonly logLines: string[];
  /** The instance itself: the one bot harness, over HTTP with inbound authentication. */
  readonly harness: BotHarness;
  close(): Promise<void>;
}

export interface SsoHarness {
  readonly idp: LocalIdentityProvider;
  readonly service: RunningProfileService;
  readonly config: Config;
  readonly instances: BotInstance[];
  /** Posts an activity from a Teams user (with a valid channel token unless `authorization` is given). */
  send(activity: Record<string, unknown>, options?: { instance?: number; authorization?: string | null }): Promise<Reply>;
  say(text: string, options?: { from?: TeamsUser; instance?: number }): Promise<Reply>;
  invoke(name: string, value: unknown, options?: { from?: TeamsUser; instance?: number }): Promise<Reply>;
  channelToken(claims?: Record<string, unknown>, options?: { signWithUnknownKey?: boolean }): string;
  close(): Promise<void>;
}

/** Starts the identity provider, the profile service and `instances` bot processes' worth of bots sharing `storage`. */
export async function startSsoHarness(
  options: {
    instances?: number;
    storage?: Storage;
    sharedTokenCache?: boolean;
    channelOpenIdMetadataUrl?: string;
    /** Stands in front of each instance's token provider, e.g. to count the token requests the bot makes. */
    wrapTokens?: (tokens: UserTokenProvider) => UserTokenProvider;
  } = {},
): Promise<SsoHarness> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sso-test-'));
  const idp = await startLocalIdentityProvider({ clientId: APP_ID, applicationIdUri: APPLICATION_ID_URI });
  const service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId, MEGAN.aadObjectId] } });
  const ENV = (profileService: RunningProfileService): Record<string, string> => ({
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'local-test-secret',
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
    BOT_DOMAIN: 'bot.example.test',
    GRAPH_BASE_URL: profileService.graphBaseUrl,
    BOT_OPENID_METADATA_URL: options.channelOpenIdMetadataUrl ?? idp.channelOpenIdMetadataUrl,
    HOST: '127.0.0.1',
  });
  const config = loadConfig(ENV(service), null);
  const storage = options.storage ?? new MemoryStorage();
  const instances: BotInstance[] = [];
  for (let index = 0; index < (options.instances ?? 1); index += 1) {
    const harness = await startBotHarness({
      service,
      env: ENV(service),
      storage,
      userTokens: (logger, botConfig) => {
        const auth = botConfig.auth!;
        const sharedCache = options.sharedTokenCache ? createSharedTokenCache({ storage, encryptionKey: TOKEN_CACHE_KEY, logger }) : undefined;
        const graphTokens = createGraphTokenService({
          auth,
          logger,
          networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url),
          ...(sharedCache ? { sharedCache } : {}),
        });
        const tokens = createSsoTokenProvider(graphTokens);
        return { tokens: options.wrapTokens ? options.wrapTokens(tokens) : tokens, graphTokens };
      },
      staticRoutes: (botConfig) => [...createAuthPages(botConfig.auth!).routes].map(([route, respond]) => ({ path: route, respond })),
      defaults: {
        from: ALEX,
        recipient: { id: `28:${APP_ID}`, name: 'Interests' },
        conversation: { id: 'a:personal-alex', conversationType: 'personal', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
      },
    });
    instances.push({ server: harness.server, graphTokens: harness.graphTokens!, logLines: harness.logLines, harness, close: () => harness.close() });
  }

  const channelToken: SsoHarness['channelToken'] = (claims = {}, tokenOptions = {}) =>
    idp.issueChannelToken({ iss: idp.channelIssuer, aud: APP_ID, serviceurl: SERVICE_URL, nbf: nowSeconds() - 10, exp: nowSeconds() + 600, ...claims }, tokenOptions);

  const send: SsoHarness['send'] = async (activity, sendOptions = {}) => {
    const authorization = sendOptions.authorization === undefined ? `Bearer ${channelToken()}` : sendOptions.authorization;
    const instance = instances[sendOptions.instance ?? 0]!;
    const { status, activities } = await instance.harness.send(activity, { headers: authorization ? { Authorization: authorization } : {} });
    const invokeActivity = activities.find((item) => item.type === 'invokeResponse');
    return { status, activities, invoke: invokeActivity?.value as Reply['invoke'] };
  };

  return {
    idp,
    service,
    config,
    instances,
    send,
    channelToken,
    say: (text, sayOptions = {}) => send({ type: 'message', text, from: sayOptions.from ?? ALEX }, { instance: sayOptions.instance ?? 0 }),
    invoke: (name, value, invokeOptions = {}) => send({ type: 'invoke', name, value, from: invokeOptions.from ?? ALEX }, { instance: invokeOptions.instance ?? 0 }),
    async close() {
      await Promise.all(instances.map((instance) => instance.close()));
      await service.close();
      await idp.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function oauthCardIn(reply: Reply): { tokenExchangeResource: { id: string; uri: string }; buttons: { type: string; value: string }[] } | undefined {
  const attachment = reply.activities.flatMap((activity) => activity.attachments ?? []).find((item) => item.contentType === 'application/vnd.microsoft.card.oauth');
  return attachment?.content as ReturnType<typeof oauthCardIn>;
}

export function adaptiveCardsIn(reply: Reply): unknown[] {
  return reply.activities
    .flatMap((activity) => activity.attachments ?? [])
    .filter((item) => item.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((item) => item.content as unknown);
}
