import { SYNCED_ITEM_TIMESTAMP } from '../../profileService/seedInterests';
import { ALICE, BOB, INTERESTS, startHarness, tokenFor, type Harness } from './profileServiceHarness';

interface Listed {
  value: Record<string, unknown>[];
}

describe('profile service: seeding', () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.stop());

  it('gives each listed user realistic interests, including a synced UPA item and an inferred one', async () => {
    harness = await startHarness({ seed: { userIds: [ALICE.oid] }, clock: () => new Date('2025-06-01T12:00:00Z') });
    const { value } = (await (await harness.call('GET', INTERESTS)).json()) as Listed;
    expect(value.length).toBeGreaterThanOrEqual(4);
    expect(value.length).toBeLessThanOrEqual(5);
    expect(value[0]).toMatchObject({ createdDateTime: SYNCED_ITEM_TIMESTAMP });

    const synced = value.find((item) => item.createdDateTime === SYNCED_ITEM_TIMESTAMP);
    expect(synced).toMatchObject({
      createdBy: { application: { displayName: 'UPA', id: null }, device: null, user: null },
      categories: [],
      description: null,
      allowedAudiences: '8',
    });
    const inferred = value.find((item) => item.inference !== null);
    expect(inferred).toMatchObject({ inference: { confidenceScore: 0.72, userHasVerifiedAccuracy: false } });
    expect(value.some((item) => Array.isArray(item.collaborationTags) && item.collaborationTags.length > 0)).toBe(true);

    const bobs = (await (await harness.call('GET', INTERESTS, { token: tokenFor(BOB) })).json()) as Listed;
    expect(bobs.value).toEqual([]);
  });

  it('lets the seeded synced item be edited and deleted like any other', async () => {
    harness = await startHarness({ seed: { userIds: [ALICE.oid] } });
    const synced = harness.service.store.listInterests(ALICE.oid).find((item) => item.createdDateTime === SYNCED_ITEM_TIMESTAMP);
    const patched = await harness.call('PATCH', `${INTERESTS}/${String(synced?.id)}`, { body: { description: 'Now described' } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ description: 'Now described', allowedAudiences: '8', createdDateTime: SYNCED_ITEM_TIMESTAMP });
    expect((await harness.call('DELETE', `${INTERESTS}/${String(synced?.id)}`)).status).toBe(204);
  });

  it('never reseeds a stored profile, even one the user emptied', async () => {
    harness = await startHarness({ seed: { userIds: [ALICE.oid] } });
    for (const interest of harness.service.store.listInterests(ALICE.oid)) await harness.call('DELETE', `${INTERESTS}/${interest.id}`);
    await harness.restart();
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it('with allNewUsers, seeds any user without a profile on their first request, named from the token', async () => {
    harness = await startHarness({ seed: { allNewUsers: true } });
    expect(harness.service.store.listInterests(BOB.oid)).toEqual([]);
    const { value } = (await (await harness.call('GET', INTERESTS, { token: tokenFor(BOB) })).json()) as Listed;
    expect(value.length).toBeGreaterThanOrEqual(4);
    expect(value.some((item) => (item.createdBy as { user: { displayName: string } | null }).user?.displayName === BOB.name)).toBe(true);
  });
});
