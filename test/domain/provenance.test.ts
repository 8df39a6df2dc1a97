import { describeProvenance, knownDate, type PersonInterest, type Provenance } from '../../src/domain';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { chelseaFc, syncedFromUpa } from './fixtures';

/** What a card shows of a provenance, in English and UTC. */
interface ProvenanceInEnglish {
  origin: Provenance['origin'];
  sourceLabel: string;
  createdLabel: string | null;
  lastModifiedLabel: string | null;
}

function inEnglish({ origin, source, created, lastModified }: Provenance): ProvenanceInEnglish {
  const date = (value: Date | null): string | null => (value === null ? null : SOURCE_TEXT.date(value));
  return { origin, sourceLabel: SOURCE_TEXT.say(source), createdLabel: date(created), lastModifiedLabel: date(lastModified) };
}

describe('describeProvenance', () => {
  it.each<[string, PersonInterest, ProvenanceInEnglish]>([
    [
      'an item a person added',
      chelseaFc,
      { origin: 'you', sourceLabel: 'Added by you', createdLabel: 'Jul 6, 2020', lastModifiedLabel: 'Jul 6, 2020' },
    ],
    [
      'an item synced from SharePoint (UPA, id null, placeholder dates)',
      syncedFromUpa,
      { origin: 'synced', sourceLabel: 'Synced from your SharePoint profile', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an inferred item not yet confirmed',
      { ...chelseaFc, inference: { confidenceScore: 0.82, userHasVerifiedAccuracy: false }, createdBy: { application: { displayName: 'Microsoft 365', id: null } } },
      { origin: 'inferred', sourceLabel: 'Suggested by Microsoft 365, not confirmed yet', createdLabel: 'Jul 6, 2020', lastModifiedLabel: 'Jul 6, 2020' },
    ],
    [
      'an inferred item the person confirmed',
      { ...chelseaFc, inference: { confidenceScore: 0.9, userHasVerifiedAccuracy: true } },
      { origin: 'inferred', sourceLabel: 'Suggested by Microsoft 365, confirmed by you', createdLabel: 'Jul 6, 2020', lastModifiedLabel: 'Jul 6, 2020' },
    ],
    [
      'an inferred item with empty inference data',
      { inference: {} },
      { origin: 'inferred', sourceLabel: 'Suggested by Microsoft 365, not confirmed yet', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item synced by another application',
      { createdBy: { application: { displayName: 'Contoso HR', id: 'app-1' }, user: null } },
      { origin: 'synced', sourceLabel: 'Synced from Contoso HR', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item with only a source list (current shape)',
      { source: { type: ['Workday'] } },
      { origin: 'synced', sourceLabel: 'Synced from Workday', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item with only a single source string (older shape)',
      { source: { type: 'upa' } as unknown as PersonInterest['source'] },
      { origin: 'synced', sourceLabel: 'Synced from your SharePoint profile', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item whose source is the user',
      { source: { type: ['User'] } },
      { origin: 'you', sourceLabel: 'Added by you', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item created by a user through an application',
      { createdBy: { application: { displayName: 'Interests bot', id: 'bot' }, user: { displayName: null, id: 'user-1' } } },
      { origin: 'you', sourceLabel: 'Added by you', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item with no metadata at all',
      {},
      { origin: 'you', sourceLabel: 'Added by you', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item with a blank application name and empty sources',
      { createdBy: { application: { displayName: '  ', id: null } }, source: { type: [] } },
      { origin: 'you', sourceLabel: 'Added by you', createdLabel: null, lastModifiedLabel: null },
    ],
    [
      'an item with a real creation date and a placeholder modification date',
      { createdDateTime: '2024-03-12T23:59:59Z', lastModifiedDateTime: '0001-01-01T00:00:00Z' },
      { origin: 'you', sourceLabel: 'Added by you', createdLabel: 'Mar 12, 2024', lastModifiedLabel: null },
    ],
  ])('describes %s', (_label, item, expected) => {
    expect(inEnglish(describeProvenance(item))).toEqual(expected);
  });
});

describe('knownDate', () => {
  it.each<[unknown, string | null]>([
    ['2024-03-12T10:00:00Z', 'Mar 12, 2024'],
    ['2020-07-06T06:34:12.2294868Z', 'Jul 6, 2020'],
    // Formatted in UTC: this offset moves the instant into the previous day.
    ['2017-01-01T00:00:46.1697867+03:00', 'Dec 31, 2016'],
    ['2024-12-31T23:59:59.999Z', 'Dec 31, 2024'],
    ['2024-02-29', 'Feb 29, 2024'],
    ['0001-01-01T00:00:00Z', null],
    ['0001-01-01T00:00:00+00:00', null],
    ['1601-01-01T00:00:00Z', null],
    ['9999-12-31T23:59:59.9999999Z', null],
    ['not a date', null],
    ['', null],
    [null, null],
    [undefined, null],
    [1710237600000, null],
  ])('%p -> %p', (value, expected) => {
    const date = knownDate(value);
    expect(date === null ? null : SOURCE_TEXT.date(date)).toBe(expected);
  });
});
