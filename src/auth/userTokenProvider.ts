import type { TurnContext } from 'botbuilder';

/** Why no token could be had silently, where signing in gets one: the bot then starts sign-in (local mode never gets here). */
export type TokenFailureReason = 'signInRequired' | 'consentRequired';

/**
 * Why a token for a feature's own scopes could not be had although the user is signed in: the identity provider
 * refused those scopes (`notGranted`: not consented for this app), or could not be reached or failed (`failed`).
 * Signing in again does not help with either.
 */
export type ScopeRefusal = 'notGranted' | 'failed';

export type TokenOutcome =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly reason: TokenFailureReason }
  | { readonly ok: false; readonly reason: ScopeRefusal };

/** Whether signing in is what gets the token (rather than an admin's consent, or a later try). */
export function isSignInReason(reason: TokenFailureReason | ScopeRefusal): reason is TokenFailureReason {
  return reason === 'signInRequired' || reason === 'consentRequired';
}

/**
 * Gets a delegated Microsoft Graph token for the user who sent the turn's activity, silently (cache or
 * renewal) — it never prompts. Local mode mints development tokens for the local profile service; production
 * uses Teams SSO with on-behalf-of. The one provider serves every need a route declares
 * (`src/conversation/graphAccess.ts`); the bot asks it only through `tokenFor`.
 */
export interface UserTokenProvider {
  /**
   * Without `scopes`, a token for the scopes sign-in consents to (`GRAPH_SCOPES`). With `scopes`, a token for
   * those only: a feature's own, asked for when it is used, in an on-behalf-of request of their own, so signing in
   * for everything else never depends on them being granted.
   */
  getToken(context: TurnContext, scopes?: readonly string[]): Promise<TokenOutcome>;
  signOut(context: TurnContext): Promise<void>;
}
