import { normalizeAudienceLiteral } from '../../profileService/audienceValue';

describe('allowedAudiences literals', () => {
  it.each([
    ['organization', 'organization'],
    ['Organization', 'organization'],
    ['8', 'organization'],
    ['0', 'me'],
    ['10', 'contacts,organization'],
    ['organization, contacts', 'contacts,organization'],
    ['me,everyone', 'everyone'],
    ['127', 'family,contacts,groupMembers,organization,federatedOrganizations,everyone,unknownFutureValue'],
  ])('reads %p and writes it as %p', (literal, expected) => {
    expect(normalizeAudienceLiteral(literal)).toBe(expected);
  });

  it.each(['', 'planet', 'organization,,contacts', '128', '-1', '8.5'])('refuses %p', (literal) => {
    expect(normalizeAudienceLiteral(literal)).toBeUndefined();
  });
});
