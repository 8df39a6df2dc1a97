import type { UserTokenProvider } from '../../src/auth/userTokenProvider';
import { cardText, executeActionsOf } from '../support/botHarness';
import { adaptiveCardsIn, ALEX, APPLICATION_ID_URI, MEGAN, oauthCardIn, startSsoHarness, TENANT_ID, type Reply, type SsoHarness } from './ssoHarness';

describe('Teams SSO in the conversation', () => {
  let harness: SsoHarness;
  beforeEach(async () => {
    harness = await startSsoHarness();
  });
  afterEach(() => harness.close());

  const exchange = (id: string, token: string, from = ALEX) => harness.invoke('signin/tokenExchange', { id, connectionName: '', token }, { from });

  it('signs in silently from a cold cache, answers the original command, then serves the next one from the cache', async () => {
    const first = await harness.say('list');
    const card = oauthCardIn(first);
    expect(card?.tokenExchangeResource.uri).toBe(APPLICATION_ID_URI);
    expect(card?.buttons[0]).toMatchObject({ type: 'signin', value: 'https://bot.example.test/auth-start.html' });
    expect(adaptiveCardsIn(first)).toHaveLength(0);

    const exchanged = await exchange(card!.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    expect(exchanged.invoke).toEqual({ status: 200, body: { id: card!.tokenExchangeResource.id, connectionName: '' } });
    expect(cardText(adaptiveCardsIn(exchanged))).toContain('Machine learning');
    expect(harness.idp.calls.token).toBe(1);

    const callsBefore = harness.idp.calls.total;
    const second = await harness.say('list');
    expect(oauthCardIn(second)).toBeUndefined();
    expect(cardText(adaptiveCardsIn(second))).toContain('Machine learning');
    expect(harness.idp.calls.total).toBe(callsBefore);
  });

  it('goes through consent: 412, verifyState, a second exchange, then the original answer', async () => {
    const card = oauthCardIn(await harness.say('list'))!;
    harness.idp.setOboMode('consentRequired');
    const refused = await exchange(card.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    expect(refused.invoke?.status).toBe(412);
    expect(refused.invoke?.body).toMatchObject({ id: card.tokenExchangeResource.id, failureDetail: expect.any(String) });
    expect(harness.instances[0]!.logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);

    harness.idp.setOboMode('ok');
    const verified = await harness.invoke('signin/verifyState', { state: '' });
    expect(verified.invoke?.status).toBe(200);
    const freshCard = oauthCardIn(verified)!;
    expect(freshCard.tokenExchangeResource.id).not.toBe(card.tokenExchangeResource.id);

    const accepted = await exchange(freshCard.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    expect(accepted.invoke?.status).toBe(200);
    expect(cardText(adaptiveCardsIn(accepted))).toContain('Machine learning');
  });

  it('processes one exchange when three Teams clients send the same id at once', async () => {
    const card = oauthCardIn(await harness.say('list'))!;
    const token = harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID });
    const replies = await Promise.all([1, 2, 3].map(() => exchange(card.tokenExchangeResource.id, token)));
    expect(replies.map((reply) => reply.invoke?.status)).toEqual([200, 200, 200]);
    expect(replies.filter((reply) => adaptiveCardsIn(reply).length > 0)).toHaveLength(1);
    // Exactly one reply in all: the copies say nothing at all (not even "You're signed in").
    expect(replies.flatMap((reply) => reply.activities.filter((activity) => activity.type === 'message'))).toHaveLength(1);
    expect(harness.idp.calls.token).toBe(1);
  });

  it('gives every duplicate the 412 while consent is needed', async () => {
    const card = oauthCardIn(await harness.say('list'))!;
    harness.idp.setOboMode('consentRequired');
    const token = harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID });
    const replies = await Promise.all([1, 2, 3].map(() => exchange(card.tokenExchangeResource.id, token)));
    expect(replies.map((reply) => reply.invoke?.status)).toEqual([412, 412, 412]);
  });

  it.each([
    ['another user', () => harness.idp.issueSsoToken({ oid: MEGAN.aadObjectId, tid: TENANT_ID })],
    ['another tenant', () => harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: '00000000-0000-0000-0000-00000000dead' })],
    ['another app', () => harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }, { audience: 'api://botid-someone-else' })],
  ])('refuses an SSO token for %s and changes nothing', async (_case, issue) => {
    const card = oauthCardIn(await harness.say('list'))!;
    const before = harness.service.store.listInterests(ALEX.aadObjectId);
    const token = issue();
    const refused = await exchange(card.tokenExchangeResource.id, token);
    expect(refused.invoke?.status).toBe(412);
    expect(adaptiveCardsIn(refused)).toHaveLength(0);
    expect(harness.idp.calls.token).toBe(0);
    expect(harness.service.store.listInterests(ALEX.aadObjectId)).toEqual(before);
    expect(harness.instances[0]!.logLines.join('\n')).not.toContain(token);
  });

  it('tells the user plainly what is misconfigured on signin/failure', async () => {
    const reply = await harness.invoke('signin/failure', { code: 'resourcematchfailed', message: 'Resource match failed' });
    expect(reply.invoke?.status).toBe(200);
    expect(reply.activities.map((activity) => activity.text).join(' ')).toContain('Application ID URI');
  });

  it('asks again after sign-out', async () => {
    const card = oauthCardIn(await harness.say('list'))!;
    await exchange(card.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    const signedOut = await harness.say('sign out');
    expect(signedOut.activities.map((activity) => activity.text).join(' ')).toContain('signed out');
    expect(oauthCardIn(await harness.say('list'))).toBeDefined();
  });

  it('keeps the add dialog answers when the Graph token is lost mid-dialog, and creates the interest after signing in again', async () => {
    const card = oauthCardIn(await harness.say('add Sailing'))!;
    const started = await exchange(card.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    expect(started.activities.map((activity) => activity.text).join(' ')).toMatch(/description/i);
    for (const answer of ['Racing dinghies on the lake', 'Sports, Outdoors', 'none', 'skip', 'skip']) await harness.say(answer);

    // The cached Graph token is gone and cannot be renewed silently (as when it expires): confirming must sign in again.
    await harness.instances[0]!.graphTokens.signOut({ objectId: ALEX.aadObjectId, tenantId: TENANT_ID });
    const confirm = await harness.say('yes');
    const again = oauthCardIn(confirm)!;
    expect(again).toBeDefined();
    expect(harness.service.store.listInterests(ALEX.aadObjectId).map((interest) => interest.displayName)).not.toContain('Sailing');

    const resumed = await exchange(again.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    expect(resumed.invoke?.status).toBe(200);
    const sailing = harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === 'Sailing');
    expect(sailing).toHaveLength(1);
    expect(sailing[0]).toMatchObject({ description: 'Racing dinghies on the lake', categories: ['Sports', 'Outdoors'] });
  });

  it('signs in from a card action with a login request, then completes the action when Teams sends it again', async () => {
    const card = oauthCardIn(await harness.say('list'))!;
    await exchange(card.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    const list = adaptiveCardsIn(await harness.say('list'))[0];
    const open = executeActionsOf(list).find((action) => action.verb === 'interest.open')!;
    await harness.say('sign out');

    const action = { action: { type: 'Action.Execute', verb: open.verb, data: open.data }, trigger: 'manual' };
    const loginRequest = await harness.invoke('adaptiveCard/action', action);
    expect(loginRequest.invoke?.status).toBe(200);
    expect(loginRequest.invoke?.body).toMatchObject({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: { tokenExchangeResource: { uri: APPLICATION_ID_URI }, buttons: [{ type: 'signin' }] },
    });

    const token = harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID });
    const completed = await harness.invoke('adaptiveCard/action', { ...action, authentication: { id: 'auth-1', connectionName: '', token } });
    expect(completed.invoke?.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  });
  it.each([
    ['another user', () => harness.idp.issueSsoToken({ oid: MEGAN.aadObjectId, tid: TENANT_ID })],
    ['another tenant', () => harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: '11111111-2222-3333-4444-555555555555' })],
    ['another app', () => harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }, { audience: 'api://botid-someone-else' })],
  ])('refuses an SSO token of %s attached to a card action: no on-behalf-of call, no Graph request, no card', async (_case, issue) => {
    const card = oauthCardIn(await harness.say('list'))!;
    await exchange(card.tokenExchangeResource.id, harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }));
    const list = adaptiveCardsIn(await harness.say('list'))[0];
    const open = executeActionsOf(list).find((action) => action.verb === 'interest.open')!;
    await harness.say('sign out');
    const oboCalls = harness.idp.calls.token;
    const graphRequests = harness.service.stats.snapshot().total;

    const action = { action: { type: 'Action.Execute', verb: open.verb, data: open.data }, trigger: 'manual' };
    const refused = await harness.invoke('adaptiveCard/action', { ...action, authentication: { id: 'auth-foreign', connectionName: '', token: issue() } });
    expect(refused.invoke?.status).toBe(200);
    expect(refused.invoke?.body).not.toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(harness.idp.calls.token).toBe(oboCalls);
    expect(harness.service.stats.snapshot().total).toBe(graphRequests);
  });
});

describe('Teams SSO for a dialog reached from a card', () => {
  let harness: SsoHarness;
  /** Every token request the bot made, in order: whether it got one. */
  const requests: boolean[] = [];
  const counting = (tokens: UserTokenProvider): UserTokenProvider => ({
    async getToken(context, scopes) {
      const outcome = await tokens.getToken(context, scopes);
      requests.push(outcome.ok);
      return outcome;
    },
    signOut: (context) => tokens.signOut(context),
  });
  beforeEach(async () => {
    requests.length = 0;
    harness = await startSsoHarness({ wrapTokens: counting });
  });
  afterEach(() => harness.close());

  const exchange = (id: string) => harness.invoke('signin/tokenExchange', { id, connectionName: '', token: harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }) });

  it("signs in once for the summary card's Create: one login request, one on-behalf-of call, no token request of the dialog's own", async () => {
    const card = oauthCardIn(await harness.say('add Sailing'))!;
    await exchange(card.tokenExchangeResource.id);
    let summary: Reply | undefined;
    for (const answer of ['Racing dinghies on the lake', 'Sports, Outdoors', 'none', 'skip', 'skip']) summary = await harness.say(answer);
    const create = executeActionsOf(adaptiveCardsIn(summary!)[0]).find((action) => action.verb === 'add.confirm')!;
    // The cached Graph token is gone and cannot be renewed silently: the click must sign the user in again.
    await harness.instances[0]!.graphTokens.signOut({ objectId: ALEX.aadObjectId, tenantId: TENANT_ID });
    requests.length = 0;
    const oboCalls = harness.idp.calls.token;

    const action = { action: { type: 'Action.Execute', verb: create.verb, data: create.data }, trigger: 'manual' };
    const loginRequest = await harness.invoke('adaptiveCard/action', action);
    expect(loginRequest.invoke?.body).toMatchObject({ statusCode: 401, type: 'application/vnd.microsoft.activity.loginRequest' });
    expect(requests).toEqual([false]);

    requests.length = 0;
    const token = harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID });
    const created = await harness.invoke('adaptiveCard/action', { ...action, authentication: { id: 'auth-create', connectionName: '', token } });
    expect(created.invoke?.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(created.invoke?.body)).toContain('Added to your profile');
    expect(oauthCardIn(created)).toBeUndefined();
    // Before the attached SSO token was redeemed, and after: the dialog's create step used the token the click got.
    expect(requests).toEqual([false, true]);
    expect(harness.idp.calls.token).toBe(oboCalls + 1);
    expect(harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === 'Sailing')).toHaveLength(1);
  });
});

describe('Teams SSO across two bot instances sharing storage and the token cache', () => {
  let harness: SsoHarness;
  beforeEach(async () => {
    harness = await startSsoHarness({ instances: 2, sharedTokenCache: true });
  });
  afterEach(() => harness.close());

  it('processes the exchange once wherever its copies land, with one on-behalf-of call', async () => {
    const card = oauthCardIn(await harness.say('list', { instance: 0 }))!;
    const token = harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID });
    const value = { id: card.tokenExchangeResource.id, connectionName: '', token };
    const first = await Promise.all([harness.invoke('signin/tokenExchange', value, { instance: 0 }), harness.invoke('signin/tokenExchange', value, { instance: 0 })]);
    const late = await harness.invoke('signin/tokenExchange', value, { instance: 1 });
    const replies = [...first, late];
    expect(replies.map((reply) => reply.invoke?.status)).toEqual([200, 200, 200]);
    expect(replies.filter((reply) => adaptiveCardsIn(reply).length > 0)).toHaveLength(1);
    expect(replies.flatMap((reply) => reply.activities.filter((activity) => activity.type === 'message'))).toHaveLength(1);
    expect(harness.idp.calls.token).toBe(1);
  });

  it('serves a user signed in on one instance from the other with no identity-provider call', async () => {
    const card = oauthCardIn(await harness.say('list', { instance: 0 }))!;
    await harness.invoke('signin/tokenExchange', { id: card.tokenExchangeResource.id, connectionName: '', token: harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }) }, { instance: 0 });
    const callsBefore = harness.idp.calls.total;
    const other = await harness.say('list', { instance: 1 });
    expect(oauthCardIn(other)).toBeUndefined();
    expect(cardText(adaptiveCardsIn(other))).toContain('Machine learning');
    expect(harness.idp.calls.total).toBe(callsBefore);
  });
});
