/**
 * Every choice a dialog offers is an Adaptive Card (`Input.ChoiceSet` + `Action.Execute`), answered through the
 * real card-action boundary: the picker reaches every interest by paging, the tags, audience and duplicate-name
 * questions take card answers, stale and foreign submits are refused clearly, and no activity carries `imBack`.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { QUESTION_CLOSED_NOTICE_KEYS } from '../../../src/conversation/dialogs/choiceAnswerAction';
import { NOT_YOUR_CARD_NOTICE_KEYS } from '../../../src/app/handleCardAction';
import { SOURCE_TEXT } from '../../../src/i18n/text';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../../../src/cards/cardTemplate';
import type { InterestDraft } from '../../../src/domain/personInterest';
import { choiceCardOf, choiceSubmit, choiceTitles, outsideDialog, startDialogHost, transcriptOf, USER, type DialogHost, type Turn } from './dialogScript';

const AUDIENCE_QUESTION = SOURCE_TEXT.t('addDialog.askAudience', { audience: SOURCE_TEXT.t('audience.organization') });
const LINK_QUESTION = SOURCE_TEXT.t('addDialog.askLink');
const TAGS_QUESTION = SOURCE_TEXT.t('addDialog.askTags');
const PICK_REASON = SOURCE_TEXT.t('pick.reason');
const TAGS_SAVED_NOTICE = SOURCE_TEXT.t('tagDialog.saved');

function draft(displayName: string): InterestDraft {
  return { displayName, description: null, categories: [], collaborationTags: [], allowedAudiences: 'organization', webUrl: null };
}

/** A name of exactly 100 characters (the longest Graph takes), unique by its number. */
function longName(index: number): string {
  return `${`${String(index).padStart(3, '0')} ${'Long interest name that keeps going '.repeat(3)}`.slice(0, 99)}z`;
}

let host: DialogHost;
afterEach(async () => {
  await host?.close();
});

/** Every activity and invoke response of a session, to search for what must never be sent. */
const everything: Turn[] = [];
async function send(input: string | Partial<Activity>): Promise<Turn> {
  const turn = await host.send(input);
  everything.push(turn);
  return turn;
}

/** The card an invoke turn answered with (the clicked card's replacement). */
function responseCard(turn: Turn): AdaptiveCard {
  const body = turn.invokeResponse as { statusCode?: number; type?: string; value?: unknown } | undefined;
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return body!.value as AdaptiveCard;
}

/** Walks the picker with its Next button from the first page to the last; returns each page's card. */
async function walkPages(first: Turn): Promise<Record<string, unknown>[]> {
  const pages = [choiceCardOf(first)];
  for (;;) {
    const card = pages.at(-1)!;
    const hasNext = ((card.actions ?? []) as { title?: string }[]).some((action) => action.title === 'Next');
    if (!hasNext) return pages;
    const turn = await send(choiceSubmit(card, 'Next'));
    // The next page replaces the clicked card; nothing new is posted.
    expect(turn.replies).toHaveLength(0);
    pages.push(responseCard(turn));
    if (pages.length > 50) throw new Error('the picker never reaches a last page');
  }
}

const namesOn = (card: Record<string, unknown>) => choiceTitles(card).map((title) => title.replace(/^\d+\. /, ''));

describe('the interest picker card', () => {
  test.each([
    ['25 interests', 25, (index: number) => `Interest ${String(index).padStart(2, '0')}`],
    ['120 interests with 100-character names', 120, longName],
  ])('with %s every interest is reachable through Next, and Previous goes back', async (_case, count, nameOf) => {
    host = await startDialogHost();
    const names = Array.from({ length: count }, (_, index) => nameOf(index + 1));
    await host.seed(names.map(draft));
    const pages = await walkPages(await send('tag'));
    expect(pages).toHaveLength(Math.ceil(count / 10));
    // Every interest on exactly one page, names whole (not cut short), in order.
    expect(pages.flatMap(namesOn)).toEqual(names);
    for (const [index, page] of pages.entries()) {
      expect(cardSize(page as AdaptiveCard)).toBeLessThan(MAX_CARD_BYTES);
      expect(JSON.stringify(page)).toContain(`(page ${index + 1} of ${pages.length})`);
      // Never more buttons than Teams draws.
      expect(((page.actions ?? []) as unknown[]).length).toBeLessThanOrEqual(6);
    }
    const back = responseCard(await send(choiceSubmit(pages.at(-1)!, 'Previous')));
    expect(namesOn(back)).toEqual(namesOn(pages.at(-2)!));

    // Picking on the card (the last page's last interest) asks for its tags in place of the picker.
    const lastPage = responseCard(await send(choiceSubmit(back, 'Next')));
    const picked = names.at(-1)!;
    const tagsTurn = await send(choiceSubmit(lastPage, 'Select', [picked]));
    const tagsCard = responseCard(tagsTurn);
    expect(JSON.stringify(tagsCard)).toContain('has no tags yet.');
    const saved = await send(choiceSubmit(tagsCard, 'Save tags', ['Ask me about', 'Wants to learn']));
    expect(transcriptOf(saved)).toContain(TAGS_SAVED_NOTICE);
    // The tags card turns into what was answered; the saved interest's card is posted.
    expect(JSON.stringify(responseCard(saved))).toContain('Tags: Ask me about and Wants to learn');
    expect(host.stored().find((interest) => interest.displayName === picked)?.collaborationTags).toEqual(['askMeAbout', 'wantsToLearn']);
    expect(host.stored().filter((interest) => interest.collaborationTags?.length)).toHaveLength(1);
  });

  test('Select with nothing ticked keeps the card and says what to do', async () => {
    host = await startDialogHost();
    await host.seed(['Chess', 'Go'].map(draft));
    const picker = choiceCardOf(await send('tag'));
    const turn = await send(choiceSubmit(picker, 'Select'));
    expect(turn.invokeResponse).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: PICK_REASON });
    // Still waiting: typing the number works.
    await host.converse([['2', '"Go" has no tags yet.']]);
  });
});

describe('answers from choice cards resume the dialog', () => {
  test('the add dialog takes tags (multi-select), audience and the duplicate-name choice from cards', async () => {
    host = await startDialogHost();
    await host.seed([draft('Chess')]);
    const duplicate = choiceCardOf(await send('add Chess'));
    expect(choiceTitles(duplicate)).toEqual(['1. Tag it', '2. Edit it', '3. Pick another name']);
    const rename = await send(choiceSubmit(duplicate, 'Choose', ['Pick another name']));
    expect(transcriptOf(rename)).toContain("What’s the name of the interest?");
    expect(JSON.stringify(responseCard(rename))).toContain('Pick another name');

    await send('Go');
    await send('skip');
    const tags = choiceCardOf(await send('Games'));
    expect(JSON.stringify(tags)).toContain(TAGS_QUESTION);
    const audienceTurn = await send(choiceSubmit(tags, 'Next', ['Can mentor', 'Wants to improve']));
    const audience = responseCard(audienceTurn);
    expect(JSON.stringify(audience)).toContain(AUDIENCE_QUESTION);
    const linkTurn = await send(choiceSubmit(audience, 'Next', ['Everyone']));
    expect(transcriptOf(linkTurn)).toContain(LINK_QUESTION);
    expect(JSON.stringify(responseCard(linkTurn))).toContain('Who can see it: Everyone');
    await host.converse([
      ['skip', 'Add this interest to your profile?'],
      ['yes', 'Added to your profile.'],
    ]);
    expect(host.stored().find((interest) => interest.displayName === 'Go')).toMatchObject({ collaborationTags: ['ableToMentor', 'wantsToImprove'], allowedAudiences: 'everyone' });
  });

  test('nothing ticked on the tags card means no tags', async () => {
    host = await startDialogHost();
    await host.seed([{ ...draft('Chess'), collaborationTags: ['askMeAbout'] }]);
    const tags = choiceCardOf(await send('tag Chess'));
    const saved = await send(choiceSubmit(tags, 'Save tags', []));
    expect(transcriptOf(saved)).toContain(TAGS_SAVED_NOTICE);
    expect(host.stored()[0]?.collaborationTags).toEqual([]);
  });

  test('"Tag it" on the duplicate-name card goes on to tag the existing interest', async () => {
    host = await startDialogHost();
    await host.seed([draft('Chess')]);
    const duplicate = choiceCardOf(await send('add chess'));
    const turn = await send(choiceSubmit(duplicate, 'Choose', ['Tag it']));
    // The tag question replaces the clicked card.
    expect(JSON.stringify(responseCard(turn))).toContain('\\"Chess\\" has no tags yet.');
  });
});

describe('the interest picker card numbers and cancels', () => {
  test('numbers go on across pages, the hint names the buttons, and Cancel ends the dialog, changing nothing', async () => {
    host = await startDialogHost();
    await host.seed(Array.from({ length: 12 }, (_, index) => draft(`Interest ${index + 1}`)));
    const firstPage = choiceCardOf(await send('tag'));
    expect(choiceTitles(firstPage)[0]).toBe('1. Interest 1');
    expect(JSON.stringify(firstPage)).toContain('Next and Previous turn the page.');
    const secondPage = responseCard(await send(choiceSubmit(firstPage, 'Next')));
    expect(choiceTitles(secondPage)).toEqual(['11. Interest 11', '12. Interest 12']);
    const cancelled = await send(choiceSubmit(secondPage, 'Cancel'));
    expect(JSON.stringify(responseCard(cancelled))).toContain('Nothing was changed.');
    // The dialog is over: a number is no answer to anything now.
    await host.converse([['1', outsideDialog]]);
    expect(host.requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
  });
});

describe('stale and foreign card answers', () => {
  test('an answered, cancelled or re-asked question\'s card says it is closed and changes nothing', async () => {
    host = await startDialogHost();
    await host.seed(Array.from({ length: 12 }, (_, index) => draft(`Interest ${index + 1}`)));
    const firstPage = choiceCardOf(await send('tag'));
    // Typing "more" re-asks the question (page 2): the first page's card is now stale.
    await send('more');
    const stale = await send(choiceSubmit(firstPage, 'Select', ['Interest 1']));
    expect(stale.invokeResponse).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(transcriptOf(stale)).toContain(SOURCE_TEXT.t(QUESTION_CLOSED_NOTICE_KEYS.title));
    // The dialog still waits on page 2.
    await host.converse([['11', '"Interest 11" has no tags yet.']]);
    await send('cancel');
    const afterCancel = await send(choiceSubmit(firstPage, 'Next'));
    expect(transcriptOf(afterCancel)).toContain(SOURCE_TEXT.t(QUESTION_CLOSED_NOTICE_KEYS.title));
    await host.converse([['1', outsideDialog]]);
    expect(host.requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
  });

  test("another user's submit of the owner's card is refused and the owner's dialog keeps waiting", async () => {
    host = await startDialogHost();
    await host.seed([draft('Chess'), draft('Go')]);
    const picker = choiceCardOf(await send('tag'));
    const megan = { id: '29:megan', name: 'Megan Bowen', aadObjectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' };
    const foreign = await send({ ...choiceSubmit(picker, 'Select', ['Go']), from: megan });
    expect(transcriptOf(foreign)).toContain(SOURCE_TEXT.t(NOT_YOUR_CARD_NOTICE_KEYS.title));
    const owner = await send(choiceSubmit(picker, 'Select', ['Go']));
    expect(JSON.stringify(responseCard(owner))).toContain('\\"Go\\" has no tags yet.');
    expect(USER.aadObjectId).not.toBe(megan.aadObjectId);
  });
});

describe('no imBack anywhere', () => {
  test('a scripted session through every choice sends no imBack and no suggested actions', async () => {
    everything.length = 0;
    host = await startDialogHost();
    await host.seed([...Array.from({ length: 14 }, (_, index) => draft(`Interest ${index + 1}`)), draft('Chess')]);
    // Typed answers through every question…
    for (const say of ['add Chess', '3', 'Go', 'skip', 'skip', '1,2', '2', 'skip', 'no', 'tag', 'more', 'back', 'more', 'Chess', 'none', 'add chess', 'Tag it', '1']) await send(say);
    // …and card answers.
    const picker = choiceCardOf(await send('tag'));
    const page2 = responseCard(await send(choiceSubmit(picker, 'Next')));
    const tags = responseCard(await send(choiceSubmit(page2, 'Select', ['Chess'])));
    await send(choiceSubmit(tags, 'Save tags', ['Can mentor']));
    const all = JSON.stringify(everything);
    expect(everything.length).toBeGreaterThan(20);
    expect(all).toContain('Input.ChoiceSet');
    expect(all.toLowerCase()).not.toContain('imback');
    expect(all).not.toContain('suggestedActions');
    expect(everything.flatMap((turn) => turn.replies).every((reply) => reply.type === ActivityTypes.Message)).toBe(true);
  });
});
