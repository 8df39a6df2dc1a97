/**
 * What a route may declare it needs (`needs` in `defineCommand` / `defineCardAction`), and what stands behind each
 * need: the scopes its token is asked for, and what the user is told when the identity provider refuses them.
 *
 * - `profile`: the user's own interests, with the scopes sign-in consents to (`GRAPH_SCOPES`, `config.auth`).
 * - `colleagues`: colleagues' interests and the people the user works with (`config.helpers`), asked for only when a
 *   route that needs them runs, in an on-behalf-of request of their own, so signing in for everything else never
 *   depends on them being granted.
 */
import type { Config } from '../config';
import { FAILURES } from '../errors/errorCatalogue';
import type { MessageKey } from '../i18n/catalog';

export const GRAPH_NEEDS = ['profile', 'colleagues'] as const;

/** A need that takes a Graph token. */
export type GraphNeed = (typeof GRAPH_NEEDS)[number];

/** What a route declares: nothing, or one Graph need. */
export type RouteNeed = 'none' | GraphNeed;

/** The scopes behind each need; undefined means the sign-in's own. */
export type NeedScopes = { readonly [N in GraphNeed]: readonly string[] | undefined };

export function needScopesOf(config: Pick<Config, 'helpers'>): NeedScopes {
  return Object.freeze({
    profile: undefined,
    colleagues: [...new Set([...config.helpers.colleagueScopes, ...config.helpers.peopleScopes])],
  });
}

export const NOT_GRANTED_KEY: MessageKey = FAILURES['colleagues-not-granted'].userText;
export const IDENTITY_FAILED_KEY: MessageKey = FAILURES['colleagues-token-failed'].userText;

/**
 * What the user is told when a need's scopes are refused although they are signed in (the keys are in the error
 * catalogue; the words, in the reader's language, in the message catalogs). The sign-in's own scopes are never
 * refused this way (consent is part of signing in), but a token provider may still say so.
 */
export const REFUSED_NEED_KEYS: { readonly [N in GraphNeed]: { readonly notGranted: MessageKey; readonly failed: MessageKey } } = Object.freeze({
  profile: { notGranted: FAILURES['profile-not-granted'].userText, failed: FAILURES['profile-token-failed'].userText },
  colleagues: { notGranted: NOT_GRANTED_KEY, failed: IDENTITY_FAILED_KEY },
});
