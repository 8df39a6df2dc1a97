import type { InterestDraft, InterestPatch, PersonInterest } from '../domain/personInterest';

/** Supplies a delegated Graph access token for one call. Called once per request, so a renewed token is picked up. */
export type AccessTokenProvider = () => Promise<string>;

/**
 * The user's `personInterest` collection on Graph beta (`/me/profile/interests`). Every method takes the token
 * source of the user it acts for; the client holds no per-user state. Failures throw `GraphRequestError`.
 */
export interface InterestsClient {
  /** Every interest, following `@odata.nextLink` until the last page. */
  list(getToken: AccessTokenProvider): Promise<PersonInterest[]>;
  get(getToken: AccessTokenProvider, id: string): Promise<PersonInterest>;
  create(getToken: AccessTokenProvider, draft: InterestDraft): Promise<PersonInterest>;
  /** PATCHes only `patch` (callers build it with `diffInterest`); an empty patch makes no request and returns `before`. */
  update(getToken: AccessTokenProvider, before: PersonInterest & { id: string }, patch: InterestPatch): Promise<PersonInterest>;
  delete(getToken: AccessTokenProvider, id: string): Promise<void>;
}
