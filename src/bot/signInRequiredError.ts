import type { TokenFailureReason } from '../auth/userTokenProvider';

/**
 * No Graph token could be had silently for the turn's user. Thrown by the token source handed to the Graph
 * client, so a Graph call deep in a handler or dialog ends the same way wherever it happens: at the boundary that
 * tells the user what to do (`describeFailure`).
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  readonly code = 'not-signed-in';
  constructor(readonly reason: TokenFailureReason) {
    super(`No delegated Graph token (${reason})`);
  }
}

export function isSignInRequiredError(error: unknown): error is SignInRequiredError {
  return error instanceof SignInRequiredError;
}
