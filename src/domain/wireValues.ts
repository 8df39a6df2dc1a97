/** Readers for loosely typed values from Graph items: the types promise shapes the wire does not guarantee. */

export function textOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Graph and forms both use '' and null for "no value"; the domain uses null. */
export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The value as a plain object, or null for anything else (null, arrays, primitives). */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
