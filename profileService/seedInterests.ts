import { randomUUID } from 'node:crypto';
import { asWireAudience } from './audienceValue';
import { completeInterest, graphTimestamp, identitySetFor, type Caller, type StoredInterest } from './interestEntity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Graph's placeholder for items synced from SharePoint's User Profile Application (UPA). */
export const SYNCED_ITEM_TIMESTAMP = '0001-01-01T00:00:00Z';

/**
 * The interests a seeded user starts with: ones the user wrote, one synced from the User Profile Application
 * (zero timestamp, `UPA` as creator, empty categories, numeric audience as the real service has returned) and
 * one inferred item the user has not verified. Realistic enough to exercise every rendering path of the bot.
 */
export function seedInterestsFor(userId: string, now: Date, userDisplayName: string | null = null): StoredInterest[] {
  const user: Caller = { oid: userId, name: userDisplayName ?? undefined, upn: undefined };
  const daysAgo = (days: number): string => graphTimestamp(new Date(now.getTime() - days * DAY_MS));
  const byUser = (days: number) => ({
    createdDateTime: daysAgo(days),
    createdBy: identitySetFor(user),
    lastModifiedDateTime: daysAgo(days),
    lastModifiedBy: identitySetFor(user),
  });
  const upa = { application: { displayName: 'UPA', id: null }, device: null, user: null };
  return [
    completeInterest({
      id: randomUUID(),
      ...byUser(120),
      allowedAudiences: 'organization',
      displayName: 'Machine learning',
      description: 'Applied ML for forecasting and text classification.',
      categories: ['Technology', 'Data science'],
      collaborationTags: ['askMeAbout', 'ableToMentor'],
      webUrl: 'https://learn.microsoft.com/training/machine-learning/',
    }),
    completeInterest({
      id: randomUUID(),
      createdDateTime: SYNCED_ITEM_TIMESTAMP,
      createdBy: upa,
      lastModifiedDateTime: SYNCED_ITEM_TIMESTAMP,
      lastModifiedBy: upa,
      allowedAudiences: asWireAudience('8'),
      displayName: 'Project management',
      description: null,
      categories: [],
      collaborationTags: [],
      webUrl: null,
    }),
    completeInterest({
      id: randomUUID(),
      ...byUser(45),
      allowedAudiences: 'contacts',
      displayName: 'Trail running',
      description: 'Weekend long runs; training for a first 50k.',
      categories: ['Sports', 'Outdoors'],
      collaborationTags: ['wantsToImprove'],
      webUrl: null,
    }),
    completeInterest({
      id: randomUUID(),
      createdDateTime: daysAgo(20),
      createdBy: { application: { displayName: 'Microsoft 365', id: null }, device: null, user: null },
      lastModifiedDateTime: daysAgo(20),
      lastModifiedBy: { application: { displayName: 'Microsoft 365', id: null }, device: null, user: null },
      allowedAudiences: 'organization',
      inference: { confidenceScore: 0.72, userHasVerifiedAccuracy: false },
      displayName: 'Data visualization',
      description: null,
      categories: ['Technology'],
      collaborationTags: [],
      webUrl: null,
    }),
    completeInterest({
      id: randomUUID(),
      ...byUser(3),
      allowedAudiences: 'me',
      displayName: 'Public speaking',
      description: 'Want to get comfortable presenting at all-hands.',
      categories: ['Career'],
      collaborationTags: ['wantsToLearn'],
      webUrl: null,
    }),
  ];
}
