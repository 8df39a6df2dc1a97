import { SEED_COLLEAGUES } from '../../profileService/seedColleagues';
import { ALICE, BOB, createInterest, readGraphError, startHarness, tokenFor, type Harness } from './profileServiceHarness';

const READ_ALL = 'User.Read.All';
const aliceInterests = `/beta/users/${ALICE.oid}/profile/interests`;

// Every audience value, alone and combined, with whether a colleague of the same tenant sees the item.
const AUDIENCE_RULES: readonly [audience: string, visibleToColleague: boolean][] = [
  ['me', false],
  ['family', false],
  ['contacts', false],
  ['groupMembers', false],
  ['organization', true],
  ['federatedOrganizations', true],
  ['everyone', true],
  ['contacts,organization', true],
  ['family,contacts,groupMembers', false],
  ['8', true],
  ['6', false],
  ['32', true],
];

describe("profile service: reading a colleague's interests honours their audiences", () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.stop());

  async function seedAlice(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const [audience] of AUDIENCE_RULES) {
      const created = await createInterest(harness, { displayName: `Audience ${audience}`, allowedAudiences: audience });
      ids.set(audience, String(created.id));
    }
    return ids;
  }

  it('lists only items whose audience reaches the organization, for a colleague with User.Read.All', async () => {
    await seedAlice();
    const response = await harness.call('GET', aliceInterests, { token: tokenFor(BOB, READ_ALL) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { '@odata.context': string; value: { displayName: string }[] };
    expect(body['@odata.context']).toBe(`${harness.service.url}/beta/$metadata#users('${ALICE.oid}')/profile/interests`);
    const expected = AUDIENCE_RULES.filter(([, visible]) => visible).map(([audience]) => `Audience ${audience}`);
    expect(body.value.map((interest) => interest.displayName)).toEqual(expected);

    const own = (await (await harness.call('GET', `${aliceInterests}?$top=50`)).json()) as { value: unknown[] };
    expect(own.value).toHaveLength(AUDIENCE_RULES.length);
  });

  it.each(AUDIENCE_RULES)('a single item with audience %s is visible to a colleague: %s', async (audience, visible) => {
    const ids = await seedAlice();
    const response = await harness.call('GET', `${aliceInterests}/${ids.get(audience) ?? ''}`, { token: tokenFor(BOB, READ_ALL) });
    if (visible) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { displayName: string }).displayName).toBe(`Audience ${audience}`);
    } else {
      expect(response.status).toBe(404);
      expect((await readGraphError(response)).code).toBe('itemNotFound');
    }
  });

  it('addresses the colleague by user principal name once the service knows it', async () => {
    await seedAlice();
    const byUpn = await harness.call('GET', `/beta/users/${encodeURIComponent(ALICE.upn.toUpperCase())}/profile/interests`, { token: tokenFor(BOB, READ_ALL) });
    expect(byUpn.status).toBe(200);
  });

  it('keeps writes owner-only even with User.ReadWrite.All', async () => {
    const ids = await seedAlice();
    const bob = tokenFor(BOB, 'User.ReadWrite.All');
    const id = ids.get('everyone') ?? '';
    const attempts = [
      await harness.call('PATCH', `${aliceInterests}/${id}`, { token: bob, body: { displayName: 'hijacked' } }),
      await harness.call('DELETE', `${aliceInterests}/${id}`, { token: bob }),
      await harness.call('POST', aliceInterests, { token: bob, body: { displayName: 'planted' } }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      expect(await readGraphError(response)).toEqual({ code: 'UnknownError', message: '' });
    }
    expect(harness.service.store.listInterests(ALICE.oid)).toHaveLength(AUDIENCE_RULES.length);
    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.displayName)).not.toContain('hijacked');
  });

  it.each([
    ['User.Read', 403],
    ['User.ReadWrite', 403],
    ['User.ReadBasic.All', 403],
    ['People.Read', 403],
    ['User.Read.All', 200],
    ['User.ReadWrite.All', 200],
  ])('needs User.Read.All (or User.ReadWrite.All) for a colleague: %s answers %i', async (scp, status) => {
    await seedAlice();
    const response = await harness.call('GET', aliceInterests, { token: tokenFor(BOB, scp) });
    expect(response.status).toBe(status);
    if (status === 403) expect(await readGraphError(response)).toMatchObject({ code: 'Authorization_RequestDenied' });
  });

  it('shows nothing to another tenant: its users do not exist there (404 Request_ResourceNotFound)', async () => {
    await seedAlice();
    const outsider = tokenFor({ oid: 'dddddddd-4444-4444-8444-dddddddddddd' }, READ_ALL);
    const otherTenant = (await import('../../src/auth/devToken')).mintDevToken({ oid: 'eeeeeeee-5555-4555-8555-eeeeeeeeeeee', tid: 'another-tenant', scp: READ_ALL });
    expect((await harness.call('GET', aliceInterests, { token: outsider })).status).toBe(200);
    const response = await harness.call('GET', aliceInterests, { token: otherTenant });
    expect(response.status).toBe(404);
    expect((await readGraphError(response)).code).toBe('Request_ResourceNotFound');
    const unknownUser = await harness.call('GET', '/beta/users/ffffffff-6666-4666-8666-ffffffffffff/profile/interests', { token: tokenFor(BOB, READ_ALL) });
    expect(unknownUser.status).toBe(404);
  });

  it('applies the same rule inside a batch', async () => {
    await seedAlice();
    const response = await harness.call('POST', '/beta/$batch', {
      token: tokenFor(BOB, READ_ALL),
      body: { requests: [{ id: '1', method: 'GET', url: `/users/${ALICE.oid}/profile/interests` }] },
    });
    const body = (await response.json()) as { responses: { status: number; body: { value: { displayName: string }[] } }[] };
    expect(body.responses[0]?.status).toBe(200);
    expect(body.responses[0]?.body.value).toHaveLength(AUDIENCE_RULES.filter(([, visible]) => visible).length);
  });

  it('lets a colleague read every item while the audience rule is switched off (a Graph that does not filter), until cleared', async () => {
    await seedAlice();
    const names = async (): Promise<string[]> => {
      const response = await harness.call('GET', `${aliceInterests}?$top=50`, { token: tokenFor(BOB, READ_ALL) });
      return ((await response.json()) as { value: { displayName: string }[] }).value.map((interest) => interest.displayName);
    };
    harness.service.faults.ignoreAudiences();
    expect(await names()).toHaveLength(AUDIENCE_RULES.length);
    harness.service.faults.clear();
    expect(await names()).toHaveLength(AUDIENCE_RULES.filter(([, visible]) => visible).length);
  });
});

describe('profile service: GET /beta/me/people', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness({ seed: { colleagues: true } });
  });
  afterEach(() => harness.stop());

  it("returns the caller's colleagues as Graph person resources, most relevant first, never the caller", async () => {
    await createInterest(harness, { displayName: 'Makes Bob known' }, tokenFor(BOB));
    const response = await harness.call('GET', '/beta/me/people', { token: tokenFor(ALICE, 'User.Read People.Read') });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: Record<string, unknown>[] };
    expect(body.value.map((person) => person.displayName)).toEqual([...SEED_COLLEAGUES.map((colleague) => colleague.displayName), BOB.name]);
    expect(body.value[0]).toMatchObject({
      id: SEED_COLLEAGUES[0]?.oid,
      displayName: SEED_COLLEAGUES[0]?.displayName,
      userPrincipalName: SEED_COLLEAGUES[0]?.upn,
      scoredEmailAddresses: [{ address: SEED_COLLEAGUES[0]?.upn, relevanceScore: expect.any(Number) as number }],
      personType: { class: 'Person', subclass: 'OrganizationUser' },
    });
    expect(body.value.map((person) => person.id)).not.toContain(ALICE.oid);
  });

  it('honours $top (25 by default) and refuses a bad one', async () => {
    const token = tokenFor(ALICE, 'People.Read');
    const two = (await (await harness.call('GET', '/beta/me/people?$top=2', { token })).json()) as { value: { id: string }[] };
    expect(two.value.map((person) => person.id)).toEqual(SEED_COLLEAGUES.slice(0, 2).map((colleague) => colleague.oid));
    for (let index = 0; index < 30; index++) await harness.call('GET', '/beta/me/profile/interests', { token: tokenFor({ oid: `0000000${index}-aaaa-4aaa-8aaa-aaaaaaaaaaaa`.slice(-36) }) });
    const byDefault = (await (await harness.call('GET', '/beta/me/people', { token })).json()) as { value: unknown[] };
    expect(byDefault.value).toHaveLength(25);
    for (const bad of ['0', '-1', 'x']) expect((await harness.call('GET', `/beta/me/people?$top=${bad}`, { token })).status).toBe(400);
  });

  it('honours $select, always with the id, as Graph does: the bot reads names, UPNs and job titles only', async () => {
    const response = await harness.call('GET', '/beta/me/people?$top=1&$select=displayName,userPrincipalName,jobTitle', { token: tokenFor(ALICE, 'People.Read') });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: Record<string, unknown>[] };
    expect(body.value).toEqual([{ id: SEED_COLLEAGUES[0]?.oid, displayName: SEED_COLLEAGUES[0]?.displayName, userPrincipalName: SEED_COLLEAGUES[0]?.upn, jobTitle: SEED_COLLEAGUES[0]?.jobTitle }]);
  });

  it('needs People.Read: without it Graph answers 403 Authorization_RequestDenied', async () => {
    const response = await harness.call('GET', '/beta/me/people', { token: tokenFor(ALICE, 'User.Read User.Read.All') });
    expect(response.status).toBe(403);
    expect((await readGraphError(response)).code).toBe('Authorization_RequestDenied');
    expect((await harness.call('GET', '/beta/me/people', { token: tokenFor(ALICE, 'People.Read.All') })).status).toBe(200);
  });

  it("lets a seeded colleague's interests be read through their audiences", async () => {
    const megan = SEED_COLLEAGUES[0];
    const response = await harness.call('GET', `/beta/users/${megan?.oid ?? ''}/profile/interests`, { token: tokenFor(ALICE, READ_ALL) });
    const body = (await response.json()) as { value: { displayName: string }[] };
    expect(body.value.map((interest) => interest.displayName)).toEqual(['Kubernetes']);
  });
});
