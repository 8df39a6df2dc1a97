import { randomUUID } from 'node:crypto';
import { DEV_TENANT } from '../src/auth/devToken';
import { asWireAudience } from './audienceValue';
import { completeInterest, graphTimestamp, identitySetFor, type StoredInterest } from './interestEntity';
import type { DirectoryUser } from './userDirectory';

/**
 * Colleagues of the development tenant (the Playground's mock user and every token minted without `tid`), so
 * `/me/people` and reads of colleagues' interests have someone to find locally. The names are Microsoft's demo
 * tenant personas, with the object ids and UPNs the Microsoft 365 Agents Playground gives its mock users (copied
 * verbatim, 13-digit last group included), so a group chat with them in the Playground finds their interests.
 */
interface SeedColleague {
  readonly oid: string;
  readonly displayName: string;
  readonly upn: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly interests: readonly { displayName: string; allowedAudiences: string; categories: string[]; collaborationTags: string[] }[];
}

export const SEED_COLLEAGUES: readonly SeedColleague[] = Object.freeze([
  {
    oid: '00000000-0000-0000-0000-0000000000021',
    displayName: 'Megan Bowen',
    upn: 'meganb@example.com',
    jobTitle: 'Marketing Manager',
    department: 'Marketing',
    interests: [
      { displayName: 'Kubernetes', allowedAudiences: 'organization', categories: ['Technology'], collaborationTags: ['ableToMentor', 'askMeAbout'] },
      { displayName: 'Sailing', allowedAudiences: 'contacts', categories: ['Sports'], collaborationTags: [] },
    ],
  },
  {
    oid: '00000000-0000-0000-0000-0000000000022',
    displayName: 'Adele Vance',
    upn: 'adelev@example.com',
    jobTitle: 'Retail Manager',
    department: 'Retail',
    interests: [
      { displayName: 'Kubernetes', allowedAudiences: 'everyone', categories: ['Technology'], collaborationTags: ['wantsToLearn'] },
      { displayName: 'Public speaking', allowedAudiences: 'me', categories: ['Career'], collaborationTags: ['wantsToImprove'] },
    ],
  },
  {
    oid: '00000000-0000-0000-0000-0000000000024',
    displayName: 'Patti Fernandez',
    upn: 'pattif@example.com',
    jobTitle: 'Director',
    department: 'Manufacturing',
    interests: [
      { displayName: 'Machine learning', allowedAudiences: 'organization', categories: ['Technology', 'Data science'], collaborationTags: ['askMeAbout'] },
      { displayName: 'Chess', allowedAudiences: 'groupMembers', categories: ['Games'], collaborationTags: ['ableToMentor'] },
    ],
  },
  {
    oid: '00000000-0000-0000-0000-0000000000023',
    displayName: 'Isaiah Langer',
    upn: 'isaiah@example.com',
    jobTitle: 'Sales Rep',
    department: 'Sales',
    interests: [{ displayName: 'Negotiation', allowedAudiences: 'federatedOrganizations', categories: ['Career'], collaborationTags: ['ableToMentor'] }],
  },
  {
    oid: '00000000-0000-0000-0000-0000000000025',
    displayName: 'Lynne Robbins',
    upn: 'lynner@example.com',
    jobTitle: 'Designer',
    department: 'Research & Development',
    interests: [{ displayName: 'Data visualization', allowedAudiences: 'organization', categories: ['Design'], collaborationTags: ['askMeAbout', 'ableToMentor'] }],
  },
]);

/** Highest first: the order `/me/people` ranks them in, above users the service has merely seen. */
const relevanceOf = (index: number): number => 100 - index;

export function colleagueDirectoryEntries(): DirectoryUser[] {
  return SEED_COLLEAGUES.map((colleague, index) => ({
    oid: colleague.oid,
    tid: DEV_TENANT,
    displayName: colleague.displayName,
    upn: colleague.upn,
    relevance: relevanceOf(index),
  }));
}

export function colleagueProfile(oid: string): { jobTitle: string; department: string } | undefined {
  return SEED_COLLEAGUES.find((colleague) => colleague.oid === oid);
}

export function seedInterestsOfColleague(colleague: SeedColleague, now: Date): StoredInterest[] {
  const author = identitySetFor({ oid: colleague.oid, name: colleague.displayName, upn: colleague.upn });
  const stamp = graphTimestamp(now);
  return colleague.interests.map((interest) =>
    completeInterest({
      id: randomUUID(),
      createdDateTime: stamp,
      createdBy: author,
      lastModifiedDateTime: stamp,
      lastModifiedBy: author,
      description: null,
      webUrl: null,
      ...interest,
      allowedAudiences: asWireAudience(interest.allowedAudiences),
    }),
  );
}
