import { parseInterestsPage, parseStoredInterest, toCreateBody } from '../../src/graph/personInterestWire';

describe('parseStoredInterest', () => {
  it('reads an item synced from another system without breaking', () => {
    const synced = {
      '@odata.type': '#microsoft.graph.personInterest',
      id: 'a1',
      allowedAudiences: '8',
      createdDateTime: '0001-01-01T00:00:00Z',
      createdBy: { application: { displayName: 'UPA', id: null }, device: null, user: null },
      categories: [],
      description: null,
      displayName: 'Sailing',
      source: { type: 'User' },
      sources: [{ isDefaultSource: true, properties: null, sourceId: 's1' }],
      inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: false },
    };
    expect(parseStoredInterest(synced)).toEqual({
      id: 'a1',
      allowedAudiences: 'organization',
      createdDateTime: '0001-01-01T00:00:00Z',
      createdBy: { application: { displayName: 'UPA', id: null }, device: null, user: null },
      categories: [],
      description: null,
      displayName: 'Sailing',
      source: { type: ['User'] },
      sources: [{ isDefaultSource: true, properties: null, sourceId: 's1' }],
      inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: false },
    });
  });

  it.each([
    ['no id', { displayName: 'x' }],
    ['an empty id', { id: '', displayName: 'x' }],
    ['categories that are not strings', { id: 'a', categories: [1] }],
    ['a non-object', 'Chelsea FC'],
    ['nothing', undefined],
  ])('rejects a body with %s', (_label, body) => {
    expect(parseStoredInterest(body)).toBeUndefined();
  });
});

describe('parseInterestsPage', () => {
  it('keeps the next link and the raw items', () => {
    expect(parseInterestsPage({ value: [{ id: 'a' }], '@odata.nextLink': 'https://graph.microsoft.com/beta/me/profile/interests?$skiptoken=2' })).toEqual({
      items: [{ id: 'a' }],
      nextLink: 'https://graph.microsoft.com/beta/me/profile/interests?$skiptoken=2',
    });
    expect(parseInterestsPage({ value: [] })).toEqual({ items: [], nextLink: undefined });
  });

  it('rejects a body without a value array', () => {
    expect(parseInterestsPage({ id: 'a' })).toBeUndefined();
  });
});

describe('toCreateBody', () => {
  it('sends audience names and leaves out cleared texts', () => {
    expect(
      toCreateBody({
        displayName: 'Chelsea FC',
        description: null,
        categories: ['Sports'],
        collaborationTags: ['askMeAbout'],
        allowedAudiences: 'organization',
        webUrl: null,
      }),
    ).toEqual({ displayName: 'Chelsea FC', categories: ['Sports'], collaborationTags: ['askMeAbout'], allowedAudiences: 'organization' });
  });
});
