import { ERROR_CODES } from './errorCodes';

/** The environment does not make a usable configuration; the message names the setting to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = ERROR_CODES.config;
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
