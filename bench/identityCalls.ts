/**
 * Identity-provider calls per 100 actions of one signed-in user: the production token path (msal-node on-behalf-of,
 * then its cache) against the local identity provider, inside the real bot. The user signs in once (one
 * on-behalf-of exchange), then works through 100 actions; every Graph request asks the token provider for a token.
 */
import { MemoryStorage } from 'botbuilder';
import { createGraphTokenService } from '../src/auth/graphTokenService';
import { createSsoTokenProvider } from '../src/auth/ssoTokenProvider';
import { createBot } from '../src/app/createBot';
import { startBotServer } from '../src/edge/server';
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { loadConfig, type AuthConfig } from '../src/config';
import { createGraphInterestsClient } from '../src/graph/interestsClient';
import { silentLogger } from '../src/logger';
import { PUBLIC_AUTHORITY_HOST, startLocalIdentityProvider } from '../test/support/localIdentityProvider';
import { createLoopbackNetworkClient } from '../test/support/loopbackNetworkClient';
import { BotClient, invokeCard } from './botClient';
import type { BenchContext } from './context';
import { ordinaryDraft, type ProfileData } from './profileData';
import type { Section } from './section';

export interface IdentityCalls {
  readonly actions: number;
  /** Token requests (on-behalf-of) during the actions, after sign-in. */
  readonly tokenRequestsDuringActions: number;
  /** Every identity-provider request, sign-in and metadata discovery included. */
  readonly totalCallsIncludingSignIn: number;
  readonly accessTokenLifetimeSeconds: number;
}

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ACTIONS = 100;

export async function countIdentityCalls(graphBaseUrl: string, profile: ProfileData): Promise<IdentityCalls> {
  const auth: AuthConfig = {
    appId: APP_ID,
    appPassword: 'bench-secret',
    certificatePath: undefined,
    certificateThumbprint: undefined,
    tenantId: TENANT_ID,
    appType: 'SingleTenant',
    applicationIdUri: `api://botid-${APP_ID}`,
    botDomain: 'bot.example.test',
    graphScopes: ['User.ReadWrite'],
    authorityHost: PUBLIC_AUTHORITY_HOST,
    botFrameworkOpenIdMetadataUrl: undefined,
    tokenCacheEncryptionKey: undefined,
  };
  const idp = await startLocalIdentityProvider({ clientId: APP_ID, applicationIdUri: auth.applicationIdUri });
  const graphTokens = createGraphTokenService({ auth, logger: silentLogger, networkClient: createLoopbackNetworkClient(PUBLIC_AUTHORITY_HOST, idp.url) });
  // Inbound requests are not authenticated here (local config); only the Graph token path is the production one.
  const config = loadConfig({ GRAPH_BASE_URL: graphBaseUrl, LOG_LEVEL: 'silent' }, null);
  const interests = createGraphInterestsClient({ graphBaseUrl, timeoutMs: 10_000, maxRetries: 0, maxRetryWaitSeconds: 1, logger: silentLogger });
  const { adapter, handler } = createBot({ config, interests, tokens: createSsoTokenProvider(graphTokens), storage: new MemoryStorage(), logger: silentLogger });
  const server = await startBotServer({ host: '127.0.0.1', port: 0, adapter, handler, logger: silentLogger, shutdownGraceMs: 500 });
  try {
    const user = { oid: 'aad-bench-sso', tid: TENANT_ID, name: 'Bench SSO' };
    const [interestId] = await profile.createMany(user.oid, 5, ordinaryDraft);
    const signedIn = await graphTokens.exchange({ objectId: user.oid, tenantId: TENANT_ID }, idp.issueSsoToken(user));
    if (!signedIn.ok) throw new Error(`The benchmark user could not sign in: ${signedIn.reason}`);
    const tokenRequestsAfterSignIn = idp.calls.token;

    const bot = new BotClient(server.url);
    const from = { id: '29:bench-sso', aadObjectId: user.oid, name: user.name };
    const conversation = 'a:bench-sso';
    const extra = { conversation: { id: conversation, conversationType: 'personal', tenantId: TENANT_ID } };
    const owner = { ownerId: user.oid };
    for (let action = 0; action < ACTIONS; action++) {
      if (action % 3 === 0) await bot.send(from, conversation, { type: 'message', text: 'list' }, extra);
      else {
        const verb = action % 3 === 1 ? CARD_VERBS.openInterest : CARD_VERBS.tagInterest;
        const turn = await bot.send(from, conversation, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...owner, interestId } } } }, extra);
        const body = turn.activities.find((activity) => activity.type === 'invokeResponse')?.value as { body: { statusCode: number; type: string; value: unknown } };
        invokeCard(body.body);
      }
    }
    return {
      actions: ACTIONS,
      tokenRequestsDuringActions: idp.calls.token - tokenRequestsAfterSignIn,
      totalCallsIncludingSignIn: idp.calls.total,
      accessTokenLifetimeSeconds: 3600,
    };
  } finally {
    await server.close();
    await idp.close();
  }
}

export async function identityCallsSection(context: BenchContext): Promise<Section> {
  const idp = await countIdentityCalls(context.service.ready.graphBaseUrl, context.profile);
  return {
    id: 'identity-provider',
    title: 'Identity provider',
    data: idp,
    markdown: [
      `Token requests during ${idp.actions} actions of one signed-in user: **${idp.tokenRequestsDuringActions}** (sign-in itself: 1 on-behalf-of exchange; ${idp.totalCallsIncludingSignIn} identity-provider calls in all, metadata discovery included; token lifetime ${idp.accessTokenLifetimeSeconds} s).`,
    ],
    targets: [],
  };
}
