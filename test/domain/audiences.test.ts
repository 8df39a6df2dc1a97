import {
  AUDIENCE_FLAGS,
  DEFAULT_AUDIENCE,
  describeAudience,
  parseAllowedAudiences,
  primaryAudience,
  type Audience,
} from '../../src/domain';
import { SOURCE_TEXT } from '../../src/i18n/text';

describe('AUDIENCE_FLAGS', () => {
  // Values from Graph beta metadata: <EnumType Name="allowedAudiences" IsFlags="true">.
  it('matches the flag values in Graph beta metadata', () => {
    expect(AUDIENCE_FLAGS).toEqual({
      me: 0,
      family: 1,
      contacts: 2,
      groupMembers: 4,
      organization: 8,
      federatedOrganizations: 16,
      everyone: 32,
      unknownFutureValue: 64,
    });
  });
});

describe('parseAllowedAudiences', () => {
  it.each<[string, unknown, Audience[]]>([
    ['a single name', 'organization', ['organization']],
    ['a name in another case', 'ORGANIZATION', ['organization']],
    ['a camel-case name in lower case', 'groupmembers', ['groupMembers']],
    ['a name with spaces around it', '  everyone ', ['everyone']],
    ['a comma list', 'contacts, organization', ['contacts', 'organization']],
    ['a comma list without spaces, out of order', 'organization,contacts', ['contacts', 'organization']],
    ['a comma list with repeats', 'organization, Organization', ['organization']],
    ['the numeric string "8"', '8', ['organization']],
    ['the numeric string "10" (contacts + organization)', '10', ['contacts', 'organization']],
    ['the numeric string "0" (me)', '0', ['me']],
    ['the numeric string "32"', '32', ['everyone']],
    ['the numeric string "127" (every flag)', '127', ['family', 'contacts', 'groupMembers', 'organization', 'federatedOrganizations', 'everyone', 'unknownFutureValue']],
    ['a number', 8, ['organization']],
    ['the number 0', 0, ['me']],
    ['the number 24', 24, ['organization', 'federatedOrganizations']],
    ['unknown high bits of a number', 128 + 8, ['organization']],
    ['a number of unknown bits only, which names nobody (not even me)', 128, []],
    ['a mix of numbers and names', '2, organization', ['contacts', 'organization']],
    ['me together with others (me is the empty flags value)', 'me, organization', ['organization']],
    ['me alone', 'me', ['me']],
    ['unknownFutureValue', 'unknownFutureValue', ['unknownFutureValue']],
    ['an array of names', ['contacts', 'organization'], ['contacts', 'organization']],
    ['unknown names, which are ignored', 'colleagues, organization', ['organization']],
    ['only unknown names', 'colleagues', []],
    ['null', null, []],
    ['undefined', undefined, []],
    ['an empty string', '', []],
    ['commas only', ' , ,', []],
    ['a negative number', -8, []],
    ['a fraction', 8.5, []],
    ['NaN', Number.NaN, []],
    ['a negative numeric string', '-8', []],
    ['an object', { value: 'organization' }, []],
    ['a boolean', true, []],
  ])('reads %s', (_label, wire, expected) => {
    expect(parseAllowedAudiences(wire)).toEqual(expected);
  });
});

describe('primaryAudience', () => {
  it.each<[unknown, Audience]>([
    ['organization', 'organization'],
    ['8', 'organization'],
    ['10', 'organization'],
    ['contacts, everyone', 'everyone'],
    ['0', 'me'],
    ['me', 'me'],
    ['family', 'family'],
    ['64', DEFAULT_AUDIENCE],
    ['unknownFutureValue, contacts', 'contacts'],
    [null, DEFAULT_AUDIENCE],
    [undefined, DEFAULT_AUDIENCE],
    ['', DEFAULT_AUDIENCE],
    ['colleagues', DEFAULT_AUDIENCE],
  ])('picks the widest known audience of %p', (wire, expected) => {
    expect(primaryAudience(wire)).toBe(expected);
  });

  it('defaults to organization', () => {
    expect(DEFAULT_AUDIENCE).toBe('organization');
  });
});

describe('describeAudience', () => {
  it.each<[unknown, string]>([
    ['organization', 'My organization'],
    ['8', 'My organization'],
    ['10', 'My contacts, My organization'],
    ['0', 'Only me'],
    ['EVERYONE', 'Everyone'],
    ['1', 'Family'],
    ['4', 'Group members'],
    ['16', 'Federated organizations'],
    ['64', 'Unknown'],
    [null, 'Not set'],
    ['nonsense', 'Not set'],
  ])('labels %p as %p', (wire, expected) => {
    expect(describeAudience(wire).map((label) => SOURCE_TEXT.say(label)).join(', ')).toBe(expected);
  });
});
