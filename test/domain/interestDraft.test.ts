import { draftFromInterest, findInterestByName, type PersonInterest } from '../../src/domain';
import { chelseaFc, syncedFromUpa } from './fixtures';

describe('draftFromInterest', () => {
  it('keeps the writable fields of a complete item', () => {
    expect(draftFromInterest(chelseaFc)).toEqual({
      displayName: 'Chelsea FC',
      description: "World's greatest football club",
      categories: ['Sports'],
      collaborationTags: [],
      allowedAudiences: 'organization',
      webUrl: 'https://www.chelseafc.com',
    });
  });

  it('normalizes a synced item with nulls and empty collections', () => {
    expect(draftFromInterest(syncedFromUpa)).toEqual({
      displayName: 'Sailing',
      description: null,
      categories: [],
      collaborationTags: [],
      allowedAudiences: 'organization',
      webUrl: null,
    });
  });

  it('fills every missing property', () => {
    expect(draftFromInterest({})).toEqual({
      displayName: '',
      description: null,
      categories: [],
      collaborationTags: [],
      allowedAudiences: 'organization',
      webUrl: null,
    });
  });

  it.each<[string, Partial<PersonInterest>, Partial<ReturnType<typeof draftFromInterest>>]>([
    ['an empty description becomes null', { description: '' }, { description: null }],
    ['an empty link becomes null', { webUrl: '' }, { webUrl: null }],
    ['unknown tags are dropped, known ones keep their order', { collaborationTags: ['wantsToLearn', 'expertIn', 'askMeAbout'] }, { collaborationTags: ['wantsToLearn', 'askMeAbout'] }],
    ['a numeric audience becomes its name', { allowedAudiences: '8' as PersonInterest['allowedAudiences'] }, { allowedAudiences: 'organization' }],
    ['a multi-audience value becomes its widest audience', { allowedAudiences: 'contacts,everyone' as PersonInterest['allowedAudiences'] }, { allowedAudiences: 'everyone' }],
    ['non-string categories are dropped', { categories: ['A', 7, null] as unknown as string[] }, { categories: ['A'] }],
    ['a non-string name becomes empty', { displayName: 12 as unknown as string }, { displayName: '' }],
  ])('%s', (_label, item, expected) => {
    expect(draftFromInterest(item)).toMatchObject(expected);
  });

  it('returns collections the caller can change without touching the item', () => {
    const item: PersonInterest = { categories: ['A'], collaborationTags: ['askMeAbout'] };
    const draft = draftFromInterest(item);
    draft.categories.push('B');
    draft.collaborationTags.push('wantsToLearn');
    expect(item).toEqual({ categories: ['A'], collaborationTags: ['askMeAbout'] });
  });
});

describe('findInterestByName', () => {
  const interests: PersonInterest[] = [
    { id: '1', displayName: 'Chess' },
    { id: '2', displayName: 'Board  games' },
    { id: '3', displayName: null },
    { id: '4', displayName: 'Caf\u00E9 culture' },
    { id: '5', displayName: 'שחמט' },
    { id: '6', displayName: 'chess' },
  ];

  it.each<[string, string, string | undefined]>([
    ['an exact name', 'Chess', '1'],
    ['another case, first match wins', 'CHESS', '1'],
    ['surrounding whitespace', '  chess  ', '1'],
    ['different inner whitespace', 'board games', '2'],
    ['another Unicode form', 'cafe\u0301 culture', '4'],
    ['right-to-left text', 'שחמט', '5'],
    ['an unknown name', 'Checkers', undefined],
    ['a prefix only', 'Ches', undefined],
    ['an empty name', '', undefined],
    ['whitespace only', '   ', undefined],
  ])('finds by %s', (_label, name, expectedId) => {
    expect(findInterestByName(interests, name)?.id).toBe(expectedId);
  });

  it('finds nothing in an empty list', () => {
    expect(findInterestByName([], 'Chess')).toBeUndefined();
  });
});
