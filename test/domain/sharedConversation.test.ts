import { interestsForSharedConversation, isVisibleToEveryoneIn, type PersonInterest } from '../../src/domain';

describe('isVisibleToEveryoneIn', () => {
  it.each<[string, unknown, boolean]>([
    ['organization', 'organization', true],
    ['federated organizations', 'federatedOrganizations', true],
    ['everyone', 'everyone', true],
    ['only me', 'me', false],
    ['family', 'family', false],
    ['contacts', 'contacts', false],
    ['group members', 'groupMembers', false],
    ['contacts and organization (flags: either may see it)', 'contacts, organization', true],
    ['me and organization (me is the empty flag)', 'me, organization', true],
    ['family, contacts and group members', 'family, contacts, groupMembers', false],
    ['the numeric flags for contacts + organization', '10', true],
    ['the numeric flags for family + contacts + group members', 7, false],
    ['the numeric flag 0 (only me)', '0', false],
    ['the numeric flag for everyone', 32, true],
    ['a name in another case', 'EVERYONE', true],
    ['only the unknown future value', 'unknownFutureValue', false],
    ['an unknown name', 'friendsOfFriends', false],
    ['an unknown bit only', 128, false],
    ['null', null, false],
    ['absent', undefined, false],
    ['empty', '', false],
    ['an object', { audience: 'everyone' }, false],
  ])('%s → %s', (_case, allowedAudiences, expected) => {
    expect(isVisibleToEveryoneIn({ allowedAudiences } as Pick<PersonInterest, 'allowedAudiences'>)).toBe(expected);
  });
});

describe('interestsForSharedConversation', () => {
  const item = (id: string, allowedAudiences: unknown): PersonInterest => ({ id, allowedAudiences }) as PersonInterest;

  it('keeps the shared ones in order and counts the rest', () => {
    const interests = [item('a', 'organization'), item('b', 'me'), item('c', 'everyone'), item('d', undefined), item('e', 'contacts')];
    const selection = interestsForSharedConversation(interests);
    expect(selection.shown.map((interest) => interest.id)).toEqual(['a', 'c']);
    expect(selection.hiddenCount).toBe(3);
  });

  it('leaves nothing out when every interest is shared, and shows nothing of an empty list', () => {
    expect(interestsForSharedConversation([item('a', 'federatedOrganizations')])).toEqual({ shown: [item('a', 'federatedOrganizations')], hiddenCount: 0 });
    expect(interestsForSharedConversation([])).toEqual({ shown: [], hiddenCount: 0 });
  });
});
