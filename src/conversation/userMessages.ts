/**
 * What the user is told when something fails, and what the log records about it. The words come from the error
 * catalogue (`src/errors/errorCatalogue.ts`) as message keys, said in the reader's language where they are sent
 * (`textOf(context).say(report.userMessage)`): they say what happened and what to do next; they never carry an
 * error's own message (Graph's can be empty, technical or, from other services, contain user data) and never a stack.
 */
import type { LogFields } from '../logger';
import { FAILURES, signInFailureOf, userTextOf, type FailureSeverity } from '../errors/errorCatalogue';
import { ERROR_CODES } from '../errors/errorCodes';
import { GRAPH_ERROR_KINDS, isGraphRequestError, type GraphErrorKind } from '../errors/graphErrors';
import type { TokenFailureReason } from '../auth/userTokenProvider';
import type { Message, MessageKey } from '../i18n/catalog';

export interface FailureReport {
  /** A stable code for logs and invoke error bodies. */
  readonly code: string;
  /** What the user is told, in words chosen before the reader's language is known. */
  readonly userMessage: Message;
  /** Expected failures (Graph said no) are warnings; anything else is a bug and an error. */
  readonly severity: FailureSeverity;
  /** What the log needs to follow the failure up: never the token, never user content. */
  readonly logFields: LogFields;
}

export const GRAPH_FAILURE_KEYS: Readonly<Record<GraphErrorKind, MessageKey>> = Object.freeze(
  Object.fromEntries(GRAPH_ERROR_KINDS.map((kind) => [kind, userTextOf(`graph-${kind}`)])) as Record<GraphErrorKind, MessageKey>,
);

export const SIGN_IN_KEYS: Readonly<Record<TokenFailureReason, MessageKey>> = Object.freeze({
  signInRequired: signInFailureOf('signInRequired').userText,
  consentRequired: signInFailureOf('consentRequired').userText,
});

export const UNEXPECTED_FAILURE_KEY: MessageKey = userTextOf(ERROR_CODES.internal);

/** The catalogue's report for a failure: a Graph failure by its kind, with Graph's ids for the log; anything else is a bug. */
export function describeFailure(error: unknown): FailureReport {
  if (isGraphRequestError(error)) {
    const { status, graphCode, requestId, clientRequestId, date } = error.details;
    const entry = FAILURES[error.code];
    return {
      code: error.code,
      userMessage: { key: entry.userText },
      severity: entry.severity,
      logFields: { errorKind: error.kind, status, graphCode, requestId, clientRequestId, date },
    };
  }
  const stack = error instanceof Error ? error.stack : undefined;
  const { severity, userText } = FAILURES[ERROR_CODES.internal];
  return { code: ERROR_CODES.internal, userMessage: { key: userText }, severity, logFields: { error, stack } };
}
