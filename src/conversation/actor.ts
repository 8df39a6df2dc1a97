import type { Activity } from 'botbuilder';

/**
 * Who sent the activity, as cards record it in `ownerId`: the AAD object id where the channel has one (Teams, the
 * Agents Playground), else the channel's own user id.
 */
export function actorIdOf(activity: Pick<Activity, 'from'>): string {
  return activity.from.aadObjectId ?? activity.from.id;
}
