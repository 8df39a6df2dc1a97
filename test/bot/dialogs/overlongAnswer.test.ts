/**
 * A message longer than the bot reads, sent in the middle of a dialog, over real HTTP: one friendly reply, and the
 * dialog waits where it was, so the next (shorter) answer carries on.
 */
import { MAX_MESSAGE_CHARS, messageTooLongText } from '../../../src/conversation/messageLength';
import { SOURCE_TEXT } from '../../../src/i18n/text';
import { ALEX, cardsIn, startBotHarness, textsIn, type BotHarness } from '../../support/botHarness';

const CATEGORIES_QUESTION = SOURCE_TEXT.t('addDialog.askCategories');
const DESCRIPTION_QUESTION = SOURCE_TEXT.t('addDialog.askDescription');

describe('an overlong answer in the middle of the add dialog', () => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = await startBotHarness();
  });
  afterEach(() => harness.close());

  it('gets one friendly reply, and the next answer carries the dialog on', async () => {
    expect(textsIn(await harness.say('add Sailing'))).toContain(DESCRIPTION_QUESTION);
    harness.graphCalls.length = 0;

    const overlong = await harness.say('x'.repeat(MAX_MESSAGE_CHARS + 1));
    expect(overlong.activities.map((activity) => [activity.type, activity.text])).toEqual([['message', messageTooLongText(SOURCE_TEXT)]]);
    expect(harness.graphCalls).toHaveLength(0);

    // Still at the description: a description is taken as one, and the next question follows.
    const next = await harness.say('Racing dinghies');
    expect(textsIn(next)).toEqual([CATEGORIES_QUESTION]);
    expect(cardsIn(next)).toHaveLength(0);
    for (const answer of ['skip', 'none', 'skip', 'skip']) await harness.say(answer);
    await harness.say('yes');
    const sailing = harness.service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === 'Sailing');
    expect(sailing.map((interest) => interest.description)).toEqual(['Racing dinghies']);
  });
});
