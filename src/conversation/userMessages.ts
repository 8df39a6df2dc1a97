/**
 * What the user is told when something fails, and what the log records about it. The text says what happened and
 * what to do next; it never carries an error's own message (Graph's can be empty, technical or, from other
 * services, contain user data) and never a stack.
 */
import type { LogFields } from '../logger';
import { ERROR_CODES } from '../errors/errorCodes';
import { isGraphRequestError, type GraphErrorKind } from '../errors/graphErrors';
import type { TokenFailureReason } from '../auth/userTokenProvider';

export interface FailureReport {
  /** A stable code for logs and invoke error bodies. */
  readonly code: string;
  /** The sentence the user sees. */
  readonly userText: string;
  /** Expected failures (Graph said no) are warnings; anything else is a bug and an error. */
  readonly severity: 'warn' | 'error';
  /** What the log needs to follow the failure up: never the token, never user content. */
  readonly logFields: LogFields;
}

const BUSY = 'Microsoft 365 is busy right now. Try again in a minute.';

export const GRAPH_FAILURE_TEXT: Readonly<Record<GraphErrorKind, string>> = Object.freeze({
  throttled: BUSY,
  unavailable: BUSY,
  unauthorized: 'Your sign-in has expired. Say "sign out", then try again.',
  forbidden: "I'm not allowed to change your profile yet: the app needs consent to read and write it. Ask your admin to grant it, then try again.",
  notFound: 'That interest no longer exists. Say "list" to see your interests.',
  invalidRequest: "Microsoft 365 didn't accept that change. Check the name, description and link, then try again.",
});

export const SIGN_IN_TEXT: Readonly<Record<TokenFailureReason, string>> = Object.freeze({
  signInRequired: 'I need you to sign in before I can read or change your profile.',
  consentRequired: 'I need your consent to read and change the interests on your profile.',
});

export const UNEXPECTED_FAILURE_TEXT = 'Sorry, something went wrong on my side. Please try again.';

export function describeFailure(error: unknown): FailureReport {
  if (isGraphRequestError(error)) {
    const { status, graphCode, requestId, clientRequestId, date } = error.details;
    return {
      code: error.code,
      userText: GRAPH_FAILURE_TEXT[error.kind],
      severity: 'warn',
      logFields: { errorKind: error.kind, status, graphCode, requestId, clientRequestId, date },
    };
  }
  const stack = error instanceof Error ? error.stack : undefined;
  return { code: ERROR_CODES.internal, userText: UNEXPECTED_FAILURE_TEXT, severity: 'error', logFields: { error, stack } };
}
