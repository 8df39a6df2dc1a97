import { CARD_VERBS, parseCardAction } from '../../src/app/cardActionRoutes';
import { renderEditCard } from '../../src/features/interests/cards/editCard';
import { draftFromInterest } from '../../src/domain/interestDraft';
import { INTEREST_LIMITS } from '../../src/domain/personInterest';
import { validateInterestInput } from '../../src/domain/validateInterest';
import { actionTitled, inputById, inputsOf, invokeValueFor, textsOf } from './cardInspection';
import { OWNER_ID, syncedFromUpa, USER_BINDING, userCreated } from './fixtures';
import { SOURCE_TEXT } from '../../src/i18n/text';

describe('renderEditCard', () => {
  const card = renderEditCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });

  test('has a labelled input for every writable field, prefilled', () => {
    expect(inputsOf(card).map((input) => [input['id'], input['value']])).toEqual([
      ['displayName', 'Chess'],
      ['description', 'Club player, happy to talk openings.\nRated 1800.'],
      ['categories', 'Games, Strategy'],
      ['collaborationTags', 'askMeAbout,ableToMentor'],
      ['allowedAudiences', 'organization'],
      ['webUrl', 'https://lichess.org/@/example'],
    ]);
    for (const input of inputsOf(card)) expect(input['label']).toEqual(expect.any(String));
  });

  test('validates in the card before anything is sent', () => {
    const name = inputById(card, 'displayName');
    expect(name).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: INTEREST_LIMITS.displayNameMax, errorMessage: expect.any(String) });
    expect(inputById(card, 'description')).toMatchObject({ isMultiline: true, maxLength: INTEREST_LIMITS.descriptionMax, errorMessage: expect.any(String) });
    expect(inputById(card, 'categories')).toMatchObject({ maxLength: expect.any(Number), errorMessage: expect.any(String) });
    const link = inputById(card, 'webUrl');
    expect(link).toMatchObject({ maxLength: INTEREST_LIMITS.webUrlMax, errorMessage: expect.any(String) });
    const pattern = new RegExp(String(link['regex']));
    expect(pattern.test('https://example.com/a?b=c')).toBe(true);
    expect(pattern.test('http://example.com')).toBe(true);
    expect(pattern.test('javascript:alert(1)')).toBe(false);
    expect(pattern.test('https://exa mple.com')).toBe(false);
  });

  test('offers the four tags and the selectable audiences by label', () => {
    expect(inputById(card, 'collaborationTags')).toMatchObject({
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      choices: [
        { title: 'Ask me about', value: 'askMeAbout' },
        { title: 'Can mentor', value: 'ableToMentor' },
        { title: 'Wants to learn', value: 'wantsToLearn' },
        { title: 'Wants to improve', value: 'wantsToImprove' },
      ],
    });
    const audiences = inputById(card, 'allowedAudiences')['choices'] as { title: string; value: string }[];
    expect(audiences.map((choice) => choice.value)).toEqual(['me', 'contacts', 'groupMembers', 'organization', 'federatedOrganizations', 'everyone']);
    expect(audiences.find((choice) => choice.value === 'me')?.title).toBe('Only me');
  });

  test('Save sends the draft shown as `before` and the inputs; unchanged inputs validate to the same draft', () => {
    const saved = parseCardAction(invokeValueFor(card, actionTitled(card, 'Save')));
    if (!saved.ok || saved.value.verb !== CARD_VERBS.saveInterest) throw new Error('Save did not parse');
    expect(saved.value.before).toEqual(draftFromInterest(userCreated));
    expect(saved.value.interestId).toBe(userCreated.id);
    expect(validateInterestInput(saved.value.form)).toEqual({ ok: true, value: saved.value.before });
  });

  test('Save carries what the user typed', () => {
    const saved = parseCardAction(invokeValueFor(card, actionTitled(card, 'Save'), { displayName: 'Chess960', collaborationTags: '' }));
    expect(saved.ok && saved.value.verb === CARD_VERBS.saveInterest && saved.value.form).toMatchObject({ displayName: 'Chess960', collaborationTags: '' });
  });

  test('Cancel sends no inputs', () => {
    const cancel = actionTitled(card, 'Cancel');
    expect(cancel['associatedInputs']).toBe('none');
    expect(parseCardAction(invokeValueFor(card, cancel))).toEqual({ ok: true, value: { verb: CARD_VERBS.cancel, ownerId: OWNER_ID, interestId: userCreated.id } });
  });

  test('keeps what the user typed and shows each problem under its field', () => {
    const typed = { displayName: '', description: 'new text', webUrl: 'ftp://x', collaborationTags: 'wantsToLearn,bogus', allowedAudiences: 'everyone' };
    const issues = [
      { field: 'displayName' as const, message: { key: 'validation.name.empty' as const } },
      { field: 'webUrl' as const, message: { key: 'validation.link.scheme' as const } },
    ];
    const retry = renderEditCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID, values: typed, errors: issues });
    expect(inputsOf(retry).map((input) => [input['id'], input['value']])).toEqual([
      ['displayName', ''],
      ['description', 'new text'],
      ['categories', 'Games, Strategy'],
      ['collaborationTags', 'wantsToLearn'],
      ['allowedAudiences', 'everyone'],
      ['webUrl', 'ftp://x'],
    ]);
    expect(textsOf(retry)).toEqual(
      expect.arrayContaining(['Please fix the fields marked below.', 'The name can’t be empty.', 'The link must start with http:// or https://.']),
    );
    const saved = parseCardAction(invokeValueFor(retry, actionTitled(retry, 'Save')));
    expect(saved.ok && saved.value.verb === CARD_VERBS.saveInterest && saved.value.before).toEqual(draftFromInterest(userCreated));
  });

  test('shows no error lines when there are none', () => {
    expect(textsOf(card)).not.toContain('Please fix the fields marked below.');
  });

  test('a synced item with nulls prefills empty inputs and a default audience', () => {
    const synced = renderEditCard(SOURCE_TEXT, { interest: syncedFromUpa, ownerId: OWNER_ID });
    expect(inputById(synced, 'description')['value']).toBe('');
    expect(inputById(synced, 'webUrl')['value']).toBe('');
    expect(inputById(synced, 'allowedAudiences')['value']).toBe('organization');
  });

  test('user text stays literal in inputs and in the draft', () => {
    const tricky = { ...userCreated, displayName: `**x** ${USER_BINDING}` };
    const edit = renderEditCard(SOURCE_TEXT, { interest: tricky, ownerId: OWNER_ID });
    expect(inputById(edit, 'displayName')['value']).toBe(`**x** ${USER_BINDING}`);
    expect(textsOf(edit)[0]).toBe(`Edit \\*\\*x\\*\\* ${USER_BINDING}`);
    const saved = parseCardAction(invokeValueFor(edit, actionTitled(edit, 'Save')));
    expect(saved.ok && saved.value.verb === CARD_VERBS.saveInterest && saved.value.before.displayName).toBe(`**x** ${USER_BINDING}`);
  });

  test('an over-long stored description is shortened identically in the input and in `before`, so leaving it alone changes nothing', () => {
    const long = { ...userCreated, description: 'y'.repeat(5_000) };
    const edit = renderEditCard(SOURCE_TEXT, { interest: long, ownerId: OWNER_ID });
    const saved = parseCardAction(invokeValueFor(edit, actionTitled(edit, 'Save')));
    if (!saved.ok || saved.value.verb !== CARD_VERBS.saveInterest) throw new Error('Save did not parse');
    expect(saved.value.form.description).toBe('y'.repeat(INTEREST_LIMITS.descriptionMax));
    expect(saved.value.before.description).toBe(saved.value.form.description);
  });

  test('offers the stored audience even when it is not one the bot offers', () => {
    const family = renderEditCard(SOURCE_TEXT, { interest: { ...userCreated, allowedAudiences: 'family' }, ownerId: OWNER_ID });
    const choices = inputById(family, 'allowedAudiences')['choices'] as { value: string }[];
    expect(choices.map((choice) => choice.value)).toContain('family');
    expect(inputById(family, 'allowedAudiences')['value']).toBe('family');
  });
});
