import { readAllowedAudiences } from '../../src/graph/allowedAudiencesWire';

describe('readAllowedAudiences', () => {
  it.each([
    ['organization', 'organization'],
    ['me', 'me'],
    ['8', '8'],
    ['0', '0'],
    [8, '8'],
    // Combinations are kept whole: collapsed to one member, a copy (Undo) would be written wider or narrower.
    ['contacts, organization', 'contacts, organization'],
    ['contacts,groupMembers', 'contacts,groupMembers'],
    [['contacts', 'groupMembers'], 'contacts,groupMembers'],
    ['somethingNew', 'somethingNew'],
    ['unknownFutureValue', 'unknownFutureValue'],
    ['', ''],
    [true, 'unknownFutureValue'],
    [{ organization: true }, 'unknownFutureValue'],
  ])('keeps %p as %p', (wire, expected) => {
    expect(readAllowedAudiences(wire)).toBe(expected);
  });

  it.each([null, undefined])('reads %p as no audience', (wire) => {
    expect(readAllowedAudiences(wire)).toBeNull();
  });
});
