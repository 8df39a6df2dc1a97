import { readAllowedAudiences } from '../../src/graph/allowedAudiencesWire';

describe('readAllowedAudiences', () => {
  it.each([
    ['organization', 'organization'],
    ['me', 'me'],
    ['8', 'organization'],
    ['0', 'me'],
    ['32', 'everyone'],
    [8, 'organization'],
    ['contacts, organization', 'organization'],
    ['contacts,groupMembers', 'groupMembers'],
    ['10', 'organization'],
    ['somethingNew', 'unknownFutureValue'],
    ['unknownFutureValue', 'unknownFutureValue'],
    ['1024', 'unknownFutureValue'],
    [true, 'unknownFutureValue'],
  ])('reads %p as %p', (wire, expected) => {
    expect(readAllowedAudiences(wire)).toBe(expected);
  });

  it.each([null, undefined, ''])('reads %p as no audience', (wire) => {
    expect(readAllowedAudiences(wire)).toBeNull();
  });
});
