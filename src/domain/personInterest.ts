import type { PersonInterest } from '@microsoft/microsoft-graph-types-beta';
import type { CollaborationTag } from './collaborationTags';
import type { Audience } from './audiences';

export type { PersonInterest };

/**
 * The fields a user can write, after validation: what the add dialog collects, what the edit card submits,
 * and what Undo re-creates. `null` clears a text field.
 */
export interface InterestDraft {
  displayName: string;
  description: string | null;
  categories: string[];
  collaborationTags: CollaborationTag[];
  allowedAudiences: Audience;
  webUrl: string | null;
}

/** The minimal PATCH body: only the writable properties that changed. */
export type InterestPatch = Partial<{
  displayName: string;
  description: string | null;
  categories: string[];
  collaborationTags: CollaborationTag[];
  allowedAudiences: Audience;
  webUrl: string | null;
  inference: { confidenceScore?: number | null; userHasVerifiedAccuracy?: boolean | null };
}>;

/** Length limits for every text field and list the bot writes (Graph documents none; these keep cards small). */
export const INTEREST_LIMITS = Object.freeze({
  displayNameMax: 100,
  descriptionMax: 500,
  categoryMax: 50,
  categoriesMax: 10,
  webUrlMax: 2048,
});
