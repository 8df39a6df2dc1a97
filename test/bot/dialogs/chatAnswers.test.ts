import { isSkipAnswer, readYesNo } from '../../../src/conversation/dialogs/answerWords';
import { parseCollaborationTagAnswer } from '../../../src/features/interests/dialogs/collaborationTagAnswer';
import { SOURCE_TEXT } from '../../../src/i18n/text';

describe('collaboration tags typed in chat', () => {
  test.each([
    ['1,3', ['askMeAbout', 'wantsToLearn']],
    [' 3 1 ', ['askMeAbout', 'wantsToLearn']],
    ['4; 2', ['ableToMentor', 'wantsToImprove']],
    ['can mentor', ['ableToMentor']],
    ['Wants to improve, askMeAbout', ['askMeAbout', 'wantsToImprove']],
    ['2, ask me about', ['askMeAbout', 'ableToMentor']],
    ['1,1,1', ['askMeAbout']],
    ['none', []],
    ['Skip', []],
  ])('%j reads as %j', (text, tags) => {
    expect(parseCollaborationTagAnswer(text, SOURCE_TEXT)).toEqual({ ok: true, value: tags });
  });

  test.each([
    ['0', 'There is no tag number 0'],
    ['1,5', 'There is no tag number 5'],
    ['can juggle', 'Unknown tag.'],
    ['1, juggling', 'Unknown tag.'],
  ])('%j is refused with a reason', (text, reason) => {
    const result = parseCollaborationTagAnswer(text, SOURCE_TEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(SOURCE_TEXT.say(result.error)).toContain(reason);
  });
});

describe('answer words', () => {
  test.each([
    ['yes', true],
    ['Yes!', true],
    ['create', true],
    [' OK ', true],
    ['no', false],
    ['Cancel', false],
    ['maybe', undefined],
    ['', undefined],
  ])('%j at a yes/no question reads as %s', (text, answer) => {
    expect(readYesNo(SOURCE_TEXT, text)).toBe(answer);
  });

  test.each([
    ['skip', true],
    [' None ', true],
    ['Skiing', false],
    ['', false],
  ])('%j skips an optional question: %s', (text, skips) => {
    expect(isSkipAnswer(SOURCE_TEXT, text)).toBe(skips);
  });
});
