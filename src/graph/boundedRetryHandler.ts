import { RetryHandler, RetryHandlerOptions, type ShouldRetry } from '@microsoft/microsoft-graph-client';
import { parseRetryAfterSeconds } from './retryAfter';

/** RetryHandlerOptions refuses more than 10 retries (it throws), so larger settings are clamped. */
const LIBRARY_MAX_RETRIES = 10;
/** Base back-off in seconds when the response carries no `Retry-After`. */
const BASE_DELAY_SECONDS = 1;

/**
 * The longest wait RetryHandler (3.0.x, private `getDelay`) can choose for `attempt` without a `Retry-After`:
 * `delay` plus up to one second of jitter, plus `round((2^attempt - 1) / 2)` from the second attempt on.
 * The handler cannot be told to cap a wait, so a retry whose wait could exceed the bound is not made at all.
 */
function libraryBackoffCeilingSeconds(attempt: number, delaySeconds: number): number {
  const exponential = attempt >= 2 ? Math.round((2 ** attempt - 1) / 2) : 0;
  return exponential + delaySeconds + 1;
}

/**
 * The library's RetryHandler (429/503/504, honours `Retry-After`), with a `shouldRetry` that keeps every wait within
 * `maxRetryWaitSeconds`: when Graph asks for a longer pause the call gives up at once as throttled/unavailable
 * (the caller keeps `retryAfterSeconds`) instead of holding the user's turn. A POST that met 504 is not re-sent,
 * because the gateway may have applied it and a second create would duplicate the interest.
 */
export function createBoundedRetryHandler(options: BoundedRetrySettings): RetryHandler {
  return new RetryHandler(boundedRetryOptions(options));
}

export interface BoundedRetrySettings {
  readonly maxRetries: number;
  readonly maxRetryWaitSeconds: number;
}

/** The options behind `createBoundedRetryHandler`: its attempt count, base delay and `shouldRetry`. */
export function boundedRetryOptions(options: BoundedRetrySettings): RetryHandlerOptions {
  const maxRetries = Math.max(0, Math.min(Math.floor(options.maxRetries), LIBRARY_MAX_RETRIES));
  const maxWaitSeconds = Math.max(0, options.maxRetryWaitSeconds);
  const delaySeconds = Math.min(BASE_DELAY_SECONDS, maxWaitSeconds);
  const shouldRetry: ShouldRetry = (delay, attempt, _request, fetchOptions, response) => {
    if (fetchOptions?.method?.toUpperCase() === 'POST' && response.status === 504) return false;
    const retryAfter = parseRetryAfterSeconds(response.headers.get('Retry-After'));
    const wait = retryAfter ?? libraryBackoffCeilingSeconds(attempt + 1, delay);
    return wait <= maxWaitSeconds;
  };
  return new RetryHandlerOptions(delaySeconds, maxRetries, shouldRetry);
}
