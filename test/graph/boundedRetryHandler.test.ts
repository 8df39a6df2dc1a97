import { RetryHandler } from '@microsoft/microsoft-graph-client';
import { boundedRetryOptions } from '../../src/graph/boundedRetryHandler';

/** RetryHandler's own wait for a retry (private in the library, so reached by name): what the bound must cover. */
interface LibraryDelay {
  getDelay(response: Response, retryAttempts: number, delaySeconds: number): number;
}

const unavailable = (headers: Record<string, string> = {}): Response => new Response(null, { status: 503, headers });

/** The longest wait the library can choose for `attempt` without a Retry-After: its jitter at the top of its range. */
function libraryLongestWait(attempt: number, delaySeconds: number): number {
  const random = jest.spyOn(Math, 'random').mockReturnValue(0.9999);
  try {
    return (new RetryHandler() as unknown as LibraryDelay).getDelay(unavailable(), attempt, delaySeconds);
  } finally {
    random.mockRestore();
  }
}

const shouldRetry = (maxRetryWaitSeconds: number, attempt: number, response: Response, method = 'GET'): boolean => {
  const options = boundedRetryOptions({ maxRetries: 10, maxRetryWaitSeconds });
  return options.shouldRetry(options.delay, attempt, 'https://graph.example/beta/me/profile/interests', { method }, response);
};

describe('bounded Graph retries', () => {
  // Up to the seventh retry the library's back-off stays under its own 180 s cap, so the bound is exact there.
  it.each([0, 1, 2, 3, 4, 5, 6])('makes retry %i only when the longest back-off the library could choose fits the bound', (attempt) => {
    const longest = libraryLongestWait(attempt + 1, 1);
    expect(shouldRetry(longest, attempt, unavailable())).toBe(true);
    expect(shouldRetry(longest - 0.01, attempt, unavailable())).toBe(false);
  });

  it('takes a Retry-After as the wait instead of the back-off', () => {
    expect(shouldRetry(2, 0, unavailable({ 'Retry-After': '2' }))).toBe(true);
    expect(shouldRetry(2, 0, unavailable({ 'Retry-After': '2.5' }))).toBe(false);
    // A short Retry-After is taken even when the back-off for that attempt would not fit.
    expect(shouldRetry(1, 5, unavailable({ 'Retry-After': '0' }))).toBe(true);
  });

  it('never re-sends a POST that met 504, whatever its spelling, but retries a POST that was throttled', () => {
    const gatewayTimeout = new Response(null, { status: 504, headers: { 'Retry-After': '0' } });
    expect(shouldRetry(10, 0, gatewayTimeout, 'post')).toBe(false);
    expect(shouldRetry(10, 0, gatewayTimeout, 'POST')).toBe(false);
    expect(shouldRetry(10, 0, gatewayTimeout, 'GET')).toBe(true);
    expect(shouldRetry(10, 0, new Response(null, { status: 429, headers: { 'Retry-After': '0' } }), 'POST')).toBe(true);
  });

  it('clamps the retry count to the library limit and the base delay to the bound', () => {
    expect(boundedRetryOptions({ maxRetries: 50, maxRetryWaitSeconds: 5 })).toMatchObject({ maxRetries: 10, delay: 1 });
    expect(boundedRetryOptions({ maxRetries: -1, maxRetryWaitSeconds: 0.5 })).toMatchObject({ maxRetries: 0, delay: 0.5 });
  });
});
