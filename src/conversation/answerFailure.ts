import type { LogFields, Logger } from '../logger';
import { describeFailure, type FailureReport } from './userMessages';

/**
 * The one way a boundary answers a failure: it logs it once, at the severity the error catalogue gives its code
 * (a Graph failure at warn with Graph's `requestId` and `clientRequestId`, status, Graph's code and date; anything
 * else at error with its stack), and returns the report whose `userMessage` the boundary shows, in its turn's
 * language (`textOf(context).say(report.userMessage)`). Boundaries are the turn-error handler, the card-action
 * handler, a dialog step that answers a Graph failure itself and a feature that words a refusal its own way (who can
 * help): whatever else sees the error passes it on without logging it.
 *
 * `fields` say where it happened (verb, activity type); they come first, so the failure's own fields win a clash.
 */
export function answerFailure(logger: Logger, message: string, error: unknown, fields: LogFields = {}): FailureReport {
  const report = describeFailure(error);
  logger[report.severity](message, { ...fields, code: report.code, ...report.logFields });
  return report;
}
