/**
 * The bot's error vocabulary: each error class with its code and type guard (codes are catalogued in
 * `errorCodes.ts`). Expected outcomes (no token, a refused SSO token) are result values, not errors; these are
 * what is thrown, and one boundary per kind of turn turns them into what the user sees and logs them once.
 */
export { ERROR_CODES, type ErrorCode } from './errorCodes';
export { ConfigError, isConfigError } from './configError';
export { GraphRequestError, isGraphRequestError, type GraphErrorCode, type GraphErrorDetails, type GraphErrorKind } from './graphErrors';
export { StorageWriteConflictError, isStorageWriteConflict } from './storageWriteConflictError';
