import { randomUUID } from 'node:crypto';
import { DEV_TENANT } from '../src/auth/devToken';
import { asWireAudience } from './audienceValue';
import { completeInterest, graphTimestamp, identitySetFor, type StoredInterest } from './interestEntity';
import type { DirectoryUser } from './userDirectory';

/**
 * Colleagues of the development tenant (the Playground's mock user and every token minted without `tid`), so
 * `/me/people` and reads of colleagues' interests have someone to find locally. The names are Microsoft's demo
 * tenant personas; the ids are fixed so tests and the Playground can address them.
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
    oid: 'c0000001-0000-4000-8000-000000000001',
    displayName: 'Megan Bowen',
    upn: 'meganb@contoso.example',
    jobTitle: 'Marketing Manager',
    department: 'Marketing',
    interests: [
      { displayName: 'Kubernetes', allowedAudiences: 'organization', categories: ['Technology'], collaborationTags: ['ableToMentor', 'askMeAbout'] },
      { displayName: 'Sailing', allowedAudiences: 'contacts', categories: ['Sports'], collaborationTags: [] },
    ],
  },
  {
    oid: 'c0000002-0000-4000-8000-000000000002',
    displayName: 'Adele Vance',
    upn: 'adelev@contoso.example',
    jobTitle: 'Retail Manager',
    department: 'Retail',
    interests: [
      { displayName: 'Kubernetes', allowedAudiences: 'everyone', categories: ['Technology'], collaborationTags: ['wantsToLearn'] },
      { displayName: 'Public speaking', allowedAudiences: 'me', categories: ['Career'], collaborationTags: ['wantsToImprove'] },
    ],
  },
  {
    oid: 'c0000003-0000-4000-8000-000000000003',
    displayName: 'Lee Gu',
    upn: 'leeg@contoso.example',
    jobTitle: 'Director',
    department: 'Manufacturing',
    interests: [
      { displayName: 'Machine learning', allowedAudiences: 'organization', categories: ['Technology', 'Data science'], collaborationTags: ['askMeAbout'] },
      { displayName: 'Chess', allowedAudiences: 'groupMembers', categories: ['Games'], collaborationTags: ['ableToMentor'] },
    ],
  },
  {
    oid: 'c0000004-0000-4000-8000-000000000004',
    displayName: 'Isaiah Langer',
    upn: 'isaiahl@contoso.example',
    jobTitle: 'Sales Rep',
    department: 'Sales',
    interests: [{ displayName: 'Negotiation', allowedAudiences: 'federatedOrganizations', categories: ['Career'], collaborationTags: ['ableToMentor'] }],
  },
  {
    oid: 'c0000005-0000-4000-8000-000000000005',
    displayName: 'Grady Archie',
    upn: 'gradya@contoso.example',
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
