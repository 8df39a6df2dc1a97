import type { InterestDraft, PersonInterest } from '../../src/domain/personInterest';
import { INTEREST_LIMITS } from '../../src/domain/personInterest';

export const OWNER_ID = '00000000-0000-0000-0000-0000000000a1';

/** Marker for user text that looks like a template binding: it must reach the card literally. */
export const USER_BINDING = '${userTypedBinding}';

/** Added by the user in Teams. */
export const userCreated: PersonInterest = {
  id: 'a3f0c1de-1111-4c5b-9d2e-000000000001',
  displayName: 'Chess',
  description: 'Club player, happy to talk openings.\nRated 1800.',
  categories: ['Games', 'Strategy'],
  collaborationTags: ['askMeAbout', 'ableToMentor'],
  allowedAudiences: 'organization',
  webUrl: 'https://lichess.org/@/example',
  createdDateTime: '2024-09-19T11:52:23Z',
  lastModifiedDateTime: '2024-10-02T08:00:00Z',
  createdBy: { user: { displayName: 'Alex Wilber', id: OWNER_ID }, application: null, device: null },
  lastModifiedBy: { user: { displayName: 'Alex Wilber', id: OWNER_ID }, application: null, device: null },
  inference: null,
  source: { type: ['User'] },
};

/** Synced from SharePoint's User Profile Application: placeholder dates, null fields, numeric audience. */
export const syncedFromUpa: PersonInterest = {
  id: 'b7e2d4f6-2222-4c5b-9d2e-000000000002',
  displayName: 'Sailing',
  description: null,
  categories: [],
  collaborationTags: [],
  allowedAudiences: '8' as PersonInterest['allowedAudiences'],
  webUrl: null,
  createdDateTime: '0001-01-01T00:00:00Z',
  lastModifiedDateTime: '0001-01-01T00:00:00Z',
  createdBy: { application: { displayName: 'UPA', id: null }, user: null, device: null },
  lastModifiedBy: null,
  inference: null,
  source: null,
};

/** Suggested by Microsoft 365, not confirmed. */
export const inferred: PersonInterest = {
  id: 'c9a4b2e8-3333-4c5b-9d2e-000000000003',
  displayName: 'Machine learning',
  description: null,
  categories: ['Technology'],
  collaborationTags: ['wantsToLearn'],
  allowedAudiences: 'contacts',
  createdDateTime: '2025-01-05T09:30:00Z',
  lastModifiedDateTime: '2025-01-05T09:30:00Z',
  inference: { confidenceScore: 0.72, userHasVerifiedAccuracy: false },
};

/** Every property missing: Graph types promise nothing. */
export const bare: PersonInterest = { id: 'd0000000-4444-4c5b-9d2e-000000000004' };

export const REALISTIC: readonly PersonInterest[] = [userCreated, syncedFromUpa, inferred, bare];

const longText = (length: number, unit = 'x'): string => Array.from({ length }, () => unit).join('');

/** Text meant to change a card if it were not shown literally. */
export const HOSTILE_TEXTS: readonly string[] = [
  USER_BINDING,
  `${USER_BINDING} and \${$root.ownerId} and \${if(true, 'a', 'b')}`,
  '**bold** _italic_ ~~strike~~ [link](https://evil.example) `code`',
  '- list item\n1. numbered\n# heading\n> quote',
  '<b>html</b><script>alert(1)</script>&lt;&amp;',
  'עברית ومرحبا 🎉👩‍👩‍👧‍👦 zero\u200Bwidth\u200D joiner \u202Eoverride',
  'control \u0000\u0001\u0007\u001B\u007F\u009F chars \uD800 lone surrogate',
  'javascript:alert(1)',
  '"quotes" \\backslash\\ {braces} $dollar ` backtick',
  longText(10_000),
  longText(10_000, '🎉'),
  longText(10_000, '*'),
];

/** Interests whose every field is hostile or at (or far past) its limit. */
export function hostileInterests(): PersonInterest[] {
  return HOSTILE_TEXTS.map((text, index) => ({
    id: `hostile-${index}`,
    displayName: text,
    description: text,
    categories: Array.from({ length: 40 }, () => text),
    collaborationTags: ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove', 'askMeAbout', text],
    allowedAudiences: text as PersonInterest['allowedAudiences'],
    webUrl: index % 2 === 0 ? `javascript:${text}` : `https://example.com/${text}`,
    createdDateTime: text,
    lastModifiedDateTime: '0001-01-01T00:00:00Z',
    createdBy: { application: { displayName: text, id: null } },
    inference: { confidenceScore: index % 3 === 0 ? Number.NaN : 0.5, userHasVerifiedAccuracy: false },
    source: { type: [text] },
  }));
}

/** The widest a field can legitimately be, in the character that costs the most bytes on the wire. */
export const WIDE = '🎉';

export function maxLengthInterest(id: string, unit = WIDE): PersonInterest {
  return {
    id,
    displayName: longText(INTEREST_LIMITS.displayNameMax, unit),
    description: longText(INTEREST_LIMITS.descriptionMax, unit),
    categories: Array.from({ length: INTEREST_LIMITS.categoriesMax }, () => longText(INTEREST_LIMITS.categoryMax, unit)),
    collaborationTags: ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'],
    allowedAudiences: 'everyone',
    webUrl: `https://example.com/${longText(INTEREST_LIMITS.webUrlMax - 20, unit)}`,
    createdDateTime: '2024-09-19T11:52:23Z',
    lastModifiedDateTime: '2024-09-19T11:52:23Z',
    createdBy: { application: { displayName: longText(500, unit), id: null } },
    inference: { confidenceScore: 0.99, userHasVerifiedAccuracy: false },
  };
}

export function maxLengthDraft(unit = WIDE): InterestDraft {
  return {
    displayName: longText(INTEREST_LIMITS.displayNameMax, unit),
    description: longText(INTEREST_LIMITS.descriptionMax, unit),
    categories: Array.from({ length: INTEREST_LIMITS.categoriesMax }, () => longText(INTEREST_LIMITS.categoryMax, unit)),
    collaborationTags: ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'],
    allowedAudiences: 'everyone',
    webUrl: `https://example.com/${longText(INTEREST_LIMITS.webUrlMax - 20, unit)}`,
  };
}

export function hostileDraft(text: string): InterestDraft {
  return {
    displayName: text,
    description: text,
    categories: Array.from({ length: 40 }, () => text),
    collaborationTags: ['askMeAbout', 'wantsToImprove'],
    allowedAudiences: 'organization',
    webUrl: text,
  };
}
