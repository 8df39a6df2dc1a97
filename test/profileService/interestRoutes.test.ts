import { ALICE, BOB, INTERESTS, createInterest, readGraphError, startHarness, tokenFor, type Harness } from './profileServiceHarness';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('profile service: personInterest routes', () => {
  let harness: Harness;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2025-03-04T05:06:07.123Z');
    harness = await startHarness({ clock: () => now });
  });
  afterEach(() => harness.stop());

  it('creates an interest with 201 and server-set id, timestamps and identities', async () => {
    const response = await harness.call('POST', INTERESTS, {
      body: { displayName: 'Rust', description: 'Systems programming', categories: ['Technology'], collaborationTags: ['askMeAbout'], allowedAudiences: 'organization', webUrl: 'https://www.rust-lang.org' },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>;
    expect(created.id).toMatch(GUID);
    expect(created).toMatchObject({
      displayName: 'Rust',
      description: 'Systems programming',
      categories: ['Technology'],
      collaborationTags: ['askMeAbout'],
      allowedAudiences: 'organization',
      webUrl: 'https://www.rust-lang.org',
      inference: null,
      createdDateTime: '2025-03-04T05:06:07.1230000Z',
      lastModifiedDateTime: '2025-03-04T05:06:07.1230000Z',
      createdBy: { application: null, device: null, user: { displayName: ALICE.name, id: ALICE.oid } },
      lastModifiedBy: { application: null, device: null, user: { displayName: ALICE.name, id: ALICE.oid } },
    });
    expect(created['@odata.context']).toBe(`${harness.service.url}/beta/$metadata#users('${ALICE.oid}')/profile/interests/$entity`);
    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.id)).toEqual([created.id]);
  });

  it('gets one interest with 200 and answers 404 itemNotFound for an unknown id', async () => {
    const created = await createInterest(harness, { displayName: 'Chess' });
    const found = await harness.call('GET', `${INTERESTS}/${String(created.id)}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: created.id, displayName: 'Chess' });

    const missing = await harness.call('GET', `${INTERESTS}/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect((await readGraphError(missing)).code).toBe('itemNotFound');
  });

  it('PATCH merges scalars, replaces collections, updates lastModified* and answers 200 with the full entity', async () => {
    const created = await createInterest(harness, {
      displayName: 'Chelsea FC',
      description: "World's greatest football club",
      categories: ['Football', 'London'],
      collaborationTags: ['askMeAbout', 'ableToMentor'],
      webUrl: 'https://www.chelseafc.com',
    });
    now = new Date('2025-03-05T00:00:00.000Z');
    const response = await harness.call('PATCH', `${INTERESTS}/${String(created.id)}`, {
      body: { categories: ['Sports'], collaborationTags: ['wantsToLearn'] },
      token: tokenFor({ ...ALICE, name: 'Alice Renamed' }),
    });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as Record<string, unknown>;
    expect(updated).toMatchObject({
      id: created.id,
      displayName: 'Chelsea FC',
      description: "World's greatest football club",
      webUrl: 'https://www.chelseafc.com',
      categories: ['Sports'],
      collaborationTags: ['wantsToLearn'],
      createdDateTime: created.createdDateTime,
      lastModifiedDateTime: '2025-03-05T00:00:00.0000000Z',
      lastModifiedBy: { application: null, device: null, user: { displayName: 'Alice Renamed', id: ALICE.oid } },
      createdBy: created.createdBy,
    });
    expect(harness.service.store.listInterests(ALICE.oid)[0]).toMatchObject({ categories: ['Sports'], collaborationTags: ['wantsToLearn'] });
  });

  it('PATCH can clear optional text and answers 404 for an unknown id', async () => {
    const created = await createInterest(harness, { displayName: 'Chess', description: 'Blitz', webUrl: 'https://lichess.org' });
    const cleared = await harness.call('PATCH', `${INTERESTS}/${String(created.id)}`, { body: { description: null, webUrl: null } });
    expect(await cleared.json()).toMatchObject({ description: null, webUrl: null, displayName: 'Chess' });

    const missing = await harness.call('PATCH', `${INTERESTS}/unknown-id`, { body: { description: 'x' } });
    expect(missing.status).toBe(404);
    expect((await readGraphError(missing)).code).toBe('itemNotFound');
  });

  it('DELETE answers 204 with an empty body, then the interest is gone', async () => {
    const created = await createInterest(harness, { displayName: 'Chess' });
    const deleted = await harness.call('DELETE', `${INTERESTS}/${String(created.id)}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(deleted.headers.get('content-type')).toBeNull();
    expect(deleted.headers.get('request-id')).toMatch(GUID);

    expect((await harness.call('GET', `${INTERESTS}/${String(created.id)}`)).status).toBe(404);
    const again = await harness.call('DELETE', `${INTERESTS}/${String(created.id)}`);
    expect(again.status).toBe(404);
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it('lists with @odata.context and every property Graph returns', async () => {
    await createInterest(harness, { displayName: 'Chess' });
    const response = await harness.call('GET', INTERESTS);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { '@odata.context': string; value: Record<string, unknown>[] };
    expect(body['@odata.context']).toBe(`${harness.service.url}/beta/$metadata#users('${ALICE.oid}')/profile/interests`);
    expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(
      [
        'allowedAudiences', 'categories', 'collaborationTags', 'createdBy', 'createdDateTime', 'description', 'displayName', 'id', 'inference',
        'isSearchable', 'lastModifiedBy', 'lastModifiedDateTime', 'source', 'sources', 'thumbnailUrl', 'webUrl',
      ].sort(),
    );
    expect(body).not.toHaveProperty('@odata.nextLink');
  });

  it('serves /users/{own oid} and /users/{own upn} like /me, case-insensitively', async () => {
    const created = await createInterest(harness, { displayName: 'Chess' });
    const byOid = await harness.call('GET', `/beta/users/${ALICE.oid.toUpperCase()}/profile/interests`, { token: tokenFor(ALICE) });
    expect(((await byOid.json()) as { value: unknown[] }).value).toHaveLength(1);
    const byUpn = await harness.call('PATCH', `/beta/users/${encodeURIComponent(ALICE.upn)}/profile/interests/${String(created.id)}`, {
      token: tokenFor(ALICE),
      body: { description: 'by upn' },
    });
    expect(byUpn.status).toBe(200);
    const mixedCase = await harness.call('GET', `/BETA/Me/Profile/Interests/${String(created.id)}`);
    expect(await mixedCase.json()).toMatchObject({ description: 'by upn' });
  });

  it("keeps users apart: nobody changes or deletes another user's interests, and reading them takes User.Read.All", async () => {
    const alices = await createInterest(harness, { displayName: 'Alice only' });
    const bob = tokenFor(BOB);
    await createInterest(harness, { displayName: 'Bob only' }, bob);

    const bobsList = (await (await harness.call('GET', INTERESTS, { token: bob })).json()) as { value: { displayName: string }[] };
    expect(bobsList.value.map((interest) => interest.displayName)).toEqual(['Bob only']);
    for (const [method, body] of [['GET', undefined], ['PATCH', { displayName: 'hijacked' }], ['DELETE', undefined]] as const) {
      const response = await harness.call(method, `${INTERESTS}/${String(alices.id)}`, { token: bob, body });
      expect(response.status).toBe(404);
      expect((await readGraphError(response)).code).toBe('itemNotFound');
    }

    // A colleague's interests are readable only with User.Read.All, and then only through the audience rule
    // (test/profileService/colleagueReads.test.ts); Bob's User.Read covers his own profile alone.
    const otherUser = await harness.call('GET', `/beta/users/${ALICE.oid}/profile/interests`, { token: bob });
    expect(otherUser.status).toBe(403);
    expect((await readGraphError(otherUser)).code).toBe('Authorization_RequestDenied');
    const bobReadAll = tokenFor(BOB, 'User.Read.All User.ReadWrite');
    for (const [method, body] of [['PATCH', { displayName: 'hijacked' }], ['DELETE', undefined]] as const) {
      const response = await harness.call(method, `/beta/users/${ALICE.oid}/profile/interests/${String(alices.id)}`, { token: bobReadAll, body });
      expect(response.status).toBe(404);
      expect(await readGraphError(response)).toEqual({ code: 'UnknownError', message: '' });
    }
    const createForAlice = await harness.call('POST', `/beta/users/${ALICE.oid}/profile/interests`, { token: bobReadAll, body: { displayName: 'planted' } });
    expect(createForAlice.status).toBe(404);
    const otherUserPatch = await harness.call('PATCH', `/beta/users/${ALICE.upn}/profile/interests/${String(alices.id)}`, { token: bob, body: { displayName: 'x' } });
    expect(otherUserPatch.status).toBe(404);

    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.displayName)).toEqual(['Alice only']);
  });
});
