/**
 * Every card the bot can send, as cases built with realistic data and with the longest data the domain allows. The
 * language test (`test/i18n/cardsInEveryLanguage.test.ts`) and the rendering check (`test/a11y/`) share this list,
 * so a card added here is sized, translated and rendered.
 */
import { renderAddSummaryCard } from '../../src/features/interests/cards/addSummaryCard';
import { renderBulkAddCards } from '../../src/features/bulkAdd/cards/bulkAddCard';
import { renderBulkResultCard } from '../../src/features/bulkAdd/cards/bulkResultCard';
import { renderBulkSplitCard } from '../../src/features/bulkAdd/cards/bulkSplitCard';
import type { AdaptiveCard } from '../../src/cards/cardTemplate';
import { renderChoiceCard } from '../../src/conversation/dialogs/choiceCard';
import { renderDeleteConfirmCard } from '../../src/features/interests/cards/deleteConfirmCard';
import { renderDeletedCard } from '../../src/features/interests/cards/deletedCard';
import { renderEditCard } from '../../src/features/interests/cards/editCard';
import { renderHelpCard, renderWelcomeCard } from '../../src/features/interests/cards/helpCard';
import { renderHelpersCard, type HelperPerson } from '../../src/features/helpers/helpersCard';
import { renderInterestCard } from '../../src/features/interests/cards/interestCard';
import { renderListCard } from '../../src/features/interests/cards/listCard';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { renderNameNotAddedHereCard } from '../../src/cards/personalChatHintCard';
import { renderPrivateInterestCard } from '../../src/features/interests/cards/privateInterestCard';
import { OWNER_ONLY, type Viewers } from '../../src/cards/sharedView';
import { renderTagCard } from '../../src/features/interests/cards/tagCard';
import { checkBulkNames } from '../../src/domain/bulkNames';
import type { HelperMatch, HelperRole } from '../../src/domain/helperMatching';
import { draftFromInterest } from '../../src/domain/interestDraft';
import type { PersonInterest } from '../../src/domain/personInterest';
import type { Text } from '../../src/i18n/text';
import { inferred, maxLengthInterest, OWNER_ID, syncedFromUpa, userCreated } from '../cards/fixtures';

export const EVERYONE: Extract<Viewers, { kind: 'everyone' }> = {
  kind: 'everyone',
  ownerName: 'Alex Wilber',
  personalChatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28%3Abot',
  ownerRefresh: { userId: '29:alex' },
};

const people = (count: number, role: HelperRole, name: string): HelperMatch<HelperPerson>[] =>
  Array.from({ length: count }, (_, index) => ({ role, interestName: `${name} ${index}`, person: { name: `${name} ${index}`, chatAddress: `p${index}@contoso.example`, jobTitle: 'Engineer' } }));

export interface CardCase {
  /** The template in `cards/` it expands, or `code` for a card built in code. */
  readonly template: string;
  readonly name: string;
  render(text: Text): AdaptiveCard;
}

/** The part templates in `cards/` a card's template places its parts from (`defineCardPart`). */
export const CARD_PARTS: Readonly<Record<string, readonly string[]>> = { list: ['listRow'] };

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
/** Every card with realistic data, once per fixture interest (user-created, synced from the profile, inferred). */
export const REALISTIC_CASES: readonly CardCase[] = [userCreated, syncedFromUpa, inferred].flatMap((interest) =>
  casesWith(interest.displayName ?? '', interest, many((index) => ({ ...interest, id: `${interest.id ?? 'x'}-${index}`, displayName: `${interest.displayName ?? 'x'} ${index}` }))),
);
/** Every card with the longest data the domain allows. */
export const LONGEST_CASES: readonly CardCase[] = casesWith('longest data', maxLengthInterest('widest'), many((index) => maxLengthInterest(`widest-${index}`)));
