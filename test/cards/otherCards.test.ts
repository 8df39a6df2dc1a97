import { renderAddSummaryCard } from '../../src/features/interests/cards/addSummaryCard';
import { CARD_VERBS, parseCardAction } from '../../src/app/cardActionRoutes';
import { ADAPTIVE_CARD_CONTENT_TYPE, toAttachment } from '../../src/cards/cardTemplate';
import { renderDeleteConfirmCard } from '../../src/features/interests/cards/deleteConfirmCard';
import { renderDeletedCard } from '../../src/features/interests/cards/deletedCard';
import { ENGLISH_COMMAND_WORDS, renderHelpCard, renderWelcomeCard, type HelpCommandWords } from '../../src/features/interests/cards/helpCard';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { renderTagCard } from '../../src/features/interests/cards/tagCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { draftFromInterest } from '../../src/domain/interestDraft';
import { matchCommand } from '../../src/app/commands';
import { normalizeCommandText } from '../../src/conversation/commandText';
import { parseBulkNames } from '../../src/domain/bulkNames';
import type { InterestDraft } from '../../src/domain/personInterest';
import { actionsOf, actionTitled, inputById, invokeValueFor, textsOf } from './cardInspection';
import { OWNER_ID, USER_BINDING, userCreated } from './fixtures';

const draft: InterestDraft = draftFromInterest(userCreated);

describe('renderTagCard', () => {
  const card = renderTagCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });

  test('ticks the current tags among the four', () => {
    const tags = inputById(card, 'collaborationTags');
    expect(tags).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, value: 'askMeAbout,ableToMentor' });
    expect((tags['choices'] as unknown[]).length).toBe(4);
    expect(textsOf(card)[0]).toBe('Tag Chess');
  });

  test('Save sends the new selection and the tags shown before', () => {
    const saved = parseCardAction(invokeValueFor(card, actionTitled(card, 'Save'), { collaborationTags: 'wantsToImprove' }));
    expect(saved).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.saveTags, ownerId: OWNER_ID, interestId: userCreated.id, tagsBefore: ['askMeAbout', 'ableToMentor'], tags: ['wantsToImprove'] },
    });
  });

  test('Cancel sends no inputs', () => {
    expect(actionTitled(card, 'Cancel')['associatedInputs']).toBe('none');
  });
});

describe('renderDeleteConfirmCard', () => {
  test('asks about the interest by name and carries only its id and the undo token, nothing of the interest', () => {
    const card = renderDeleteConfirmCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID, undoToken: 'undo-7f3a' });
    expect(textsOf(card)[0]).toBe('Delete Chess from your profile?');
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Delete')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.confirmDelete, ownerId: OWNER_ID, interestId: userCreated.id, undoToken: 'undo-7f3a' },
    });
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Cancel')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.cancel, ownerId: OWNER_ID, interestId: userCreated.id },
    });
  });
});

describe('renderDeletedCard', () => {
  test('says what was deleted and offers Undo with the token only', () => {
    const card = renderDeletedCard(SOURCE_TEXT, { name: draft.displayName, ownerId: OWNER_ID, undoToken: 'undo-7f3a' });
    expect(textsOf(card)).toEqual(['Chess was deleted.']);
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Undo')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.undoDelete, ownerId: OWNER_ID, undoToken: 'undo-7f3a' },
    });
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Back to list')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 0 },
    });
  });
});

describe('renderAddSummaryCard', () => {
  test('summarizes the draft and Create carries it', () => {
    const card = renderAddSummaryCard(SOURCE_TEXT, { draft, ownerId: OWNER_ID });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Chess', 'Club player, happy to talk openings.\nRated 1800.']));
    const facts = (card.body.find((element) => (element as { type: string }).type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;
    expect(facts).toEqual([
      { title: 'Categories', value: 'Games and Strategy' },
      { title: 'Tags', value: 'Ask me about · Can mentor' },
      { title: 'Visible to', value: 'My organization' },
      { title: 'Link', value: 'https://lichess.org/@/example' },
    ]);
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Create')))).toEqual({ ok: true, value: { verb: CARD_VERBS.confirmAdd, ownerId: OWNER_ID, draft } });
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Cancel')))).toEqual({ ok: true, value: { verb: CARD_VERBS.cancelAdd, ownerId: OWNER_ID } });
  });

  test('says "None" for empty fields', () => {
    const card = renderAddSummaryCard(SOURCE_TEXT, { draft: { ...draft, categories: [], collaborationTags: [], webUrl: null, description: null }, ownerId: OWNER_ID });
    expect(JSON.stringify(card)).toContain('"title":"Tags","value":"None"');
    expect(textsOf(card)).not.toContain('Club player, happy to talk openings.\nRated 1800.');
  });
});

describe('help and welcome', () => {
  test.each(['list', 'my interests', 'add', 'add Chess; Go; Hiking', 'tag', 'edit', 'delete', 'who can help with', 'cancel', 'sign out', 'help'])('help mentions "%s"', (phrase) => {
    expect(textsOf(renderHelpCard(SOURCE_TEXT)).join('\n')).toContain(`**${phrase}**`);
  });

  test.each(Object.entries(ENGLISH_COMMAND_WORDS))('the words shown for %s are a command the bot understands', (_command, words) => {
    expect(matchCommand(normalizeCommandText(words), SOURCE_TEXT)).toBeDefined();
  });

  test('several names at once start a bulk add, as the help says', () => {
    expect(parseBulkNames('Chess; Go; Hiking')).toEqual({ kind: 'several', names: ['Chess', 'Go', 'Hiking'] });
  });

  test('shows the command words it is given, in every line and in the welcome\'s mention hint', () => {
    const words = Object.fromEntries(Object.entries(ENGLISH_COMMAND_WORDS).map(([command]) => [command, `${command}Word`])) as unknown as HelpCommandWords;
    const help = textsOf(renderHelpCard(SOURCE_TEXT, { words })).join('\n');
    for (const command of Object.keys(ENGLISH_COMMAND_WORDS)) expect(help).toContain(`**${command}Word`);
    expect(help).not.toMatch(/\*\*(list|add|tag|edit|delete|cancel|help)\*\*/);
    expect(textsOf(renderWelcomeCard(SOURCE_TEXT, { mentionName: 'Interests', words })).join('\n')).toContain('**@Interests listWord**');
  });

  test('help without an owner has no buttons; with one it offers the list', () => {
    expect(actionsOf(renderHelpCard(SOURCE_TEXT))).toEqual([]);
    const card = renderHelpCard(SOURCE_TEXT, { ownerId: OWNER_ID });
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Show my interests')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 0 },
    });
  });

  test('welcome greets by name, escaped', () => {
    expect(textsOf(renderWelcomeCard(SOURCE_TEXT, { userName: 'Alex Wilber' }))[0]).toBe('Welcome, Alex Wilber!');
    expect(textsOf(renderWelcomeCard(SOURCE_TEXT, { userName: '*Alex*' }))[0]).toBe('Welcome, \\*Alex\\*!');
    expect(textsOf(renderWelcomeCard(SOURCE_TEXT))[0]).toBe('Welcome!');
  });
});

describe('renderNoticeCard', () => {
  test('shows a title and text literally', () => {
    const card = renderNoticeCard(SOURCE_TEXT, { title: 'Not your card', text: `This card belongs to someone else. ${USER_BINDING} _x_` });
    expect(textsOf(card)).toEqual(['Not your card', `This card belongs to someone else. ${USER_BINDING} \\_x\\_`]);
    expect(actionsOf(card)).toEqual([]);
  });

  test('a title alone is enough', () => {
    expect(textsOf(renderNoticeCard(SOURCE_TEXT, { title: 'Done.' }))).toEqual(['Done.']);
  });
});

describe('toAttachment', () => {
  test('wraps a card as an Adaptive Card attachment', () => {
    const card = renderHelpCard(SOURCE_TEXT);
    expect(toAttachment(card)).toEqual({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card });
  });
});
