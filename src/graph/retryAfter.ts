/**
 * Reads a `Retry-After` header: delta-seconds (Graph sends fractions such as `2.128`) or an HTTP date.
 * Returns `undefined` when absent or unreadable; a date in the past reads as 0.
 */
export function parseRetryAfterSeconds(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const dateMs = Date.parse(value);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, (dateMs - nowMs) / 1000);
}
