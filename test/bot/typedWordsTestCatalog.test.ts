/**
 * The words people type, with a German test catalog standing in for the shipped one (which may still be a copy of
 * English while it is translated): the same assertions as `typedWordsShipped.test.ts`, through the same code path,
 * with German words that differ from every English one.
 */
import { describeTypedWords } from './typedWordsSuite';

jest.mock('../../src/i18n/catalogs', () => {
  const actual = jest.requireActual<typeof import('../../src/i18n/catalogs')>('../../src/i18n/catalogs');
  const de = {
    ...actual.CATALOGS.de,
    'words.command.list': 'liste|meine interessen',
    'words.command.add': 'hinzufügen',
    'words.command.help': 'hilfe',
    'words.command.cancel': 'abbrechen',
    'words.command.signOut': 'abmelden',
    'words.command.whoCanHelp': 'wer kann helfen bei|wer kennt sich aus mit',
    'words.answer.yes': 'ja|j|klar',
    'words.answer.no': 'nein|abbrechen',
    'words.answer.skip': 'überspringen|keine|-',
    'collaborationTag.askMeAbout': 'Fragen Sie mich',
    'collaborationTag.ableToMentor': 'Kann betreuen',
    'collaborationTag.wantsToLearn': 'Möchte lernen',
    'collaborationTag.wantsToImprove': 'Möchte mich verbessern',
    'audience.everyone': 'Alle',
    'audience.organization': 'Meine Organisation',
  };
  return { ...actual, CATALOGS: Object.freeze({ ...actual.CATALOGS, de }) };
});

describeTypedWords('typed words with a German test catalog');
