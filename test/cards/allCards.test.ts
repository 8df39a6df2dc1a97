import { renderAddSummaryCard } from '../../src/features/interests/cards/addSummaryCard';
import { renderBulkAddCards } from '../../src/features/bulkAdd/cards/bulkAddCard';
import { renderBulkResultCard } from '../../src/features/bulkAdd/cards/bulkResultCard';
import { renderBulkSplitCard } from '../../src/features/bulkAdd/cards/bulkSplitCard';
import { OWNER_ONLY } from '../../src/cards/sharedView';
import { truncate } from '../../src/cards/displayText';
import { checkBulkNames } from '../../src/domain/bulkNames';
import { ALL_CARD_VERBS, parseCardAction } from '../../src/app/cardActionRoutes';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../../src/cards/cardTemplate';
import { renderDeleteConfirmCard } from '../../src/features/interests/cards/deleteConfirmCard';
import { renderDeletedCard } from '../../src/features/interests/cards/deletedCard';
import { renderEditCard } from '../../src/features/interests/cards/editCard';
import { renderHelpCard, renderWelcomeCard } from '../../src/features/interests/cards/helpCard';
import { renderInterestCard } from '../../src/features/interests/cards/interestCard';
import { renderListCard } from '../../src/features/interests/cards/listCard';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { renderTagCard } from '../../src/features/interests/cards/tagCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { draftFromInterest } from '../../src/domain/interestDraft';
import type { PersonInterest } from '../../src/domain/personInterest';
import { actionsOf, executeActionsOf, invokeValueFor } from './cardInspection';
import {
  HOSTILE_TEXTS,
  hostileDraft,
  hostileInterests,
  maxLengthDraft,
  maxLengthInterest,
  OWNER_ID,
  REALISTIC,
} from './fixtures';

interface CardCase {
  name: string;
  render: () => AdaptiveCard;
  /** Whether the data can legitimately put `${` into the card (user text that looks like a binding). */
  userTextHasBindings: boolean;
}

function casesFor(label: string, interest: PersonInterest, hasBindings: boolean): CardCase[] {
  const draft = draftFromInterest(interest);
  const form = {
    displayName: interest.displayName ?? '',
    description: interest.description ?? '',
    categories: (interest.categories ?? []).join(', '),
    collaborationTags: 'askMeAbout,bogus',
    allowedAudiences: String(interest.allowedAudiences ?? ''),
    webUrl: interest.webUrl ?? '',
  };
  const issues = [
    // A message carrying user text: the tag list of `validation.tags.unknown` stands in for any value.
    { field: 'displayName' as const, message: { key: 'validation.tags.unknown' as const, values: { choices: interest.displayName ?? '' } } },
    { field: 'webUrl' as const, message: { key: 'validation.link.invalid' as const } },
  ];
  // A name as a card may carry it: at most the domain's length (longer names are refused before any card).
  const bulkName = truncate(interest.displayName ?? 'x', 100) || 'x';
  const many = Array.from({ length: 25 }, (_, index) => ({ ...interest, id: `${interest.id ?? 'x'}-${index}` }));
  const cases: [string, () => AdaptiveCard][] = [
    ['interest', () => renderInterestCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID })],
    ['interest with notice', () => renderInterestCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, notice: `Saved ${interest.displayName ?? ''}.` })],
    ['interest, confirmed suggestion', () => renderInterestCard(SOURCE_TEXT, { interest: { ...interest, inference: { confidenceScore: 1, userHasVerifiedAccuracy: true } }, ownerId: OWNER_ID })],
    ['list page 0', () => renderListCard(SOURCE_TEXT, { interests: many, page: 0, ownerId: OWNER_ID })],
    ['list page 1', () => renderListCard(SOURCE_TEXT, { interests: many, page: 1, ownerId: OWNER_ID, notice: interest.displayName ?? '' })],
    ['list last page', () => renderListCard(SOURCE_TEXT, { interests: many, page: 99, ownerId: OWNER_ID })],
    ['list of one', () => renderListCard(SOURCE_TEXT, { interests: [interest], page: 0, ownerId: OWNER_ID })],
    ['edit', () => renderEditCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID })],
    ['edit with errors and typed values', () => renderEditCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, errors: issues, values: form })],
    ['tag', () => renderTagCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID })],
    ['delete confirm', () => renderDeleteConfirmCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, undoToken: 'u'.repeat(43) })],
    ['deleted', () => renderDeletedCard(SOURCE_TEXT, { name: draft.displayName, ownerId: OWNER_ID, undoToken: 'undo-1' })],
    ['add summary', () => renderAddSummaryCard(SOURCE_TEXT, { draft, ownerId: OWNER_ID })],
    ['bulk add', () => renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, checks: checkBulkNames([bulkName, 'Chess', bulkName, 'Go'], [{ displayName: 'Go' }]), viewers: OWNER_ONLY, newBatchId: () => 'batch-1' })[0]!],
    ['bulk split question', () => renderBulkSplitCard(SOURCE_TEXT, { ownerId: OWNER_ID, whole: bulkName, parts: [bulkName, 'Chess'] })],
    [
      'bulk result',
      () =>
        renderBulkResultCard(SOURCE_TEXT, {
          ownerId: OWNER_ID,
          rows: [
            { name: bulkName, outcome: 'created', interestId: 'bulk-created-1' },
            { name: bulkName, outcome: 'found', interestId: 'bulk-found-1' },
            { name: bulkName, outcome: 'refused', errorKind: 'forbidden' },
            { name: bulkName, outcome: 'busy' },
            { name: bulkName, outcome: 'unknown' },
          ],
          viewers: OWNER_ONLY,
          retry: { batchId: 'batch-2', names: [bulkName], collaborationTags: ['askMeAbout'], allowedAudiences: 'me' },
        }),
    ],
    ['welcome', () => renderWelcomeCard(SOURCE_TEXT, { userName: interest.displayName ?? undefined, ownerId: OWNER_ID })],
    ['notice', () => renderNoticeCard(SOURCE_TEXT, { title: interest.displayName ?? '', text: interest.description ?? '' })],
  ];
  return cases.map(([name, render]) => ({ name: `${name} (${label})`, render, userTextHasBindings: hasBindings }));
}

const fixedCases: CardCase[] = [
  { name: 'help', render: () => renderHelpCard(SOURCE_TEXT), userTextHasBindings: false },
  { name: 'help with owner', render: () => renderHelpCard(SOURCE_TEXT, { ownerId: OWNER_ID }), userTextHasBindings: false },
  { name: 'welcome without name', render: () => renderWelcomeCard(SOURCE_TEXT), userTextHasBindings: false },
  { name: 'empty list', render: () => renderListCard(SOURCE_TEXT, { interests: [], page: 0, ownerId: OWNER_ID }), userTextHasBindings: false },
  { name: 'notice', render: () => renderNoticeCard(SOURCE_TEXT, { title: 'Not yours', text: 'This card belongs to someone else.' }), userTextHasBindings: false },
];

const realisticCases = REALISTIC.flatMap((interest) => casesFor(interest.displayName ?? 'bare', interest, false));
const hostileCases = hostileInterests().flatMap((interest, index) =>
  casesFor(`hostile #${index}`, interest, (HOSTILE_TEXTS[index] ?? '').includes('${')),
);
const draftCases: CardCase[] = HOSTILE_TEXTS.flatMap((text, index) => [
  { name: `add summary (hostile draft #${index})`, render: () => renderAddSummaryCard(SOURCE_TEXT, { draft: hostileDraft(text), ownerId: OWNER_ID }), userTextHasBindings: text.includes('${') },
  { name: `deleted (hostile draft #${index})`, render: () => renderDeletedCard(SOURCE_TEXT, { name: hostileDraft(text).displayName, ownerId: OWNER_ID, undoToken: 'u' }), userTextHasBindings: text.includes('${') },
]);

const ALL_CASES = [...fixedCases, ...realisticCases, ...hostileCases, ...draftCases];

describe.each(ALL_CASES.map((c) => [c.name, c] as const))('%s card', (_name, cardCase) => {
  const card = cardCase.render();

  test('is an Adaptive Card 1.5', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.body.length).toBeGreaterThan(0);
  });

  test('stays under the size ceiling', () => {
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  if (!cardCase.userTextHasBindings) {
    test('has no unbound template field left', () => {
      expect(JSON.stringify(card)).not.toContain('${');
    });
  }

  test('offers only Action.Execute with a known verb, or Action.OpenUrl to an http(s) link', () => {
    for (const action of actionsOf(card)) {
      if (action['type'] === 'Action.OpenUrl') {
        expect(String(action['url'])).toMatch(/^https?:\/\//i);
      } else {
        expect(action['type']).toBe('Action.Execute');
        expect(ALL_CARD_VERBS).toContain(action['verb']);
      }
    }
  });

  test('every action round-trips through parseCardAction with its owner', () => {
    for (const action of executeActionsOf(card)) {
      const parsed = parseCardAction(invokeValueFor(card, action));
      if (!parsed.ok) throw new Error(`${String(action['verb'])}: ${parsed.error}`);
      expect(parsed.value.verb).toBe(action['verb']);
      expect(parsed.value.ownerId).toBe(OWNER_ID);
    }
  });

  test('shows at most six primary actions', () => {
    expect((card.actions ?? []).length).toBeLessThanOrEqual(6);
  });
});

describe('cards at their largest', () => {
  const interests = Array.from({ length: 500 }, (_, index) => maxLengthInterest(`interest-${String(index).padStart(4, '0')}-${'i'.repeat(60)}`));
  const widest = maxLengthInterest('widest');
  // Stored fields in emoji (4 bytes per counted character), typed text and the link in CJK (3 bytes per UTF-16 unit):
  // the most bytes each limit allows.
  const widestWithLink = { ...widest, webUrl: `https://example.com/${'中'.repeat(5_000)}` };
  const typedEverywhere = {
    displayName: '中'.repeat(5_000),
    description: '中'.repeat(5_000),
    categories: '中'.repeat(5_000),
    collaborationTags: `askMeAbout,ableToMentor,wantsToLearn,wantsToImprove,${'中'.repeat(5_000)}`,
    allowedAudiences: '中'.repeat(5_000),
    webUrl: '中'.repeat(5_000),
  };
  const everyError = (['displayName', 'description', 'categories', 'collaborationTags', 'allowedAudiences', 'webUrl'] as const).map((field) => ({
    field,
    message: { key: 'validation.tags.unknown' as const, values: { choices: '🎉'.repeat(5_000) } },
  }));

  test.each([
    ['first list page of 500', () => renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID, notice: '🎉'.repeat(5_000) })],
    ['middle list page of 500', () => renderListCard(SOURCE_TEXT, { interests, page: 25, ownerId: OWNER_ID })],
    ['last list page of 500', () => renderListCard(SOURCE_TEXT, { interests, page: 49, ownerId: OWNER_ID })],
    ['interest', () => renderInterestCard(SOURCE_TEXT, { interest: widest, ownerId: OWNER_ID, notice: '🎉'.repeat(5_000) })],
    ['edit with typed values and every error', () => renderEditCard(SOURCE_TEXT, { interest: widestWithLink, ownerId: OWNER_ID, values: typedEverywhere, errors: everyError })],
    ['tag', () => renderTagCard(SOURCE_TEXT, { interest: widest, ownerId: OWNER_ID })],
    ['delete confirm', () => renderDeleteConfirmCard(SOURCE_TEXT, { interest: widest, ownerId: OWNER_ID, undoToken: 'u'.repeat(43) })],
    ['deleted', () => renderDeletedCard(SOURCE_TEXT, { name: maxLengthDraft().displayName, ownerId: OWNER_ID, undoToken: 'u'.repeat(64) })],
    ['add summary', () => renderAddSummaryCard(SOURCE_TEXT, { draft: maxLengthDraft(), ownerId: OWNER_ID })],
    ['notice', () => renderNoticeCard(SOURCE_TEXT, { title: '🎉'.repeat(5_000), text: '🎉'.repeat(50_000) })],
    ['welcome', () => renderWelcomeCard(SOURCE_TEXT, { userName: '🎉'.repeat(5_000), ownerId: OWNER_ID })],
  ])('%s stays under 28 KB', (_name, render) => {
    const card = render();
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  test('the 500-interest list is paged ten rows at a time', () => {
    const card = renderListCard(SOURCE_TEXT, { interests, page: 3, ownerId: OWNER_ID });
    const rows = actionsOf(card).filter((action) => action['verb'] === 'interest.open');
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => (row['data'] as { interestId: string }).interestId)).toEqual(interests.slice(30, 40).map((interest) => interest.id));
  });
});

describe('cardSize', () => {
  test('counts the JSON as Teams does, in UTF-16: two bytes a code unit, four for an emoji, two for a CJK character', () => {
    const card = (text: string): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });
    const empty = cardSize(card(''));
    expect(empty).toBe(JSON.stringify(card('')).length * 2);
    expect(cardSize(card('a')) - empty).toBe(2);
    expect(cardSize(card('🎉')) - empty).toBe(4);
    expect(cardSize(card('中')) - empty).toBe(2);
  });
});
