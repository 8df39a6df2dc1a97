import { isGraphRequestError } from '../../errors/graphErrors';
import type { Logger } from '../../logger';
import { describeFailure, type FailureReport } from '../userMessages';

/**
 * The report for a Graph call that failed the way Graph calls can (Graph said no), logged with
 * Graph's ids. Anything else is a bug and is rethrown to the bot's turn-error boundary.
 */
export function expectedGraphFailure(error: unknown, logger: Logger, operation: string): FailureReport {
  const report = describeFailure(error);
  if (report.severity === 'error') throw error;
  logger.warn(`${operation} failed`, { code: report.code, ...report.logFields });
  return report;
}

/** Failures that go away by themselves, so asking again later can work. */
export function isPassingFailure(error: unknown): boolean {
  return isGraphRequestError(error, 'throttled') || isGraphRequestError(error, 'unavailable');
}
