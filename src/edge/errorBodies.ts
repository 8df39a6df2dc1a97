/**
 * Every error the HTTP edge answers, with the fixed wording the error catalogue gives its code
 * (`src/errors/errorCatalogue.ts`). No parser message, runtime text or request path ever reaches a response body:
 * those describe the server to whoever probes it and help nobody else.
 */
import { FAILURES, type HttpRefusalCode } from '../errors/errorCatalogue';

export interface HttpRefusal {
  readonly status: number;
  /** Short machine-readable reason, also the `reason` field of the log line. */
  readonly code: HttpRefusalCode;
  readonly message: string;
}

const refusal = (code: HttpRefusalCode): HttpRefusal => {
  const { status, text } = FAILURES[code].http;
  return Object.freeze({ status, code, message: text });
};

export const REFUSALS = Object.freeze({
  notFound: refusal('not-found'),
  methodNotAllowed: refusal('method-not-allowed'),
  badRequest: refusal('bad-request'),
  invalidJson: refusal('invalid-json'),
  tooDeep: refusal('json-too-deep'),
  unreadableBody: refusal('body-unreadable'),
  notAnActivity: refusal('not-an-activity'),
  incompleteActivity: refusal('incomplete-activity'),
  invalidActivity: refusal('invalid-activity'),
  noToken: refusal('no-token'),
  tokenRefused: refusal('token-refused'),
  readTimeout: refusal('body-timeout'),
  tooLarge: refusal('body-too-large'),
  unsupportedEncoding: refusal('unsupported-encoding'),
  unsupportedMediaType: refusal('unsupported-media-type'),
  internal: refusal('internal'),
});

/** The JSON body of a refusal. */
export function refusalBody(refusal: HttpRefusal): { error: string } {
  return { error: refusal.message };
}
