import { isGraphRequestError } from '../../errors/graphErrors';
import type { Logger } from '../../logger';
import { answerFailure } from '../answerFailure';
import type { FailureReport } from '../userMessages';

/**
 * A dialog step that answers a Graph failure itself (keeping its step) is the boundary for it: the failure is
 * answered once here (`answerFailure`: logged at warn with Graph's ids). Anything else is a bug and is rethrown,
 * unlogged, to the bot's turn-error boundary, which logs it.
 */
export function expectedGraphFailure(error: unknown, logger: Logger, operation: string): FailureReport {
  if (!isGraphRequestError(error)) throw error;
  return answerFailure(logger, `${operation} failed`, error);
}

/** Failures that go away by themselves, so asking again later can work. */
export function isPassingFailure(error: unknown): boolean {
  return isGraphRequestError(error, 'throttled') || isGraphRequestError(error, 'unavailable');
}
