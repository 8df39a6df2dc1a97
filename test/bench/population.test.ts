/**
 * The realistic load's users: how many interests each has, what they look like, and the order turns go to them.
 * The data is generated, so these are the rules it must keep for the load to mean what the report says.
 */
import { INTEREST_LIMITS } from '../../src/domain/personInterest';
import { interestCountFor, MAX_INTERESTS, populationShape, realisticDraft, seededRandom, USER_COUNT, UserRotation } from '../../bench/population';

const counts = Array.from({ length: USER_COUNT }, (_, index) => interestCountFor(index));

describe('the realistic population', () => {
  it('is the same on every run', () => {
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(Array.from({ length: 5 }, seededRandom(42)));
    expect(Array.from({ length: USER_COUNT }, (_, index) => interestCountFor(index))).toEqual(counts);
    expect(realisticDraft(17, 3)).toEqual(realisticDraft(17, 3));
  });

  it('gives hundreds of users between none and forty interests, most a handful and a few many', () => {
    expect(USER_COUNT).toBeGreaterThanOrEqual(300);
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_INTERESTS);
    expect(counts.filter((count) => count >= 30).length).toBeGreaterThan(10);
    const shape = populationShape(counts);
    expect(shape.withoutInterests).toBeGreaterThan(USER_COUNT * 0.03);
    expect(shape.withoutInterests).toBeLessThan(USER_COUNT * 0.15);
    expect(shape.median).toBeGreaterThanOrEqual(5);
    expect(shape.median).toBeLessThanOrEqual(15);
    // Not one size for everyone: many different counts.
    expect(new Set(counts).size).toBeGreaterThan(25);
  });

  it('makes interests of varied length within the limits, distinct per user', () => {
    const drafts = Array.from({ length: 40 }, (_, index) => realisticDraft(7, index));
    const nameLengths = drafts.map((draft) => Array.from(draft.displayName).length);
    expect(Math.max(...nameLengths)).toBeLessThanOrEqual(INTEREST_LIMITS.displayNameMax);
    expect(Math.max(...nameLengths) - Math.min(...nameLengths)).toBeGreaterThan(20);
    expect(new Set(drafts.map((draft) => draft.displayName)).size).toBe(drafts.length);
    const descriptions = drafts.map((draft) => draft.description);
    expect(descriptions.some((description) => description === null)).toBe(true);
    expect(descriptions.every((description) => description === null || Array.from(description).length <= INTEREST_LIMITS.descriptionMax)).toBe(true);
    expect(new Set(descriptions.map((description) => description?.length ?? 0)).size).toBeGreaterThan(10);
    for (const draft of drafts) {
      expect(draft.categories.length).toBeLessThanOrEqual(INTEREST_LIMITS.categoriesMax);
      expect(draft.categories.every((category) => category.length > 0 && Array.from(category).length <= INTEREST_LIMITS.categoryMax)).toBe(true);
    }
  });

  it('describes the load by its users, interests, empty lists, median and largest list', () => {
    expect(populationShape([0, 3, 10, 40, 5])).toEqual({ users: 5, interests: 58, withoutInterests: 1, median: 5, max: 40 });
  });
});

describe('users in turn', () => {
  it('goes through every user before any comes round again, and counts the passes', () => {
    const rotation = new UserRotation();
    const first = Array.from({ length: 5 }, () => rotation.next(5));
    expect(first.map((turn) => turn.index)).toEqual([0, 1, 2, 3, 4]);
    expect(first.every((turn) => turn.pass === 0)).toBe(true);
    expect(rotation.next(5)).toEqual({ index: 0, pass: 1 });
  });

  it('carries on from where the last run stopped, so a new run does not start on users just served', () => {
    const rotation = new UserRotation();
    for (let turn = 0; turn < 7; turn++) rotation.next(300);
    expect(rotation.next(300).index).toBe(7);
  });

  it('refuses to rotate through no users', () => {
    expect(() => new UserRotation().next(0)).toThrow('No users');
  });
});
