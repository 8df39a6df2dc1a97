/**
 * Every error the HTTP edge answers, with fixed wording. No parser message, runtime text or request path ever
 * reaches a response body: those describe the server to whoever probes it and help nobody else.
 */
export interface HttpRefusal {
  readonly status: number;
  /** Short machine-readable reason, also the `reason` field of the log line. */
  readonly code: string;
  readonly message: string;
}

const refusal = (status: number, code: string, message: string): HttpRefusal => Object.freeze({ status, code, message });

export const REFUSALS = Object.freeze({
  notFound: refusal(404, 'not-found', 'Not found.'),
  methodNotAllowed: refusal(405, 'method-not-allowed', 'Method not allowed.'),
  badRequest: refusal(400, 'bad-request', 'Bad request.'),
  invalidJson: refusal(400, 'invalid-json', 'The body must be a JSON document.'),
  tooDeep: refusal(400, 'json-too-deep', 'The JSON document is nested too deeply.'),
  unreadableBody: refusal(400, 'body-unreadable', 'The body could not be read.'),
  notAnActivity: refusal(400, 'not-an-activity', 'The body must be a Bot Framework activity with a type.'),
  incompleteActivity: refusal(400, 'incomplete-activity', 'The activity must have a from.id, conversation.id, channelId and serviceUrl.'),
  invalidActivity: refusal(400, 'invalid-activity', 'The activity has a malformed or oversized field.'),
  unauthorized: refusal(401, 'unauthorized', 'Unauthorized.'),
  readTimeout: refusal(408, 'body-timeout', 'The body took too long to arrive.'),
  tooLarge: refusal(413, 'body-too-large', 'The body is too large.'),
  unsupportedEncoding: refusal(415, 'unsupported-encoding', 'Only uncompressed bodies are accepted.'),
  unsupportedMediaType: refusal(415, 'unsupported-media-type', 'The body must be application/json.'),
  internal: refusal(500, 'internal', 'Something went wrong.'),
});

/** The JSON body of a refusal. */
export function refusalBody(refusal: HttpRefusal): { error: string } {
  return { error: refusal.message };
}
