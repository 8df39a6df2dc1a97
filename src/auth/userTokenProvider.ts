import type { TurnContext } from 'botbuilder';

/** Why no token could be had silently; the bot then starts sign-in (or, in local mode, never gets here). */
export type TokenFailureReason = 'signInRequired' | 'consentRequired';

export type TokenOutcome = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: TokenFailureReason };

/**
 * Gets a delegated Microsoft Graph token for the user who sent the turn's activity, silently (cache or
 * renewal) — it never prompts. Local mode mints development tokens for the local profile service; production
 * uses Teams SSO with on-behalf-of.
 */
export interface UserTokenProvider {
  getToken(context: TurnContext): Promise<TokenOutcome>;
  signOut(context: TurnContext): Promise<void>;
}
