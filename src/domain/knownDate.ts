/*
 * Synced profile items carry placeholder timestamps instead of null: .NET's DateTime.MinValue
 * ("0001-01-01T00:00:00Z") and, from Windows FILETIME sources, 1601-01-01. Years outside this range are treated as
 * "unknown" rather than shown as real dates.
 */
const EARLIEST_REAL_YEAR = 1900;
const LATEST_REAL_YEAR = 9000;

/**
 * A Graph DateTimeOffset as a `Date`, or null when it is missing, unparseable or a placeholder. The reader's locale
 * and time zone decide how it is written (`text.date`).
 */
export function knownDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < EARLIEST_REAL_YEAR || year > LATEST_REAL_YEAR) return null;
  return date;
}
