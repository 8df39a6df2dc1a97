/**
 * The bot's error vocabulary: the catalogue of every failure code with its severity, words, HTTP status and sign-in
 * reason (`errorCatalogue.ts`), and each error class with its code and type guard. Expected outcomes (no token, a
 * refused SSO token) are result values, not errors; these are what is thrown, and one boundary per kind of turn
 * turns them into what the user sees and logs them once.
 */
export { ERROR_CODES, type ErrorCode } from './errorCodes';
export {
  FAILURES,
  signInFailureOf,
  userTextOf,
  type FailureCode,
  type FailureEntry,
  type FailureSeverity,
  type HttpRefusalCode,
  type SignInReason,
  type UserFacingCode,
} from './errorCatalogue';
export { ConfigError, isConfigError } from './configError';
export { GRAPH_ERROR_KINDS, GraphRequestError, isGraphRequestError, type GraphErrorCode, type GraphErrorDetails, type GraphErrorKind } from './graphErrors';
export { StorageWriteConflictError, isStorageWriteConflict } from './storageWriteConflictError';
