import { INTEREST_LIMITS } from '../../src/domain/personInterest';
import { SERVICE_LIMITS } from '../../profileService/serviceLimits';
import { ALICE, INTERESTS, createInterest, readGraphError, startHarness, type Harness } from './profileServiceHarness';

describe('profile service: body validation', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.stop());

  it.each<[string, unknown, string, RegExp]>([
    ['an unknown property', { displayName: 'x', colour: 'red' }, 'RequestBodyRead', /The property 'colour' does not exist on type 'microsoft.graph.personInterest'/],
    ['a wrongly cased property', { DisplayName: 'x' }, 'RequestBodyRead', /The property 'DisplayName' does not exist/],
    ['no displayName', { description: 'x' }, 'invalidRequest', /displayName/],
    ['a null displayName', { displayName: null }, 'invalidRequest', /displayName/],
    ['a blank displayName', { displayName: '   ' }, 'invalidRequest', /displayName/],
    ['a numeric displayName', { displayName: 42 }, 'RequestBodyRead', /Edm.String/],
    ['categories as a string', { displayName: 'x', categories: 'Sports' }, 'RequestBodyRead', /Collection\(Edm.String\)/],
    ['categories holding numbers', { displayName: 'x', categories: ['a', 1] }, 'RequestBodyRead', /Collection\(Edm.String\)/],
    ['an unknown collaboration tag', { displayName: 'x', collaborationTags: ['askMeAbout', 'canCook'] }, 'invalidRequest', /'canCook' is not a valid value for 'collaborationTags'/],
    ['an unknown audience', { displayName: 'x', allowedAudiences: 'planet' }, 'RequestBodyRead', /'planet' is not a valid enumeration/],
    ['an out-of-range numeric audience', { displayName: 'x', allowedAudiences: '4096' }, 'RequestBodyRead', /enumeration/],
    ['an audience of the wrong type', { displayName: 'x', allowedAudiences: 8 }, 'RequestBodyRead', /allowedAudiences/],
    ['inference with an unknown property', { displayName: 'x', inference: { confidence: 1 } }, 'RequestBodyRead', /'confidence' does not exist on type 'microsoft.graph.inferenceData'/],
    ['inference with a string score', { displayName: 'x', inference: { confidenceScore: 'high' } }, 'RequestBodyRead', /Edm.Double/],
    ['description of the wrong type', { displayName: 'x', description: ['a'] }, 'RequestBodyRead', /Edm.String/],
    ['a foreign @odata.type', { '@odata.type': '#microsoft.graph.skillProficiency', displayName: 'x' }, 'RequestBodyRead', /could not be resolved/],
    ['an over-long displayName', { displayName: 'x'.repeat(SERVICE_LIMITS.displayNameMax + 1) }, 'invalidRequest', /maximum length/],
    ['too many categories', { displayName: 'x', categories: Array.from({ length: SERVICE_LIMITS.categoriesMax + 1 }, (_, i) => `c${i}`) }, 'invalidRequest', /more than/],
  ])('refuses a create with %s', async (_case, body, code, message) => {
    const response = await harness.call('POST', INTERESTS, { body });
    expect(response.status).toBe(400);
    const error = await readGraphError(response);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['a null displayName', { displayName: null }, /displayName/],
    ['an empty displayName', { displayName: '' }, /displayName/],
    ['source', { source: { type: ['User'] } }, /source/],
    ['an unknown property', { rating: 5 }, /'rating' does not exist/],
    ['a bad collaboration tag', { collaborationTags: ['mentor'] }, /'mentor'/],
  ])('refuses a PATCH with %s and leaves the interest unchanged', async (_case, body, message) => {
    const created = await createInterest(harness, { displayName: 'Chess', collaborationTags: ['askMeAbout'] });
    const response = await harness.call('PATCH', `${INTERESTS}/${String(created.id)}`, { body });
    expect(response.status).toBe(400);
    expect((await readGraphError(response)).message).toMatch(message);
    expect(harness.service.store.listInterests(ALICE.oid)[0]).toMatchObject({ displayName: 'Chess', collaborationTags: ['askMeAbout'] });
  });

  it('ignores server-set properties and OData annotations in the body', async () => {
    const created = await createInterest(harness, {
      '@odata.type': '#microsoft.graph.personInterest',
      id: 'client-chosen-id',
      createdDateTime: '2000-01-01T00:00:00Z',
      createdBy: { user: { id: 'someone-else', displayName: 'Mallory' } },
      lastModifiedBy: null,
      'displayName@odata.type': '#String',
      displayName: 'Chess',
    });
    expect(created.id).not.toBe('client-chosen-id');
    expect(created.createdDateTime).not.toBe('2000-01-01T00:00:00Z');
    expect(created.createdBy).toEqual({ application: null, device: null, user: { displayName: ALICE.name, id: ALICE.oid } });
  });

  it('accepts source and inference on create; reads audiences by name, comma list or number and writes names', async () => {
    const created = await createInterest(harness, {
      displayName: 'Chess',
      source: { type: 'User' },
      inference: { confidenceScore: 0.5, userHasVerifiedAccuracy: true },
      allowedAudiences: '8',
    });
    expect(created).toMatchObject({ source: { type: ['User'] }, inference: { confidenceScore: 0.5, userHasVerifiedAccuracy: true }, allowedAudiences: 'organization' });
    const id = String(created.id);
    const listed = await harness.call('PATCH', `${INTERESTS}/${id}`, { body: { allowedAudiences: 'organization, contacts' } });
    expect(await listed.json()).toMatchObject({ allowedAudiences: 'contacts,organization' });
    const me = await harness.call('PATCH', `${INTERESTS}/${id}`, { body: { allowedAudiences: 'Me' } });
    expect(await me.json()).toMatchObject({ allowedAudiences: 'me' });
  });

  it('defaults audience, categories and tags on create', async () => {
    const created = await createInterest(harness, { displayName: 'Chess' });
    expect(created).toMatchObject({ allowedAudiences: 'organization', categories: [], collaborationTags: [], description: null, webUrl: null, source: null });
  });

  it('keeps its own limits above the bot limits so the bot, not the service, is what users meet', () => {
    expect(SERVICE_LIMITS.displayNameMax).toBeGreaterThanOrEqual(4 * INTEREST_LIMITS.displayNameMax);
    expect(SERVICE_LIMITS.descriptionMax).toBeGreaterThanOrEqual(4 * INTEREST_LIMITS.descriptionMax);
    expect(SERVICE_LIMITS.categoryMax).toBeGreaterThanOrEqual(4 * INTEREST_LIMITS.categoryMax);
    expect(SERVICE_LIMITS.categoriesMax).toBeGreaterThanOrEqual(4 * INTEREST_LIMITS.categoriesMax);
    expect(SERVICE_LIMITS.webUrlMax).toBeGreaterThanOrEqual(4 * INTEREST_LIMITS.webUrlMax);
  });

  it('accepts values at the bot limits', async () => {
    const created = await createInterest(harness, {
      displayName: 'd'.repeat(INTEREST_LIMITS.displayNameMax),
      description: 'e'.repeat(INTEREST_LIMITS.descriptionMax),
      categories: Array.from({ length: INTEREST_LIMITS.categoriesMax }, () => 'c'.repeat(INTEREST_LIMITS.categoryMax)),
      webUrl: `https://example.com/${'p'.repeat(INTEREST_LIMITS.webUrlMax - 20)}`,
    });
    expect(String(created.displayName)).toHaveLength(INTEREST_LIMITS.displayNameMax);
  });
});
