/**
 * The words people type, per language: command tables, answer words and names built from catalogs, and the
 * folding used for finding. A test-only catalog stands in for a language where a test needs words that differ from
 * English whatever the shipped catalogs say; the shipped German is used where any German works.
 */
import { COMMAND_ROUTES, commandTable, matchCommand, matchCommandIn } from '../../src/app/commands';
import { ENGLISH_COMMAND_WORDS, helpCommandWords } from '../../src/features/interests/cards/helpCard';
import { normalizeCommandText } from '../../src/conversation/commandText';
import { answerWordsFrom, isSkipAnswer, readYesNo } from '../../src/conversation/dialogs/answerWords';
import { findHelpers, topicWords, type TopicReading } from '../../src/domain/helperMatching';
import { findInterestByName } from '../../src/domain/interestDraft';
import { findNamedInterest } from '../../src/domain/interestLookup';
import { comparisonKey, findingKey } from '../../src/domain/text';
import { audienceNames, collaborationTagNames, validateAudience, validateCollaborationTags } from '../../src/domain/validateInterest';
import type { Catalog } from '../../src/i18n/catalog';
import { CATALOGS } from '../../src/i18n/catalogs';
import { en } from '../../src/i18n/catalogs/en';
import { SOURCE_TEXT, textFor } from '../../src/i18n/text';
import { alternativesIn, typedWordsFrom, typedWordsOf } from '../../src/i18n/typedWords';

/** A language whose words differ from English, for tests that must tell them apart. */
const TEST_GERMAN: Catalog = {
  ...en,
  'words.command.list': 'Liste | meine  Interessen',
  'words.command.delete': 'löschen',
  'words.command.add': 'list',
  'words.answer.yes': 'ja|klar',
  'words.answer.no': 'nein',
  'words.answer.skip': 'überspringen|keine',
};
const table = commandTable(COMMAND_ROUTES, [en, TEST_GERMAN]);
const englishTable = commandTable(COMMAND_ROUTES, [en]);
const routeWords = (typed: string, inTable = table) => matchCommandIn(inTable, normalizeCommandText(typed))?.route.words;

describe('command words per language', () => {
  it('reads a message of alternatives: trimmed, whitespace collapsed, lower case, English first, without repeats', () => {
    expect(typedWordsFrom([en, TEST_GERMAN], 'words.command.list')).toEqual(['list', 'my interests', 'liste', 'meine interessen']);
    expect(alternativesIn(TEST_GERMAN, 'words.command.list')).toEqual(['Liste', 'meine Interessen']);
  });

  it.each([
    ['liste', 'words.command.list', ''],
    ['  MEINE   interessen ', 'words.command.list', ''],
    ['list', 'words.command.list', ''],
    ['Löschen Schach im Park', 'words.command.delete', 'Schach im Park'],
    ['delete Chess', 'words.command.delete', 'Chess'],
    ['sign out', 'words.command.signOut', ''],
  ])('%j is the %s command, with argument %j, with the test language', (typed, words, argument) => {
    const match = matchCommandIn(table, normalizeCommandText(typed));
    expect(match?.route.words).toBe(words);
    expect(match?.argument).toBe(argument);
  });

  it('never lets a language take an English word from its command', () => {
    // The test language says "list" for add; "list" stays the English list command.
    expect(routeWords('list')).toBe('words.command.list');
  });

  it('understands only English without the language', () => {
    expect(routeWords('liste', englishTable)).toBeUndefined();
    expect(routeWords('löschen Schach', englishTable)).toBeUndefined();
  });

  it('types English in the pseudo-locale: its accented words are never understood, the English ones are', () => {
    const pseudo = textFor('qps-ploc');
    expect(matchCommand(normalizeCommandText('list'), pseudo)?.route.words).toBe('words.command.list');
    expect([...typedWordsOf('qps-ploc', 'words.command.list')]).toEqual(typedWordsFrom([en], 'words.command.list'));
    expect(helpCommandWords(pseudo)).toEqual(ENGLISH_COMMAND_WORDS);
  });

  it("shows the first word of the turn's language in the help card", () => {
    const german = helpCommandWords(textFor('de-AT'));
    expect(german.list).toBe(alternativesIn(CATALOGS.de, 'words.command.list')[0]);
    expect(german.whoCanHelp).toBe(alternativesIn(CATALOGS.de, 'words.command.whoCanHelp')[0]);
    expect(helpCommandWords(SOURCE_TEXT)).toEqual(ENGLISH_COMMAND_WORDS);
  });

  it("understands the shipped German words under de-DE, and each one's English words too", () => {
    const german = textFor('de-DE');
    for (const word of alternativesIn(CATALOGS.de, 'words.command.list')) {
      // Another command's English word wins over a German one (see above).
      const expected = typedWordsFrom([en], 'words.command.add').includes(word.toLowerCase()) ? 'words.command.add' : 'words.command.list';
      expect(matchCommand(normalizeCommandText(word), german)?.route.words).toBe(expected);
    }
    expect(matchCommand(normalizeCommandText('my interests'), german)?.route.words).toBe('words.command.list');
  });
});

describe('answer words per language', () => {
  const words = answerWordsFrom([en, TEST_GERMAN]);

  it('takes English and the language', () => {
    expect(words.yes.has('ja') && words.yes.has('yes')).toBe(true);
    expect(words.no.has('nein') && words.no.has('no')).toBe(true);
    expect(words.skip.has('überspringen') && words.skip.has('skip')).toBe(true);
    expect(answerWordsFrom([en]).yes.has('ja')).toBe(false);
  });

  it('reads a straight or a typographic apostrophe alike', () => {
    expect(readYesNo(SOURCE_TEXT, 'don’t')).toBe(false);
    expect(readYesNo(SOURCE_TEXT, "Don't!")).toBe(false);
  });

  it("reads the shipped German words in a German turn, English ones too", () => {
    const german = textFor('de-DE');
    expect(readYesNo(german, alternativesIn(CATALOGS.de, 'words.answer.yes')[0] ?? '')).toBe(true);
    expect(readYesNo(german, alternativesIn(CATALOGS.de, 'words.answer.no')[0] ?? '')).toBe(false);
    expect(isSkipAnswer(german, alternativesIn(CATALOGS.de, 'words.answer.skip')[0] ?? '')).toBe(true);
    expect(readYesNo(german, 'yes')).toBe(true);
    expect(isSkipAnswer(german, 'skip')).toBe(true);
  });
});

describe('tag and audience names per language', () => {
  const tags = collaborationTagNames({ askMeAbout: 'Fragen Sie mich', ableToMentor: 'Kann betreuen', wantsToLearn: 'Möchte lernen', wantsToImprove: 'Möchte mich verbessern' });
  const audiences = audienceNames({ everyone: 'Alle', organization: 'Meine Organisation' });

  it("takes ids, English labels and the language's labels", () => {
    expect(validateCollaborationTags('kann BETREUEN, ask me about, wantsToLearn', tags)).toEqual({ ok: true, value: ['askMeAbout', 'ableToMentor', 'wantsToLearn'] });
    expect(validateAudience(' alle ', audiences)).toEqual({ ok: true, value: 'everyone' });
    expect(validateAudience('My organization', audiences)).toEqual({ ok: true, value: 'organization' });
  });

  it("offers the language's names when refusing one", () => {
    const refused = validateCollaborationTags('jonglieren', tags);
    expect(refused.ok ? undefined : refused.error.values?.choices).toBe('Fragen Sie mich, Kann betreuen, Möchte lernen, Möchte mich verbessern');
    const audience = validateAudience('Freunde', audiences);
    expect(audience.ok ? undefined : audience.error.values?.choices).toBe('Only me, My contacts, Group members, Meine Organisation, Federated organizations, Alle');
  });

  it('takes only English names without labels, as before', () => {
    expect(validateCollaborationTags('Kann betreuen').ok).toBe(false);
    expect(validateAudience('Alle').ok).toBe(false);
  });
});

describe('folding for finding', () => {
  it.each([
    ['Résumé', 'resume'],
    ['  CAFÉ   culture ', 'cafe culture'],
    ['ＡＷＳ', 'aws'],
    ['ｶﾞｯｺｳ', 'ガッコウ'],
    ['か\u3099', 'が'],
  ])('%j is found as %j', (text, key) => {
    expect(findingKey(text, 'en')).toBe(key);
  });

  it('keeps kana voicing marks and marks of scripts other than Latin', () => {
    expect(findingKey('がっこう', 'ja')).not.toBe(findingKey('かっこう', 'ja'));
    expect(findingKey('ぱ', 'ja')).not.toBe(findingKey('は', 'ja'));
    expect(findingKey('й', 'ru')).not.toBe(findingKey('и', 'ru'));
  });

  it('lower-cases as the locale does', () => {
    expect(findingKey('I', 'tr')).toBe('ı');
    expect(findingKey('I', 'en')).toBe('i');
  });

  it('finds an interest by a name spelled without accents, but the duplicate rule is unchanged', () => {
    const interests = [{ id: '1', displayName: 'Résumé writing' }];
    expect(findNamedInterest(interests, 'resume WRITING', 'fr-FR')?.id).toBe('1');
    expect(findInterestByName(interests, 'resume writing')).toBeUndefined();
    expect(comparisonKey('Résumé writing')).not.toBe(comparisonKey('resume writing'));
    // The same name, found exactly, comes first.
    expect(findNamedInterest([{ id: 'a', displayName: 'resume' }, { id: 'b', displayName: 'Resume' }], 'Resume', 'en')?.id).toBe('a');
  });
});

describe('topic words per locale', () => {
  const japanese: TopicReading = { locale: 'ja-JP', forgivesPlurals: false };
  const chinese: TopicReading = { locale: 'zh-CN', forgivesPlurals: false };
  const german: TopicReading = { locale: 'de-DE', forgivesPlurals: false };

  it('splits unspaced Japanese and Chinese into words', () => {
    expect(topicWords('機械学習', japanese)).toEqual(['機械', '学習']);
    expect(topicWords('项目管理', chinese)).toEqual(['项目', '管理']);
    expect(findHelpers('機械学習', [{ person: 'Ken', interests: [{ displayName: '機械学習入門', collaborationTags: ['ableToMentor'] }] }], japanese).kind).toBe('found');
  });

  it('suggests a word of an unspaced topic as typed', () => {
    const search = findHelpers('機械学習の基礎', [{ person: 'Ken', interests: [{ displayName: '基礎', collaborationTags: ['ableToMentor'] }] }], japanese);
    expect(search).toEqual({ kind: 'noMatch', suggestion: '基礎' });
  });

  it('keeps "C++" and "C#" as words', () => {
    expect(topicWords('C++ und C#', german)).toEqual(['c++', 'und', 'c#']);
  });

  it('forgives plurals in English only', () => {
    const mentors = [{ person: 'Max', interests: [{ displayName: 'Chesses', categories: ['Mentors'], collaborationTags: ['ableToMentor'] }] }];
    expect(findHelpers('chess', mentors).kind).toBe('found');
    expect(findHelpers('mentor', mentors).kind).toBe('found');
    expect(findHelpers('chess', mentors, german).kind).toBe('noMatch');
    expect(findHelpers('mentor', mentors, german).kind).toBe('noMatch');
    expect(findHelpers('mentors', mentors, german).kind).toBe('found');
  });

  it('keeps が apart from か', () => {
    const kakkou = [{ person: 'Yui', interests: [{ displayName: 'かっこう', collaborationTags: ['askMeAbout'] }] }];
    expect(findHelpers('がっこう', kakkou, japanese).kind).toBe('noMatch');
    expect(findHelpers('かっこう', kakkou, japanese).kind).toBe('found');
  });
});
