import { parseAllowedAudiences, type Audience } from './audiences';
import type { PersonInterest } from './personInterest';

/**
 * What the bot may show in a conversation other people read (a group chat or a channel). Everything the bot posts
 * there is seen by every member, whoever asked, so an interest is shown only when its own audience already
 * reaches people outside the owner's circle: the organization, federated organizations or everyone. Whoever is
 * in the conversation is then someone the owner has already allowed, or near enough (a guest sees only what the
 * whole organization sees). `me`, family, contacts and group members are circles Teams cannot match to the
 * members of a chat, so they stay private; an absent, empty or unknown audience is never shown.
 */
export const SHARED_AUDIENCES = ['organization', 'federatedOrganizations', 'everyone'] as const satisfies readonly Audience[];

const SHARED_AUDIENCE_SET: ReadonlySet<Audience> = new Set(SHARED_AUDIENCES);

/**
 * Whether an interest may be shown to everyone in a shared conversation. The audience is a flags value (any of
 * its audiences may see the interest), so one shared audience in it is enough: "contacts, organization" is shown.
 */
export function isVisibleToEveryoneIn(interest: Pick<PersonInterest, 'allowedAudiences'>): boolean {
  return parseAllowedAudiences(interest.allowedAudiences).some((audience) => SHARED_AUDIENCE_SET.has(audience));
}

export interface SharedSelection<T> {
  /** The interests everyone in the conversation may see, in their original order. */
  readonly shown: T[];
  /** How many were left out: the card says so, so the owner knows the list is not complete. */
  readonly hiddenCount: number;
}

/** The interests a card posted into a group chat or channel may list, and how many it leaves out. */
export function interestsForSharedConversation<T extends Pick<PersonInterest, 'allowedAudiences'>>(interests: readonly T[]): SharedSelection<T> {
  const shown = interests.filter(isVisibleToEveryoneIn);
  return { shown, hiddenCount: interests.length - shown.length };
}
