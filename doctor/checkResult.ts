/**
 * What one doctor check reports: whether the setting is usable, what was found (never a secret: thumbprints,
 * host names and ids only) and, when it is not usable, what to change.
 */
import type { DoctorContext } from './doctorContext';

export interface CheckOutcome {
  readonly ok: boolean;
  readonly detail: string;
  /** Empty when `ok`. */
  readonly fix: string;
}

export interface CheckResult extends CheckOutcome {
  readonly name: string;
}

export interface DoctorCheck {
  readonly name: string;
  run(context: DoctorContext): Promise<CheckOutcome> | CheckOutcome;
}

export const passed = (detail: string): CheckOutcome => ({ ok: true, detail, fix: '' });
export const failed = (detail: string, fix: string): CheckOutcome => ({ ok: false, detail, fix });

export function formatCheckResult(result: CheckResult): string {
  return result.ok ? `[ok]   ${result.name}: ${result.detail}` : `[FAIL] ${result.name}: ${result.detail} Fix: ${result.fix}`;
}

/** The message of anything thrown, without relying on `instanceof Error` (which fails across VM realms, as in jest). */
export function describeError(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

/** A property of something parsed from the wire or a file, or undefined. */
export function property(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}
