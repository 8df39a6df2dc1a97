import type { InterestDraft, PersonInterest } from '../../src/domain';

/** The item from the Graph "Update personInterest" example response. */
export const chelseaFc: PersonInterest = {
  id: '0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f',
  allowedAudiences: 'organization',
  inference: null,
  createdDateTime: '2020-07-06T06:34:12.2294868Z',
  createdBy: { application: null, device: null, user: { displayName: 'Innocenty Popov', id: 'db789417-4ccb-41d1-a0a9-47b01a09ea49' } },
  lastModifiedDateTime: '2020-07-06T06:34:12.2294868Z',
  lastModifiedBy: { application: null, device: null, user: { displayName: 'Innocenty Popov', id: 'db789417-4ccb-41d1-a0a9-47b01a09ea49' } },
  categories: ['Sports'],
  description: "World's greatest football club",
  displayName: 'Chelsea FC',
  webUrl: 'https://www.chelseafc.com',
  collaborationTags: null,
};

/** An item synced from SharePoint's User Profile Application, as seen in real tenants. */
export const syncedFromUpa: PersonInterest = {
  id: 'synced-1',
  allowedAudiences: 'organization',
  inference: null,
  createdDateTime: '0001-01-01T00:00:00Z',
  createdBy: { application: { displayName: 'UPA', id: null }, device: null, user: null },
  lastModifiedDateTime: '0001-01-01T00:00:00Z',
  lastModifiedBy: { application: { displayName: 'UPA', id: null }, device: null, user: null },
  source: { type: ['UPA'] },
  categories: [],
  description: null,
  displayName: 'Sailing',
  webUrl: null,
  collaborationTags: [],
};

export function draftOf(overrides: Partial<InterestDraft> = {}): InterestDraft {
  return {
    displayName: 'Chelsea FC',
    description: "World's greatest football club",
    categories: ['Sports'],
    collaborationTags: [],
    allowedAudiences: 'organization',
    webUrl: 'https://www.chelseafc.com',
    ...overrides,
  };
}
