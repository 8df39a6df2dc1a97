import { graphError, type ServiceResponse } from './wire';

/**
 * The Graph errors this service answers, in one place. Codes and messages follow what Graph's profile and
 * directory services send (see docs/profile-service.md for the choices where Graph is inconsistent).
 */
export const PERSON_INTEREST_TYPE = 'microsoft.graph.personInterest';

export const serviceErrors = {
  tokenMissing: (): ServiceResponse =>
    graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', {
      'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    }),
  tokenUnreadable: (): ServiceResponse => graphError(401, 'InvalidAuthenticationToken', 'CompactToken parsing failed with error code: 80049217'),
  tokenWithoutUser: (): ServiceResponse => graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure: the token names no user (oid or sub).'),
  tokenExpired: (): ServiceResponse => graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  insufficientScope: (): ServiceResponse => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  interestNotFound: (): ServiceResponse => graphError(404, 'itemNotFound', 'The requested personInterest does not exist.'),
  // The profile service has answered another user's /users/{id} with an empty UnknownError; kept verbatim.
  otherUsersProfile: (): ServiceResponse => graphError(404, 'UnknownError', ''),
  // Graph's directory answer for a /users/{id} that is not in the caller's tenant.
  userNotFound: (idOrUpn: string): ServiceResponse =>
    graphError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`),
  segmentNotFound: (segment: string): ServiceResponse => graphError(404, 'ResourceNotFound', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string, allowed: readonly string[]): ServiceResponse =>
    graphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed for the requested resource.`, { Allow: allowed.join(', ') }),
  unsupportedMediaType: (): ServiceResponse =>
    graphError(415, 'BadRequest', "The request's Content-Type must be application/json."),
  bodyTooLarge: (maxBytes: number): ServiceResponse =>
    graphError(413, 'RequestEntityTooLarge', `The request body exceeds the limit of ${maxBytes} bytes.`),
  unreadableJson: (): ServiceResponse =>
    graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  requestBodyRead: (message: string): ServiceResponse => graphError(400, 'RequestBodyRead', message),
  unknownProperty: (property: string, type: string = PERSON_INTEREST_TYPE): ServiceResponse =>
    graphError(
      400,
      'RequestBodyRead',
      `The property '${property}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    ),
  invalidRequest: (message: string): ServiceResponse => graphError(400, 'invalidRequest', message),
  badQuery: (message: string): ServiceResponse => graphError(400, 'BadRequest', message),
  batchPayload: (message: string): ServiceResponse => graphError(400, 'BadRequest', message),
  // Graph routes each batch item on its own: a URL that repeats the version meets the router's unknown segment.
  versionInBatchUrl: (segment: string): ServiceResponse => graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  failedDependency: (dependency: string): ServiceResponse =>
    graphError(424, 'FailedDependency', `The request depends on request '${dependency}', which failed.`),
  generalException: (): ServiceResponse => graphError(500, 'generalException', 'General exception while processing.'),
  storageUnavailable: (): ServiceResponse => graphError(503, 'serviceNotAvailable', 'The profile could not be saved. Try again later.'),
};
