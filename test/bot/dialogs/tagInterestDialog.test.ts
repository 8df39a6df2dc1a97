import type { InterestDraft, PersonInterest } from '../../../src/domain/personInterest';
import type { TokenOutcome } from '../../../src/auth/userTokenProvider';
import { SIGN_IN_KEYS } from '../../../src/conversation/userMessages';
import { SOURCE_TEXT } from '../../../src/i18n/text';
import { choiceCardOf, choiceTitles, outsideDialog, startDialogHost, transcriptOf, type DialogHost, type Turn } from './dialogScript';

const NO_INTERESTS_TEXT = SOURCE_TEXT.t('tagDialog.noInterests');
const TAGS_SAVED_NOTICE = SOURCE_TEXT.t('tagDialog.saved');
const TAGS_UNCHANGED_NOTICE = SOURCE_TEXT.t('tagDialog.unchanged');
const TAGS_BUSY_RETRY_TEXT = SOURCE_TEXT.t('tagDialog.busy');

const ASKS_WHICH = 'Which interest do you want to tag?';

function numbered(index: number): InterestDraft {
  const label = String(index).padStart(2, '0');
  return {
    displayName: `Interest ${label}`,
    description: `About interest ${label}`,
    categories: [`Category ${label}`, 'Shared'],
    collaborationTags: index % 2 === 0 ? ['wantsToImprove'] : [],
    allowedAudiences: 'contacts',
    webUrl: `https://example.com/${label}`,
  };
}

const TWENTY_FIVE = Array.from({ length: 25 }, (_, index) => numbered(index + 1));

/** The picker card's options (without their numbers), then "More…" / "Back" when it has Next / Previous. */
function listedChoices(turn: Turn): string[] {
  const card = choiceCardOf(turn);
  const buttons = ((card.actions ?? []) as { title?: string }[]).map((action) => action.title);
  const names = choiceTitles(card).map((title) => title.replace(/^\d+\. /, ''));
  return [...names, ...(buttons.includes('Next') ? ['More…'] : []), ...(buttons.includes('Previous') ? ['Back'] : [])];
}

function storedNamed(host: DialogHost, name: string): PersonInterest {
  const interest = host.stored().find((candidate) => candidate.displayName === name);
  if (!interest) throw new Error(`${name} is not stored`);
  return interest;
}

/** Everything a tag change must leave as it was (the service stamps the modification itself). */
function apartFromTags(interest: PersonInterest): PersonInterest {
  const rest = { ...interest };
  delete rest.collaborationTags;
  delete rest.lastModifiedDateTime;
  delete rest.lastModifiedBy;
  return rest;
}

function patchCount(host: DialogHost): number {
  return host.service.stats.snapshot().byRoute['PATCH interest'] ?? 0;
}

let host: DialogHost;

afterEach(async () => {
  await host.close();
});

describe('tag interest dialog without a Graph token', () => {
  test('asks the user to sign in and ends', async () => {
    const consentRequired: TokenOutcome = { ok: false, reason: 'consentRequired' };
    host = await startDialogHost({ tokens: { getToken: async () => consentRequired, signOut: async () => undefined } });
    await host.converse([
      ['tag Chess', SOURCE_TEXT.t(SIGN_IN_KEYS.consentRequired)],
      ['1', outsideDialog],
    ]);
    expect(host.service.stats.snapshot().total).toBe(0);
  });
});

describe('tag interest dialog', () => {
  beforeEach(async () => {
    host = await startDialogHost();
  });

  test('pages through 25 interests ten at a time and saves only the collaboration tags', async () => {
    await host.seed(TWENTY_FIVE);
    const before = storedNamed(host, 'Interest 15');
    const [first, second, third, back] = await host.converse([
      ['tag', `${ASKS_WHICH} (page 1 of 3)`],
      ['more', `${ASKS_WHICH} (page 2 of 3)`],
      ['More…', `${ASKS_WHICH} (page 3 of 3)`],
      ['back', `${ASKS_WHICH} (page 2 of 3)`],
    ]);
    expect(listedChoices(first!)).toEqual([...TWENTY_FIVE.slice(0, 10).map((draft) => draft.displayName), 'More…']);
    expect(listedChoices(second!)).toEqual([...TWENTY_FIVE.slice(10, 20).map((draft) => draft.displayName), 'More…', 'Back']);
    expect(listedChoices(third!)).toEqual([...TWENTY_FIVE.slice(20).map((draft) => draft.displayName), 'Back']);
    expect(listedChoices(back!)).toEqual(listedChoices(second!));

    await host.converse([
      ['Interest 15', ['"Interest 15" has no tags yet.', 'Which tags should it have?']],
      ['1, wants to learn', [TAGS_SAVED_NOTICE, 'Ask me about', 'Wants to learn']],
      ['2', outsideDialog],
    ]);
    const after = storedNamed(host, 'Interest 15');
    expect(after.collaborationTags).toEqual(['askMeAbout', 'wantsToLearn']);
    expect(apartFromTags(after)).toEqual(apartFromTags(before));
    expect(patchCount(host)).toBe(1);
    const patches = host.requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => JSON.parse(request.body ?? '{}') as unknown)).toEqual([{ collaborationTags: ['askMeAbout', 'wantsToLearn'] }]);
    expect(patches[0]?.url).toBe(`${host.service.graphBaseUrl}/me/profile/interests/${encodeURIComponent(before.id ?? '')}`);
    // The other 24 are untouched.
    expect(host.stored().filter((interest) => interest.displayName !== 'Interest 15').map((interest) => interest.collaborationTags)).toEqual(
      TWENTY_FIVE.filter((draft) => draft.displayName !== 'Interest 15').map((draft) => draft.collaborationTags),
    );
  });

  test('interests are numbered across pages, so a number picks the interest the cards show with it', async () => {
    await host.seed(TWENTY_FIVE);
    await host.converse([
      ['tag', ['1. Interest 01', '10. Interest 10', 'Next and Previous turn the page.']],
      ['next', ['(page 2 of 3)', '11. Interest 11', '20. Interest 20']],
      ['12', '"Interest 12" is tagged: Wants to improve.'],
    ]);
  });

  test('a name given with the command skips the pick and shows the current tags', async () => {
    await host.seed(TWENTY_FIVE.slice(0, 3));
    await host.converse([
      ['tag interest 02', ['"Interest 02" is tagged: Wants to improve.', '1. Ask me about']],
      ['none', TAGS_SAVED_NOTICE],
    ]);
    expect(storedNamed(host, 'Interest 02').collaborationTags).toEqual([]);
    expect(patchCount(host)).toBe(1);
  });

  test('an unknown name says so and offers the list', async () => {
    await host.seed(TWENTY_FIVE.slice(0, 3));
    const [offer] = await host.converse([
      ['tag Juggling', ['I couldn’t find "Juggling" in your interests.', ASKS_WHICH]],
      ['Interest 03', 'has no tags yet'],
      ['askMeAbout', TAGS_SAVED_NOTICE],
    ]);
    // The three choices are numbered on the picker card, which is what typing a number picks by.
    expect(choiceTitles(choiceCardOf(offer!))).toEqual(['1. Interest 01', '2. Interest 02', '3. Interest 03']);
    expect(storedNamed(host, 'Interest 03').collaborationTags).toEqual(['askMeAbout']);
  });

  test('bad tags are asked again with the reason; the picked interest is kept', async () => {
    await host.seed(TWENTY_FIVE.slice(0, 2));
    await host.converse([
      ['tag Interest 01', 'has no tags yet'],
      ['5', ['There is no tag number 5', '"Interest 01" has no tags yet.']],
      ['can mentor', TAGS_SAVED_NOTICE],
    ]);
    expect(storedNamed(host, 'Interest 01').collaborationTags).toEqual(['ableToMentor']);
  });

  test('the same tags again make no request', async () => {
    await host.seed(TWENTY_FIVE.slice(0, 2));
    await host.converse([
      ['tag Interest 02', 'is tagged: Wants to improve.'],
      ['Wants to improve', TAGS_UNCHANGED_NOTICE],
    ]);
    expect(patchCount(host)).toBe(0);
  });

  test('no interests at all says how to add one', async () => {
    await host.converse([
      ['tag', NO_INTERESTS_TEXT],
      ['1', outsideDialog],
    ]);
  });

  test('Graph busy while saving says so without raw error text, saves nothing, and the tags sent again are saved', async () => {
    await host.seed(TWENTY_FIVE.slice(0, 1));
    host.service.faults.inject({ status: 503, count: 1, method: 'PATCH' });
    await host.converse([
      ['tag Interest 01', 'has no tags yet'],
      ['1', [(turn) => expect(transcriptOf(turn)).toContain(TAGS_BUSY_RETRY_TEXT)]],
    ]);
    expect(storedNamed(host, 'Interest 01').collaborationTags).toEqual([]);
    await host.converse([['1', 'Tags saved.']]);
    expect(storedNamed(host, 'Interest 01').collaborationTags).toEqual(['askMeAbout']);
  });
});
