/**
 * "Who can help with X?" asks for its own scopes (User.Read.All, People.Read) in an on-behalf-of request of its
 * own, only when it is used, against the local identity provider: sign-in for everything else never depends on them.
 */
import { NOT_GRANTED_KEY } from '../../src/features/helpers/whoCanHelp';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { adaptiveCardsIn, ALEX, oauthCardIn, startSsoHarness, TENANT_ID, type Reply, type SsoHarness } from './ssoHarness';

const NOT_GRANTED_TEXT = SOURCE_TEXT.t(NOT_GRANTED_KEY);

const textsOf = (reply: Reply): string[] => reply.activities.flatMap((activity) => (activity.type === 'message' && typeof activity.text === 'string' ? [activity.text] : []));

describe('the permissions of "who can help with"', () => {
  let harness: SsoHarness;
  beforeEach(async () => {
    harness = await startSsoHarness();
  });
  afterEach(() => harness.close());

  const signInThrough = async (reply: Reply): Promise<Reply> => {
    const card = oauthCardIn(reply);
    if (!card) throw new Error('expected a sign-in card');
    return harness.invoke('signin/tokenExchange', { id: card.tokenExchangeResource.id, connectionName: '', token: harness.idp.issueSsoToken({ oid: ALEX.aadObjectId, tid: TENANT_ID }) });
  };

  it('gets the same sign-in answer as "list" in a signed-out session, and is answered once signed in', async () => {
    // What a user sees, with the one part that is fresh on every sign-in card (its exchange id) left out.
    const seen = (reply: Reply) => ({
      status: reply.status,
      invoke: reply.invoke,
      activities: reply.activities.map(({ type, text, attachments }) => ({
        type,
        text,
        attachments: (attachments ?? []).map(({ contentType, content }) => ({
          contentType,
          content: JSON.parse(JSON.stringify(content ?? null).replace(/"tokenExchangeResource":\{"id":"[^"]+"/, '"tokenExchangeResource":{"id":"fresh"')) as unknown,
        })),
      })),
    });
    const list = await harness.say('list');
    const helpers = await harness.say('who can help with Kubernetes');
    expect(oauthCardIn(list)).toBeDefined();
    expect(seen(helpers)).toEqual(seen(list));
    expect(harness.idp.calls.token).toBe(0);

    // The question was remembered like any command, and runs once the user is signed in.
    const exchanged = await signInThrough(helpers);
    expect(exchanged.invoke?.status).toBe(200);
    expect(textsOf(exchanged).join(' ')).toMatch(/people you work with most/);
  });

  it('answers in one sentence when the identity provider refuses the extra scopes, and signing in for the rest still works', async () => {
    harness.idp.setRefusedScopes(['User.Read.All', 'People.Read']);
    const exchanged = await signInThrough(await harness.say('who can help with Kubernetes'));

    expect(exchanged.invoke?.status).toBe(200);
    expect(textsOf(exchanged)).toEqual([NOT_GRANTED_TEXT]);
    // One request for the sign-in's scope, then a separate one for the feature's scopes only.
    expect(harness.idp.requestedScopes).toEqual([['User.ReadWrite'], ['User.Read.All', 'People.Read']]);

    const tokenCalls = harness.idp.calls.token;
    const list = await harness.say('list');
    expect(oauthCardIn(list)).toBeUndefined();
    expect(adaptiveCardsIn(list)).toHaveLength(1);
    expect(harness.idp.calls.token).toBe(tokenCalls);
  });

  it('with the scopes granted, answers after sign-in and then reuses the cached token in another chat', async () => {
    const exchanged = await signInThrough(await harness.say('who can help with Kubernetes'));
    expect(textsOf(exchanged).join(' ')).toMatch(/people you work with most/);
    expect(textsOf(exchanged)).not.toContain(NOT_GRANTED_TEXT);
    expect(harness.idp.requestedScopes).toEqual([['User.ReadWrite'], ['User.Read.All', 'People.Read']]);

    const tokenCalls = harness.idp.calls.token;
    const again = await harness.send({ type: 'message', text: 'who knows Kubernetes', from: ALEX, conversation: { id: 'a:another-personal-chat', conversationType: 'personal', tenantId: TENANT_ID } });
    expect(oauthCardIn(again)).toBeUndefined();
    expect(textsOf(again).join(' ')).toMatch(/people you work with most/);
    expect(harness.idp.calls.token).toBe(tokenCalls);
  });
});
