/**
 * Every card the bot can send, in every shipped language and the pseudo-locale: built with realistic data and with
 * the longest data the domain allows, each stays under the card ceiling, leaves no catalog reference or template
 * field unfilled, and, in the pseudo-locale, shows no word that did not come through a catalog (user data aside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderAddSummaryCard } from '../../src/cards/addSummaryCard';
import { renderBulkAddCards } from '../../src/cards/bulkAddCard';
import { renderBulkResultCard } from '../../src/cards/bulkResultCard';
import { renderBulkSplitCard } from '../../src/cards/bulkSplitCard';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../../src/cards/cardTemplate';
import { renderChoiceCard } from '../../src/cards/choiceCard';
import { renderDeleteConfirmCard } from '../../src/cards/deleteConfirmCard';
import { renderDeletedCard } from '../../src/cards/deletedCard';
import { renderEditCard } from '../../src/cards/editCard';
import { renderHelpCard, renderWelcomeCard } from '../../src/cards/helpCard';
import { renderHelpersCard, type HelperPerson } from '../../src/cards/helpersCard';
import { renderInterestCard } from '../../src/cards/interestCard';
import { renderListCard } from '../../src/cards/listCard';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { renderNameNotAddedHereCard } from '../../src/cards/personalChatHintCard';
import { renderPrivateInterestCard } from '../../src/cards/privateInterestCard';
import { OWNER_ONLY, type Viewers } from '../../src/cards/sharedView';
import { renderTagCard } from '../../src/cards/tagCard';
import { checkBulkNames } from '../../src/domain/bulkNames';
import type { HelperMatch, HelperRole } from '../../src/domain/helperMatching';
import { draftFromInterest } from '../../src/domain/interestDraft';
import type { PersonInterest } from '../../src/domain/personInterest';
import { PSEUDO_LANGUAGE, SHIPPED_LANGUAGES } from '../../src/i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';
import { textFor, type Text } from '../../src/i18n/text';
import { inferred, maxLengthInterest, OWNER_ID, syncedFromUpa, userCreated } from '../cards/fixtures';
import { visibleTexts } from '../support/visibleTexts';

const EVERYONE: Extract<Viewers, { kind: 'everyone' }> = {
  kind: 'everyone',
  ownerName: 'Alex Wilber',
  personalChatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28%3Abot',
  ownerRefresh: { userId: '29:alex' },
};

const people = (count: number, role: HelperRole, name: string): HelperMatch<HelperPerson>[] =>
  Array.from({ length: count }, (_, index) => ({ role, interestName: `${name} ${index}`, person: { name: `${name} ${index}`, chatAddress: `p${index}@contoso.example`, jobTitle: 'Engineer' } }));

interface CardCase {
  /** The template in `cards/` it expands, or `code` for a card built in code. */
  readonly template: string;
  readonly name: string;
  render(text: Text): AdaptiveCard;
}

/** Every card, with data that makes each optional part show. */
function casesWith(label: string, interest: PersonInterest, many: readonly PersonInterest[]): CardCase[] {
  const draft = draftFromInterest(interest);
  const name = draft.displayName || 'Chess';
  const cases: [string, string, (text: Text) => AdaptiveCard][] = [
    ['list', 'list', (text) => renderListCard(text, { interests: many, page: 1, ownerId: OWNER_ID, notice: name })],
    ['list', 'shared list', (text) => renderListCard(text, { interests: many, page: 0, ownerId: OWNER_ID, viewers: EVERYONE })],
    ['list', 'empty list', (text) => renderListCard(text, { interests: [], page: 0, ownerId: OWNER_ID })],
    ['interest', 'interest', (text) => renderInterestCard(text, { interest, ownerId: OWNER_ID, notice: name })],
    ['interest', 'shared interest', (text) => renderInterestCard(text, { interest, ownerId: OWNER_ID, viewers: EVERYONE })],
    ['privateInterest', 'private interest', (text) => renderPrivateInterestCard(text, { interest, ownerId: OWNER_ID, viewers: EVERYONE })],
    [
      'edit',
      'edit with errors',
      (text) =>
        renderEditCard(text, {
          interest,
          ownerId: OWNER_ID,
          errors: [
            { field: 'displayName', message: { key: 'validation.name.empty' } },
            { field: 'webUrl', message: { key: 'validation.link.invalid' } },
          ],
        }),
    ],
    ['tags', 'tag', (text) => renderTagCard(text, { interest, ownerId: OWNER_ID })],
    ['deleteConfirm', 'delete confirm', (text) => renderDeleteConfirmCard(text, { interest, ownerId: OWNER_ID, undoToken: 'u'.repeat(43) })],
    ['deleted', 'deleted', (text) => renderDeletedCard(text, { name: draft.displayName, ownerId: OWNER_ID, undoToken: 'undo-1' })],
    ['addSummary', 'add summary', (text) => renderAddSummaryCard(text, { draft, ownerId: OWNER_ID })],
    [
      'bulkAdd',
      'bulk add',
      (text) => renderBulkAddCards(text, { ownerId: OWNER_ID, checks: checkBulkNames([name, 'Go', name, ''], [{ displayName: 'Go' }]), viewers: OWNER_ONLY, newBatchId: () => 'b' })[0]!,
    ],
    ['bulkSplit', 'bulk split', (text) => renderBulkSplitCard(text, { ownerId: OWNER_ID, whole: `${name}, Go`, parts: [name, 'Go'] })],
    [
      'bulkResult',
      'bulk result',
      (text) =>
        renderBulkResultCard(text, {
          ownerId: OWNER_ID,
          rows: [
            { name, outcome: 'created', interestId: 'i-1' },
            { name, outcome: 'found', interestId: 'i-2' },
            { name, outcome: 'refused', errorKind: 'forbidden' },
            { name, outcome: 'busy' },
            { name, outcome: 'unknown' },
          ],
          viewers: OWNER_ONLY,
          retry: { batchId: 'b-2', names: [name], collaborationTags: ['askMeAbout'], allowedAudiences: 'me' },
        }),
    ],
    [
      'choice',
      'choice',
      (text) =>
        renderChoiceCard(text, {
          ownerId: OWNER_ID,
          questionId: 'q-1',
          question: text.t('tagDialog.pickQuestion'),
          hint: text.t('choice.hint'),
          label: text.t('pick.label'),
          options: many.slice(0, 10).map((item, index) => ({ title: item.displayName ?? '', answer: String(index + 1) })),
          firstNumber: 11,
          submitTitle: text.t('pick.submit'),
          previousAnswer: '21',
          nextAnswer: '22',
          cancelAnswer: '23',
        }),
    ],
    ['help', 'help', (text) => renderHelpCard(text, { ownerId: OWNER_ID })],
    ['help', 'welcome', (text) => renderWelcomeCard(text, { userName: 'Alex Wilber', ownerId: OWNER_ID })],
    ['notice', 'notice', (text) => renderNoticeCard(text, { title: text.t('interest.saved'), text: text.t('interest.nothingChanged'), action: { title: text.t('shared.showMyView'), verb: 'ownerView.show', data: { ownerId: OWNER_ID } } })],
    ['personalChatHint', 'name not added here', (text) => renderNameNotAddedHereCard(text, EVERYONE)],
    [
      'code',
      'who can help',
      (text) =>
        renderHelpersCard(text, {
          topic: name,
          helpers: { mentor: people(7, 'mentor', name), askAbout: people(2, 'askAbout', name), studyPartner: people(1, 'studyPartner', name) },
          searched: text.t('helpers.card.role.mentor'),
          notes: [text.t('shared.viewNote')],
        }),
    ],
  ];
  return cases.map(([template, caseName, render]) => ({ template, name: `${caseName} (${label})`, render }));
}

const many = (unit: (index: number) => PersonInterest): PersonInterest[] => Array.from({ length: 25 }, (_, index) => unit(index));
const REALISTIC_CASES = [userCreated, syncedFromUpa, inferred].flatMap((interest) =>
  casesWith(interest.displayName ?? '', interest, many((index) => ({ ...interest, id: `${interest.id ?? 'x'}-${index}`, displayName: `${interest.displayName ?? 'x'} ${index}` }))),
);
const LONGEST_CASES = casesWith('longest data', maxLengthInterest('widest'), many((index) => maxLengthInterest(`widest-${index}`)));

const LANGUAGES = [...SHIPPED_LANGUAGES, PSEUDO_LANGUAGE] as const;
/** A locale of each language, as Teams sends it. */
const LOCALE_OF: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  ja: 'ja-JP',
  'pt-BR': 'pt-BR',
  'zh-CN': 'zh-CN',
  [PSEUDO_LANGUAGE]: PSEUDO_LANGUAGE,
};

describe('cards in every language', () => {
  it('cover every card template', () => {
    const templates = fs.readdirSync(path.join(__dirname, '..', '..', 'cards')).map((file) => file.replace(/\.json$/, ''));
    expect(new Set(REALISTIC_CASES.map((card) => card.template).filter((template) => template !== 'code'))).toEqual(new Set(templates));
  });

  describe.each(LANGUAGES.map((language) => [language, textFor(LOCALE_OF[language], 'Europe/Berlin')] as const))('%s', (language, text) => {
    it('answers in that language', () => {
      expect(text.language).toBe(language);
    });

    it.each([...REALISTIC_CASES, ...LONGEST_CASES].map((card) => [card.name, card] as const))('%s stays under the ceiling, fully filled in', (_name, card) => {
      const rendered = card.render(text);
      expect(cardSize(rendered)).toBeLessThan(MAX_CARD_BYTES);
      const json = JSON.stringify(rendered);
      expect(json).not.toContain('@TEXT.');
      expect(json).not.toContain('${');
    });

    if (language === PSEUDO_LANGUAGE) {
      it.each(REALISTIC_CASES.map((card) => [card.name, card] as const))('%s shows only catalog words and user data', (_name, card) => {
        const userData = ['Alex Wilber', 'Engineer', 'https://lichess.org/@/example', 'https://…'];
        const interestWords = [userCreated, syncedFromUpa, inferred].flatMap((interest) => [interest.displayName ?? '', interest.description ?? '', ...(interest.categories ?? [])]);
        const unmarked = visibleTexts(card.render(text)).filter((shown) => {
          if (shown.includes(PSEUDO_OPEN) && shown.includes(PSEUDO_CLOSE)) return false;
          // A date is data, written by Intl in the locale's own way.
          if ([userCreated, inferred].some((interest) => [interest.createdDateTime, interest.lastModifiedDateTime].some((date) => date && shown === text.date(new Date(date))))) return false;
          // What is left once user data is taken out must have no letters: numbers, bullets and arrows are fine.
          const rest = [...userData, ...interestWords]
            .filter((word) => word !== '')
            .sort((a, b) => b.length - a.length)
            .reduce((left, word) => left.split(word).join(' '), shown.replace(/\\/g, ''));
          return /\p{L}{2,}/u.test(rest.replace(/\b\d+\b/g, ''));
        });
        expect(unmarked).toEqual([]);
      });
    }
  });
});
