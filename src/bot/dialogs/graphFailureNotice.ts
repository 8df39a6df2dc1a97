import type { GraphErrorKind } from '../../errors/graphErrors';
import { isGraphRequestError } from '../../errors/graphErrors';
import type { Logger } from '../../logger';
import { isSignInRequiredError, SIGN_IN_FIRST_MESSAGE } from './userGraphAccess';

/** What the user is told when a Graph call fails: what happened, in a sentence, and whether trying again can help. */
export interface GraphFailureNotice {
  readonly text: string;
  readonly retryable: boolean;
}

const NOTICE_BY_KIND: Readonly<Record<GraphErrorKind, GraphFailureNotice>> = {
  throttled: { text: 'Microsoft 365 is busy right now.', retryable: true },
  unavailable: { text: "Microsoft 365 isn't answering right now.", retryable: true },
  unauthorized: { text: "Microsoft 365 didn't accept your sign-in. Please sign in again.", retryable: false },
  forbidden: { text: "Microsoft 365 doesn't allow me to change your profile.", retryable: false },
  invalidRequest: { text: "Microsoft 365 didn't accept that interest.", retryable: false },
  notFound: { text: "That interest isn't on your profile anymore.", retryable: false },
};

/**
 * Turns a failed Graph call into the notice for the user and logs it with Graph's ids. Anything that is not a
 * Graph or sign-in failure is a bug and is rethrown to the bot's turn-error boundary.
 */
export function noticeForGraphFailure(error: unknown, logger: Logger, operation: string): GraphFailureNotice {
  if (isSignInRequiredError(error)) {
    logger.info(`${operation}: the user needs to sign in`, { reason: error.reason });
    return { text: SIGN_IN_FIRST_MESSAGE, retryable: false };
  }
  if (!isGraphRequestError(error)) throw error;
  logger.warn(`${operation} failed`, { kind: error.kind, ...error.details });
  return NOTICE_BY_KIND[error.kind];
}
