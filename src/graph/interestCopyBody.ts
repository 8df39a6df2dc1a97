import { audienceToWrite } from '../domain/audiences';
import type { StoredInterest } from './personInterestWire';

/** Re-create this interest (Undo): every writable field exactly as Graph returned it. */
export interface InterestCopy {
  readonly copyOf: StoredInterest;
}

export function isInterestCopy(value: object): value is InterestCopy {
  return Object.hasOwn(value, 'copyOf');
}

/**
 * The POST body that re-creates `interest`: displayName, description, categories, collaborationTags, webUrl and
 * inference (score and verification), as read, without trimming, bounding or re-validating Graph's own data.
 * `allowedAudiences` is always sent, the same flags by name, or `me` when the value read cannot be written
 * (`audienceToWrite`): left out, Graph would apply its default, `organization`, and widen a private item.
 * `source` is left out on purpose: the copy is the user's own now, not a synced item that its system would keep
 * updating. Server-set fields (id, dates, createdBy) cannot be written.
 */
export function toCopyBody(interest: StoredInterest): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const copy = <K extends keyof StoredInterest>(name: K): void => {
    const value = interest[name];
    if (value !== null && value !== undefined) body[name] = value;
  };
  copy('displayName');
  copy('description');
  copy('categories');
  copy('collaborationTags');
  body.allowedAudiences = audienceToWrite(interest.allowedAudiences).value;
  copy('webUrl');
  if (interest.inference) {
    body.inference = { confidenceScore: interest.inference.confidenceScore ?? null, userHasVerifiedAccuracy: interest.inference.userHasVerifiedAccuracy ?? null };
  }
  return body;
}
