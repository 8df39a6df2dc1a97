import { diffInterest, draftFromInterest, isEmptyPatch, type InterestDraft, type InterestPatch, type PersonInterest } from '../../src/domain';
import { chelseaFc, draftOf, syncedFromUpa } from './fixtures';

describe('diffInterest', () => {
  it('sends only categories when only categories changed (the Graph update example)', () => {
    const before: PersonInterest = { ...chelseaFc, categories: ['Football'] };
    expect(diffInterest(before, draftOf({ categories: ['Sports'] }))).toEqual({ categories: ['Sports'] });
  });

  it.each<[string, PersonInterest | InterestDraft, InterestDraft, InterestPatch]>([
    ['nothing changed', chelseaFc, draftOf(), {}],
    ['the name changed', chelseaFc, draftOf({ displayName: 'Chelsea' }), { displayName: 'Chelsea' }],
    ['the name changed only in case', chelseaFc, draftOf({ displayName: 'CHELSEA FC' }), { displayName: 'CHELSEA FC' }],
    ['the description was cleared', chelseaFc, draftOf({ description: null }), { description: null }],
    ['the description was added', { ...chelseaFc, description: null }, draftOf(), { description: "World's greatest football club" }],
    ['a null description stays null', { ...chelseaFc, description: null }, draftOf({ description: null }), {}],
    ['an empty description counts as null', { ...chelseaFc, description: '' }, draftOf({ description: null }), {}],
    ['a missing description counts as null', { ...chelseaFc, description: undefined }, draftOf({ description: null }), {}],
    ['an empty-string draft description counts as null', { ...chelseaFc, description: null }, draftOf({ description: '' }), {}],
    ['the link was cleared', chelseaFc, draftOf({ webUrl: null }), { webUrl: null }],
    ['the link changed', chelseaFc, draftOf({ webUrl: 'https://chelseafc.com/en' }), { webUrl: 'https://chelseafc.com/en' }],
    ['a null link stays null', { ...chelseaFc, webUrl: null }, draftOf({ webUrl: null }), {}],
    ['null categories match no categories', { ...chelseaFc, categories: null }, draftOf({ categories: [] }), {}],
    ['categories were reordered (written: Graph keeps stored order)', { ...chelseaFc, categories: ['A', 'B'] }, draftOf({ categories: ['B', 'A'] }), { categories: ['B', 'A'] }],
    ['a category was added after the existing ones', { ...chelseaFc, categories: ['A'] }, draftOf({ categories: ['A', 'B'] }), { categories: ['A', 'B'] }],
    ['a category was removed', { ...chelseaFc, categories: ['A', 'B'] }, draftOf({ categories: ['A'] }), { categories: ['A'] }],
    ['all categories were removed', chelseaFc, draftOf({ categories: [] }), { categories: [] }],
    ['null tags match no tags', chelseaFc, draftOf({ collaborationTags: [] }), {}],
    ['a tag was added', chelseaFc, draftOf({ collaborationTags: ['askMeAbout'] }), { collaborationTags: ['askMeAbout'] }],
    ['tags in another order are unchanged', { ...chelseaFc, collaborationTags: ['wantsToLearn', 'askMeAbout'] }, draftOf({ collaborationTags: ['askMeAbout', 'wantsToLearn'] }), {}],
    ['unknown stored tags are ignored when the known ones match', { ...chelseaFc, collaborationTags: ['askMeAbout', 'legacyTag'] }, draftOf({ collaborationTags: ['askMeAbout'] }), {}],
    ['a tag was swapped for another (as many tags, not the same ones)', { ...chelseaFc, collaborationTags: ['askMeAbout'] }, draftOf({ collaborationTags: ['wantsToLearn'] }), { collaborationTags: ['wantsToLearn'] }],
    ['the tags were cleared', { ...chelseaFc, collaborationTags: ['askMeAbout'] }, draftOf({ collaborationTags: [] }), { collaborationTags: [] }],
    ['the audience changed', chelseaFc, draftOf({ allowedAudiences: 'contacts' }), { allowedAudiences: 'contacts' }],
    ['a numeric "8" audience matches organization', { ...chelseaFc, allowedAudiences: '8' as PersonInterest['allowedAudiences'] }, draftOf(), {}],
    ['an upper-case audience matches', { ...chelseaFc, allowedAudiences: 'ORGANIZATION' as PersonInterest['allowedAudiences'] }, draftOf(), {}],
    ['a multi-audience "10" is not narrowed when its primary is kept', { ...chelseaFc, allowedAudiences: '10' as PersonInterest['allowedAudiences'] }, draftOf(), {}],
    ['an unset audience matches the default', { ...chelseaFc, allowedAudiences: null }, draftOf(), {}],
    ['an unset audience changed to me', { ...chelseaFc, allowedAudiences: null }, draftOf({ allowedAudiences: 'me' }), { allowedAudiences: 'me' }],
    ['a numeric audience changed to everyone', { ...chelseaFc, allowedAudiences: '8' as PersonInterest['allowedAudiences'] }, draftOf({ allowedAudiences: 'everyone' }), { allowedAudiences: 'everyone' }],
    ['several fields changed', chelseaFc, draftOf({ displayName: 'Chess', description: null, collaborationTags: ['wantsToLearn'] }), { displayName: 'Chess', description: null, collaborationTags: ['wantsToLearn'] }],
    ['draft to draft, nothing changed', draftOf(), draftOf(), {}],
    ['draft to draft, the audience changed', draftOf(), draftOf({ allowedAudiences: 'everyone' }), { allowedAudiences: 'everyone' }],
  ])('when %s', (_label, before, after, expected) => {
    expect(diffInterest(before, after)).toEqual(expected);
  });

  it('copies collections instead of sharing them with the draft', () => {
    const after = draftOf({ categories: ['X'], collaborationTags: ['askMeAbout'] });
    const patch = diffInterest(chelseaFc, after);
    after.categories.push('Y');
    after.collaborationTags.push('wantsToLearn');
    expect(patch).toEqual({ categories: ['X'], collaborationTags: ['askMeAbout'] });
  });

  it.each<[string, PersonInterest]>([
    ['the Graph example item', chelseaFc],
    ['a synced item with placeholder values', syncedFromUpa],
    ['an item with every property missing', {}],
    ['an item with wire oddities', { displayName: ' Spaced ', description: '', allowedAudiences: '10' as PersonInterest['allowedAudiences'], categories: ['b', 'a', 'b'], collaborationTags: ['wantsToLearn', 'legacy', 'askMeAbout'], webUrl: '' }],
  ])('finds nothing to write between %s and its own draft', (_label, item) => {
    expect(isEmptyPatch(diffInterest(item, draftFromInterest(item)))).toBe(true);
  });
});

describe('isEmptyPatch', () => {
  it.each<[InterestPatch, boolean]>([
    [{}, true],
    [{ displayName: undefined }, true],
    [{ description: null }, false],
    [{ categories: [] }, false],
    [{ allowedAudiences: 'me' }, false],
  ])('%p -> %p', (patch, expected) => {
    expect(isEmptyPatch(patch)).toBe(expected);
  });
});
