import { CANCELLED_KEY } from '../../../src/app/commands';
import { SOURCE_TEXT } from '../../../src/i18n/text';
import type { InterestDraft, PersonInterest } from '../../../src/domain/personInterest';
import type { TokenOutcome } from '../../../src/auth/userTokenProvider';
import { SIGN_IN_KEYS } from '../../../src/conversation/userMessages';
import { cardActionInvoke, cardsOf, choiceCardOf, choiceTitles, outsideDialog, startDialogHost, type DialogHost, type Exchange, type Turn } from './dialogScript';

const ASK_AGAIN_TEXT = SOURCE_TEXT.t('addDialog.confirm.askAgain');
const BUSY_RETRY_TEXT = SOURCE_TEXT.t('addDialog.confirm.busy');
const NOT_ADDED_TEXT = SOURCE_TEXT.t('addDialog.notAdded');

const ASKS_NAME = "What’s the name of the interest?";
const ASKS_DESCRIPTION = 'Add a short description';
const ASKS_CATEGORIES = 'Any categories?';
const ASKS_TAGS = 'Which collaboration tags fit?';
const ASKS_AUDIENCE = 'Who can see it?';
const ASKS_LINK = 'Add a link';
const SHOWS_SUMMARY = 'Add this interest to your profile?';
const ADDED = 'Added to your profile.';

/** The answers of a complete add, each with the question that follows it. */
const ANSWERS = {
  name: 'Chess',
  description: 'Openings, endgames and blitz on Sundays',
  categories: 'Games, Strategy',
  tags: '1,2',
  audience: 'Everyone',
  link: 'https://lichess.org/@/alex',
} as const;

const CHESS: InterestDraft = {
  displayName: 'Chess',
  description: 'Openings, endgames and blitz on Sundays',
  categories: ['Games', 'Strategy'],
  collaborationTags: ['askMeAbout', 'ableToMentor'],
  allowedAudiences: 'everyone',
  webUrl: 'https://lichess.org/@/alex',
};

const UP_TO_SUMMARY: readonly Exchange[] = [
  ['add', ASKS_NAME],
  [ANSWERS.name, ASKS_DESCRIPTION],
  [ANSWERS.description, ASKS_CATEGORIES],
  [ANSWERS.categories, ASKS_TAGS],
  [ANSWERS.tags, ASKS_AUDIENCE],
  [ANSWERS.audience, ASKS_LINK],
  [ANSWERS.link, SHOWS_SUMMARY],
];

function writableFields(interest: PersonInterest): InterestDraft {
  return {
    displayName: interest.displayName ?? '',
    description: interest.description ?? null,
    categories: interest.categories ?? [],
    collaborationTags: (interest.collaborationTags ?? []) as InterestDraft['collaborationTags'],
    allowedAudiences: interest.allowedAudiences as InterestDraft['allowedAudiences'],
    webUrl: interest.webUrl ?? null,
  };
}

function postCount(host: DialogHost): number {
  return host.service.stats.snapshot().byRoute['POST interests'] ?? 0;
}

function summaryCardOf(turn: Turn): Record<string, unknown> {
  const card = cardsOf(turn).find((candidate) => JSON.stringify(candidate).includes(SHOWS_SUMMARY));
  if (!card) throw new Error('no summary card in the turn');
  return card;
}

function invokeCardText(turn: Turn): string {
  const body = turn.invokeResponse as { type?: string; value?: unknown } | undefined;
  expect(body?.type).toBe('application/vnd.microsoft.card.adaptive');
  return JSON.stringify(body?.value);
}

let host: DialogHost;

afterEach(async () => {
  await host.close();
});

describe('add interest dialog', () => {
  beforeEach(async () => {
    host = await startDialogHost();
  });

  test('asks for every field, shows the summary, creates once and shows the new card', async () => {
    await host.converse([
      ...UP_TO_SUMMARY.slice(0, -1),
      [ANSWERS.link, [SHOWS_SUMMARY, 'Games and Strategy', 'Ask me about · Can mentor', 'Everyone', 'Openings, endgames']],
      ['yes', [ADDED, 'Chess', 'interest.edit']],
    ]);
    const stored = host.stored();
    expect(stored).toHaveLength(1);
    expect(writableFields(stored[0]!)).toEqual(CHESS);
    expect(postCount(host)).toBe(1);
  });

  test('shows the tag choices with their labels, numbered, as a multi-select on a card (no suggested replies)', async () => {
    const [, , , tagsTurn] = await host.converse(UP_TO_SUMMARY.slice(0, 4));
    const question = tagsTurn!.replies.at(-1)!;
    const card = choiceCardOf(tagsTurn!);
    expect(choiceTitles(card)).toEqual(['1. Ask me about', '2. Can mentor', '3. Wants to learn', '4. Wants to improve']);
    expect(JSON.stringify(card)).toContain('"isMultiSelect":true');
    expect(question.suggestedActions).toBeUndefined();
  });

  // Each row: the step to answer badly (index into UP_TO_SUMMARY), the bad answer, and what the re-prompt must say.
  test.each([
    ['an empty name', 1, '   ', ["The name can’t be empty.", ASKS_NAME]],
    ['a too-long name', 1, 'x'.repeat(101), ['The name can be at most 100 characters.', ASKS_NAME]],
    ['a too-long description', 2, 'd'.repeat(501), ['The description can be at most 500 characters.', ASKS_DESCRIPTION]],
    ['too many categories', 3, 'a,b,c,d,e,f,g,h,i,j,k', ['You can add at most 10 categories.', ASKS_CATEGORIES]],
    ['an unknown tag', 4, 'can juggle', ['Unknown tag. Choose from: Ask me about, Can mentor, Wants to learn, Wants to improve.', ASKS_TAGS]],
    ['a tag number out of range', 4, '1,7', ['There is no tag number 7', ASKS_TAGS]],
    ['an unknown audience', 5, 'my dog', ['Choose who can see it: Only me, My contacts', ASKS_AUDIENCE]],
    ['a javascript: link', 6, 'javascript:alert(1)', ['The link must start with http:// or https://.', ASKS_LINK]],
    ['a relative link', 6, '/profile/chess', ['The link must start with http:// or https://.', ASKS_LINK]],
  ] as const)('%s is asked again with the reason, keeping every earlier answer', async (_case, step, bad, reprompt) => {
    const before = UP_TO_SUMMARY.slice(0, step);
    const rest = UP_TO_SUMMARY.slice(step);
    await host.converse([...before, [bad, [...reprompt]], ...rest, ['yes', ADDED]]);
    expect(host.stored().map(writableFields)).toEqual([CHESS]);
  });

  test('accepts tags by id, label and number, and audiences by number', async () => {
    await host.converse([
      ['add Go', ASKS_DESCRIPTION],
      ['skip', ASKS_CATEGORIES],
      ['skip', ASKS_TAGS],
      ['wantsToImprove, can mentor, 3', ASKS_AUDIENCE],
      ['1', ASKS_LINK],
      ['skip', SHOWS_SUMMARY],
      ['create', ADDED],
    ]);
    expect(host.stored().map(writableFields)).toEqual([
      { displayName: 'Go', description: null, categories: [], collaborationTags: ['ableToMentor', 'wantsToLearn', 'wantsToImprove'], allowedAudiences: 'me', webUrl: null },
    ]);
  });

  test('skipping every optional step applies the defaults', async () => {
    await host.converse([
      ['add Running', [ASKS_DESCRIPTION]],
      ['skip', ASKS_CATEGORIES],
      ['skip', ASKS_TAGS],
      ['none', [ASKS_AUDIENCE, 'Say skip for My organization.']],
      ['skip', ASKS_LINK],
      ['skip', [SHOWS_SUMMARY, 'My organization']],
      ['yes', ADDED],
    ]);
    expect(host.stored().map(writableFields)).toEqual([
      { displayName: 'Running', description: null, categories: [], collaborationTags: [], allowedAudiences: 'organization', webUrl: null },
    ]);
  });

  test('a name given with the command is still checked', async () => {
    await host.converse([
      [`add ${'n'.repeat(101)}`, ['The name can be at most 100 characters.', ASKS_NAME]],
      ['Knitting', ASKS_DESCRIPTION],
    ]);
  });

  test.each([
    ['the name', 1],
    ['the tags', 4],
    ['the link', 6],
    ['the summary', 7],
  ])('cancel at %s creates nothing and ends the dialog', async (_step, answered) => {
    await host.converse([...UP_TO_SUMMARY.slice(0, answered), ['cancel', SOURCE_TEXT.t(CANCELLED_KEY)], ['yes', outsideDialog]]);
    expect(host.stored()).toEqual([]);
    expect(postCount(host)).toBe(0);
  });

  test('a typed "no" at the summary creates nothing', async () => {
    await host.converse([...UP_TO_SUMMARY, ['maybe', ASK_AGAIN_TEXT], ['no', NOT_ADDED_TEXT], ['yes', outsideDialog]]);
    expect(host.stored()).toEqual([]);
  });

  test('the summary card\'s Create button creates the interest and answers the invoke with its card in place', async () => {
    const turns = await host.converse(UP_TO_SUMMARY);
    const summary = summaryCardOf(turns.at(-1)!);
    const turn = await host.send(cardActionInvoke(summary, 'add.confirm'));
    expect(invokeCardText(turn)).toContain(ADDED);
    expect(turn.replies).toEqual([]);
    expect(host.stored().map(writableFields)).toEqual([CHESS]);
    expect(postCount(host)).toBe(1);
  });

  test('Create on a summary card from an earlier add shows the current summary and creates nothing', async () => {
    const first = await host.converse(UP_TO_SUMMARY);
    const oldSummary = summaryCardOf(first.at(-1)!);
    await host.converse([['no', NOT_ADDED_TEXT]]);
    await host.converse([
      ['add', ASKS_NAME],
      ['Go', ASKS_DESCRIPTION],
      ['skip', ASKS_CATEGORIES],
      ['skip', ASKS_TAGS],
      ['none', ASKS_AUDIENCE],
      ['skip', ASKS_LINK],
      ['skip', SHOWS_SUMMARY],
    ]);
    const stale = await host.send(cardActionInvoke(oldSummary, 'add.confirm'));
    expect(invokeCardText(stale)).toContain(SHOWS_SUMMARY);
    expect(invokeCardText(stale)).toContain('Go');
    expect(host.stored()).toEqual([]);
    expect(postCount(host)).toBe(0);
    await host.converse([['yes', ADDED]]);
    expect(host.stored().map((interest) => interest.displayName)).toEqual(['Go']);
  });

  test('the summary card\'s Cancel button creates nothing and replaces the card with a notice', async () => {
    const turns = await host.converse(UP_TO_SUMMARY);
    const turn = await host.send(cardActionInvoke(summaryCardOf(turns.at(-1)!), 'add.cancel'));
    expect(invokeCardText(turn)).toContain('Not added');
    expect(host.stored()).toEqual([]);
    expect(postCount(host)).toBe(0);
  });

  test('Graph busy at create keeps the answers; a later yes creates exactly one interest', async () => {
    await host.converse(UP_TO_SUMMARY);
    host.service.faults.inject({ status: 503, count: 1, method: 'POST', path: '/beta/me/profile/interests' });
    await host.converse([
      ['yes', [BUSY_RETRY_TEXT, (turn) => expect(transcriptHasNoRawError(turn)).toBe(true)]],
      ['yes', ADDED],
    ]);
    expect(host.stored().map(writableFields)).toEqual([CHESS]);
    expect(postCount(host)).toBe(2);
    expect(host.service.stats.snapshot().byStatus['503']).toBe(1);
  });

  test('Graph throttling at a card confirm keeps the answers; the card button again completes it', async () => {
    const turns = await host.converse(UP_TO_SUMMARY);
    const summary = summaryCardOf(turns.at(-1)!);
    host.service.faults.inject({ status: 429, count: 1, method: 'POST', retryAfterSeconds: 1 });
    const failed = await host.send(cardActionInvoke(summary, 'add.confirm'));
    expect(failed.replies.map((reply) => reply.text)).toEqual([BUSY_RETRY_TEXT]);
    expect(host.stored()).toEqual([]);
    const retried = await host.send(cardActionInvoke(summary, 'add.confirm'));
    expect(invokeCardText(retried)).toContain(ADDED);
    expect(host.stored().map(writableFields)).toEqual([CHESS]);
    expect(postCount(host)).toBe(2);
  });

  test('Graph busy while checking the name ends the add with a short notice', async () => {
    host.service.faults.inject({ status: 503, count: 1, method: 'GET' });
    await host.converse([
      ['add Chess', [(turn) => expect(turn.replies.map((reply) => reply.text)).toEqual(['Microsoft 365 is busy right now. Try again in a minute.'])]],
      ['skip', outsideDialog],
    ]);
    expect(postCount(host)).toBe(0);
  });

  describe('a name that is already taken (any letter case)', () => {
    beforeEach(async () => {
      await host.seed([{ ...CHESS, collaborationTags: [], description: 'Existing' }]);
    });

    const OFFERS = ['You already have an interest called "Chess".', 'Tag it', 'Edit it', 'Pick another name'];

    test('offers to tag it, and tagging changes the existing interest', async () => {
      await host.converse([
        ['add  CHESS ', OFFERS],
        ['Tag it', ['"Chess" has no tags yet.', 'Which tags should it have?']],
        ['3', 'Tags saved.'],
      ]);
      const stored = host.stored();
      expect(stored).toHaveLength(1);
      expect(stored[0]?.collaborationTags).toEqual(['wantsToLearn']);
      expect(stored[0]?.description).toBe('Existing');
      expect(postCount(host)).toBe(1);
    });

    test('offers to edit it: sends its edit card and ends', async () => {
      await host.converse([
        ['add', ASKS_NAME],
        ['chess', OFFERS],
        ['Edit it', ['interest.save', 'Existing']],
        ['yes', outsideDialog],
      ]);
      expect(host.stored()).toHaveLength(1);
    });

    test('offers to pick another name, then adds under the new one', async () => {
      await host.converse([
        ['add Chess', OFFERS],
        ['Pick another name', ASKS_NAME],
        ['Chess960', ASKS_DESCRIPTION],
        ['skip', ASKS_CATEGORIES],
        ['skip', ASKS_TAGS],
        ['none', ASKS_AUDIENCE],
        ['skip', ASKS_LINK],
        ['skip', SHOWS_SUMMARY],
        ['yes', ADDED],
      ]);
      expect(host.stored().map((interest) => interest.displayName).sort()).toEqual(['Chess', 'Chess960']);
    });
  });
});

describe('add interest dialog without a Graph token', () => {
  beforeEach(async () => {
    const signInRequired: TokenOutcome = { ok: false, reason: 'signInRequired' };
    host = await startDialogHost({ tokens: { getToken: async () => signInRequired, signOut: async () => undefined } });
  });

  test('asks the user to sign in and ends without asking anything', async () => {
    await host.converse([
      ['add Chess', SOURCE_TEXT.t(SIGN_IN_KEYS.signInRequired)],
      ['Chess', outsideDialog],
    ]);
    expect(host.service.stats.snapshot().total).toBe(0);
  });
});

function transcriptHasNoRawError(turn: Turn): boolean {
  const text = JSON.stringify(turn.replies);
  return !/serviceNotAvailable|temporarily unavailable|Graph create failed|503/.test(text);
}
