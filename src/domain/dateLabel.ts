const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/*
 * Synced profile items carry placeholder timestamps instead of null: .NET's DateTime.MinValue
 * ("0001-01-01T00:00:00Z") and, from Windows FILETIME sources, 1601-01-01. Years outside this range are treated as
 * "unknown" rather than shown as real dates.
 */
const EARLIEST_REAL_YEAR = 1900;
const LATEST_REAL_YEAR = 9000;

/**
 * A Graph DateTimeOffset as "12 Mar 2024", in UTC so every server and test renders the same text, or null when
 * it is missing, unparseable or a placeholder.
 */
export function formatDateLabel(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < EARLIEST_REAL_YEAR || year > LATEST_REAL_YEAR) return null;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${year}`;
}
