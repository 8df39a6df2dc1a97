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
      // Kept as read, so a copy (Undo) writes exactly these flags.
      allowedAudiences: '8',
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

  it('keeps a combined audience whole rather than its widest part', () => {
    const combined = { id: 'a2', displayName: 'Chess', allowedAudiences: 'contacts,groupMembers' };
    expect(parseStoredInterest(combined)?.allowedAudiences).toBe('contacts,groupMembers');
    expect(parseStoredInterest({ ...combined, allowedAudiences: '' })?.allowedAudiences).toBe('');
  });

  it('keeps only the declared properties, at every depth, and leaves absent ones absent', () => {
    const body = {
      id: 'a1',
      '@odata.etag': 'W/"1"',
      futureProperty: { anything: true },
      displayName: 'Sailing',
      createdBy: { user: { id: 'u1', displayName: 'Ada', email: 'ada@example.com' }, application: null, extra: 1 },
      lastModifiedBy: { device: { id: 'd1', kind: 'phone' } },
      inference: { confidenceScore: 0.5, userHasVerifiedAccuracy: null, model: 'x' },
      source: { type: ['User'], origin: 'x' },
      sources: [{ sourceId: 's1', isDefaultSource: false, properties: ['displayName'], weight: 3 }],
    };
    const parsed = parseStoredInterest(body);
    expect(parsed).toStrictEqual({
      id: 'a1',
      displayName: 'Sailing',
      allowedAudiences: null,
      createdBy: { user: { id: 'u1', displayName: 'Ada' }, application: null },
      lastModifiedBy: { device: { id: 'd1' } },
      inference: { confidenceScore: 0.5, userHasVerifiedAccuracy: null },
      source: { type: ['User'] },
      sources: [{ sourceId: 's1', isDefaultSource: false, properties: ['displayName'] }],
    });
    // A copy: the body it came from is left as it was.
    expect(body.createdBy.user.email).toBe('ada@example.com');
    expect(parsed?.categories).toBeUndefined();
  });

  it('accepts null for every nullable property', () => {
    const nulls = {
      displayName: null,
      description: null,
      categories: null,
      collaborationTags: null,
      webUrl: null,
      thumbnailUrl: null,
      allowedAudiences: null,
      inference: null,
      createdDateTime: null,
      createdBy: null,
      lastModifiedDateTime: null,
      lastModifiedBy: null,
      source: null,
      sources: null,
      isSearchable: null,
    };
    expect(parseStoredInterest({ id: 'a', ...nulls })).toStrictEqual({ id: 'a', ...nulls });
  });

  it.each([
    ['a single string', { type: 'Learned' }, { type: ['Learned'] }],
    ['a list', { type: ['User', 'Learned'] }, { type: ['User', 'Learned'] }],
    ['no type', {}, {}],
  ])('reads a source type given as %s', (_label, source, expected) => {
    expect(parseStoredInterest({ id: 'a', source })?.source).toStrictEqual(expected);
  });

  it.each([
    ['no id', { displayName: 'x' }],
    ['an empty id', { id: '', displayName: 'x' }],
    ['a numeric id', { id: 7 }],
    ['categories that are not strings', { id: 'a', categories: [1] }],
    ['tags that are not a list', { id: 'a', collaborationTags: 'askMeAbout' }],
    ['a numeric name', { id: 'a', displayName: 3 }],
    ['a creator whose user id is a number', { id: 'a', createdBy: { user: { id: 1 } } }],
    ['an editor that is a string', { id: 'a', lastModifiedBy: 'UPA' }],
    ['a confidence score that is text', { id: 'a', inference: { confidenceScore: 'high' } }],
    ['a verification flag that is text', { id: 'a', inference: { userHasVerifiedAccuracy: 'yes' } }],
    ['a source type that is a number', { id: 'a', source: { type: 4 } }],
    ['a source type list holding a number', { id: 'a', source: { type: ['User', 4] } }],
    ['sources that are not a list', { id: 'a', sources: { sourceId: 's' } }],
    ['a source annotation that is not an object', { id: 'a', sources: ['s1'] }],
    ['a default-source flag that is text', { id: 'a', sources: [{ isDefaultSource: 'true' }] }],
    ['searchable given as text', { id: 'a', isSearchable: 'false' }],
    ['a date that is a number', { id: 'a', lastModifiedDateTime: 0 }],
    ['a non-object', 'Chelsea FC'],
    ['a list', [{ id: 'a' }]],
    ['null', null],
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

  it.each([
    ['without a value array', { id: 'a' }],
    ['whose value is an object', { value: { id: 'a' } }],
    ['with an empty next link', { value: [], '@odata.nextLink': '' }],
    ['with a next link that is not text', { value: [], '@odata.nextLink': 2 }],
    ['that is null', null],
  ])('rejects a body %s', (_label, body) => {
    expect(parseInterestsPage(body)).toBeUndefined();
  });

  it('reads a null next link as the last page', () => {
    expect(parseInterestsPage({ value: [], '@odata.nextLink': null })).toEqual({ items: [], nextLink: undefined });
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

  it('sends a description and a web link that are set', () => {
    expect(
      toCreateBody({
        displayName: 'Sailing',
        description: 'Dinghies',
        categories: [],
        collaborationTags: [],
        allowedAudiences: 'me',
        webUrl: 'https://example.com/sailing',
      }),
    ).toStrictEqual({ displayName: 'Sailing', description: 'Dinghies', categories: [], collaborationTags: [], allowedAudiences: 'me', webUrl: 'https://example.com/sailing' });
  });
});
