import { parseRetryAfterSeconds } from '../../src/graph/retryAfter';

describe('parseRetryAfterSeconds', () => {
  const now = Date.parse('2024-09-19T11:52:23Z');

  it.each([
    ['2', 2],
    ['2.128', 2.128],
    ['0', 0],
    ['Thu, 19 Sep 2024 11:52:33 GMT', 10],
    ['Thu, 19 Sep 2024 11:50:00 GMT', 0],
  ])('reads %p as %p seconds', (header, seconds) => {
    expect(parseRetryAfterSeconds(header, now)).toBeCloseTo(seconds, 3);
  });

  it.each([null, undefined, '', '   ', 'soon'])('reads %p as absent', (header) => {
    expect(parseRetryAfterSeconds(header, now)).toBeUndefined();
  });
});
