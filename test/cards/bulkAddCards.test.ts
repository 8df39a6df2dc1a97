import { NAME_BYTES_PER_CARD, renderBulkAddCards } from '../../src/features/bulkAdd/cards/bulkAddCard';
import { renderBulkResultCard } from '../../src/features/bulkAdd/cards/bulkResultCard';
import { parseCardAction } from '../../src/app/cardActionRoutes';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../../src/cards/cardTemplate';
import { checkBulkNames, MAX_BULK_NAMES } from '../../src/domain/bulkNames';
import type { PersonInterest } from '../../src/domain/personInterest';
import { OWNER_ONLY, type Viewers } from '../../src/cards/sharedView';
import { NOT_ADDED_HERE_KEYS, renderNameNotAddedHereCard } from '../../src/cards/personalChatHintCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { executeActionsOf, invokeValueFor } from './cardInspection';
import { OWNER_ID } from './fixtures';

let batch = 0;
const newBatchId = () => `batch-${++batch}`;

/** 100 distinct names of the maximum length (100 code points) made of `char`. */
const maxLengthNames = (char: string): string[] => Array.from({ length: MAX_BULK_NAMES }, (_, i) => `${String(i).padStart(3, '0')}${char.repeat(97)}`);

function namesCarried(card: AdaptiveCard): string[] {
  const create = executeActionsOf(card).find((action) => action['verb'] === 'addMany.create');
  return create ? ((create['data'] as { names: string[] }).names ?? []) : [];
}

describe('the bulk add card at its largest', () => {
  it('fits 50 names of the maximum length into one card under the limit, every name carried whole', () => {
    const names = maxLengthNames('x').slice(0, 50);
    const cards = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(names, []), newBatchId });
    expect(cards).toHaveLength(1);
    expect(cardSize(cards[0]!)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(namesCarried(cards[0]!)).toEqual(names);
  });

  it.each([
    ['ASCII (2 bytes a character in UTF-16)', 'x'],
    ['CJK (2 bytes a character in UTF-16)', '中'],
    ['emoji (4 bytes a character in UTF-16)', '🎉'],
  ])('spreads 100 maximum-length names in %s over cards that each stay under 28 KB, each name once', (_title, char) => {
    const names = maxLengthNames(char);
    const cards = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(names, []), newBatchId });
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cards.flatMap(namesCarried)).toEqual(names);
    // Each part has its own batch id, so each Create is claimed on its own.
    const batchIds = cards.map((card) => (executeActionsOf(card)[0]!['data'] as { batchId: string }).batchId);
    expect(new Set(batchIds).size).toBe(cards.length);
    // And each part's result card, with every name failed and carried again by Retry, fits too.
    for (const card of cards) {
      const pageNames = namesCarried(card);
      const result = renderBulkResultCard(SOURCE_TEXT, {
        ownerId: OWNER_ID,
        viewers: OWNER_ONLY,
        rows: pageNames.map((name) => ({ name, outcome: 'unknown' as const })),
        retry: { batchId: 'retry-1', names: pageNames, collaborationTags: ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'], allowedAudiences: 'federatedOrganizations' },
      });
      expect(cardSize(result)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
    expect(NAME_BYTES_PER_CARD).toBeLessThan(MAX_CARD_BYTES / 2);
  });

  it('fits 100 left-out names of any length', () => {
    const names = Array.from({ length: MAX_BULK_NAMES }, (_, i) => `${i}${'🎉'.repeat(5_000)}`);
    const [card, ...more] = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(names, []), newBatchId });
    expect(more).toHaveLength(0);
    expect(cardSize(card!)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(executeActionsOf(card!)).toHaveLength(0);
  });

  it('fits the result of a full card of maximum-length ASCII names, all failed, with Retry carrying them all', () => {
    const [first] = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(maxLengthNames('x'), []), newBatchId });
    const names = namesCarried(first!);
    expect(names.length).toBeGreaterThanOrEqual(50);
    const card = renderBulkResultCard(SOURCE_TEXT, {
      ownerId: OWNER_ID,
      viewers: OWNER_ONLY,
      rows: names.map((name) => ({ name, outcome: 'refused' as const, errorKind: 'unavailable' as const })),
      retry: { batchId: 'retry-1', names, collaborationTags: [], allowedAudiences: 'me' },
    });
    expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const retry = executeActionsOf(card).find((action) => action['verb'] === 'addMany.retry')!;
    const parsed = parseCardAction(invokeValueFor(card, retry));
    expect(parsed.ok && parsed.value.verb === 'addMany.retry' && parsed.value.names).toEqual(names);
  });
});

describe('the Create action', () => {
  it('submits the ticked names only, with the shared tags and audience parsed', () => {
    const [card] = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(['Chess', 'Go', 'Jazz'], []), newBatchId });
    const create = executeActionsOf(card!)[0]!;
    const parsed = parseCardAction(invokeValueFor(card!, create, { pick1: 'false', bulkTags: 'askMeAbout,Can mentor', bulkAudience: 'Only me' }));
    expect(parsed).toMatchObject({ ok: true, value: { names: ['Chess', 'Jazz'], collaborationTags: ['askMeAbout', 'ableToMentor'], allowedAudiences: 'me' } });
  });

  it('refuses an unknown tag, an unknown audience, more than 100 names, or a name longer than an interest name', () => {
    const base = { ownerId: OWNER_ID, batchId: 'b', names: ['Chess'], pick0: 'true' };
    const parse = (data: Record<string, unknown>) => parseCardAction({ action: { type: 'Action.Execute', verb: 'addMany.create', data } });
    expect(parse(base).ok).toBe(true);
    expect(parse({ ...base, bulkTags: 'hacker' }).ok).toBe(false);
    expect(parse({ ...base, bulkAudience: 'the world' }).ok).toBe(false);
    expect(parse({ ...base, names: Array.from({ length: 101 }, (_, i) => `n${i}`) }).ok).toBe(false);
    expect(parse({ ...base, names: ['x'.repeat(101)] }).ok).toBe(false);
  });
});

describe('in a group chat or channel', () => {
  const EVERYONE: Viewers = { kind: 'everyone', ownerName: 'Alex', personalChatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28%3Abot' };
  /** Every string in a card, joined. */
  const textOf = (node: unknown): string =>
    typeof node === 'string' ? node : node !== null && typeof node === 'object' ? Object.values(node).map(textOf).join(' ') : '';
  const openUrls = (card: AdaptiveCard): unknown[] => (card.actions ?? []).filter((action) => (action as { type?: string }).type === 'Action.OpenUrl');

  it('leaves names on the profile out unnamed, whatever their audience, and links to the personal chat', () => {
    const existing: PersonInterest[] = [
      { displayName: 'Orchid grafting', allowedAudiences: 'me' },
      { displayName: 'Machine learning', allowedAudiences: 'organization' },
    ];
    const [card, ...more] = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: EVERYONE, checks: checkBulkNames(['orchid GRAFTING', 'Machine learning', 'Chess'], existing), newBatchId });
    expect(more).toHaveLength(0);
    const text = JSON.stringify(card);
    expect(text).not.toMatch(/orchid|machine learning|already/i);
    expect(text).toContain(SOURCE_TEXT.t(NOT_ADDED_HERE_KEYS.names));
    expect(namesCarried(card!)).toEqual(['Chess']);
    expect(openUrls(card!)).toEqual([expect.objectContaining({ title: 'Open in personal chat', url: EVERYONE.personalChatUrl })]);
    // The same names in personal chat are named, and there is no link.
    const [personal] = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(['orchid GRAFTING', 'Chess'], existing), newBatchId });
    expect(textOf(personal)).toContain('"orchid GRAFTING": already on your profile');
    expect(openUrls(personal!)).toHaveLength(0);
  });

  it('does not name on the result card what was on the profile at the click, and counts only the rest', () => {
    const rows = [
      { name: 'Orchid grafting', outcome: 'exists' as const },
      { name: 'Bonsai wiring', outcome: 'found' as const },
      { name: 'Chess', outcome: 'created' as const },
    ];
    const shared = renderBulkResultCard(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: EVERYONE, rows });
    expect(JSON.stringify(shared)).not.toMatch(/orchid|bonsai|on your profile/i);
    expect(JSON.stringify(shared)).toContain(SOURCE_TEXT.t(NOT_ADDED_HERE_KEYS.namesNotListed));
    expect(JSON.stringify(shared)).toContain('Added 1 interest to your profile.');
    expect(openUrls(shared)).toHaveLength(1);
    const personal = textOf(renderBulkResultCard(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, rows }));
    expect(personal).toContain('"Orchid grafting": already on your profile');
    expect(personal).toContain('"Bonsai wiring": added (found on your profile)');
    expect(personal).toContain('Added 2 interests to your profile.');
  });

  it("answers the add dialog's taken name with the same words for every name, and the personal chat link when there is one", () => {
    const card = renderNameNotAddedHereCard(SOURCE_TEXT, EVERYONE as Extract<Viewers, { kind: 'everyone' }>);
    expect(card.body).toEqual([expect.objectContaining({ type: 'TextBlock', text: SOURCE_TEXT.t(NOT_ADDED_HERE_KEYS.name) })]);
    expect(openUrls(card)).toEqual([expect.objectContaining({ title: 'Open in personal chat', url: EVERYONE.personalChatUrl })]);
    expect(openUrls(renderNameNotAddedHereCard(SOURCE_TEXT, { kind: 'everyone', ownerName: 'Alex', personalChatUrl: '' }))).toHaveLength(0);
  });
});

describe('the result card opens what was added', () => {
  /** As long as Graph's ids (a GUID), and longer for the fitting test's sake. */
  const idOf = (index: number): string => `0fb9a3c2-6d1f-4b1c-8f64-${String(index).padStart(12, '0')}-x`;
  const opens = (card: AdaptiveCard) => executeActionsOf(card).filter((action) => action['verb'] === 'interest.open');

  it('gives each added name an action that opens its interest card, and none to what was not added', () => {
    const card = renderBulkResultCard(SOURCE_TEXT, {
      ownerId: OWNER_ID,
      viewers: OWNER_ONLY,
      rows: [
        { name: 'Chess', outcome: 'created', interestId: idOf(1) },
        { name: 'Go', outcome: 'found', interestId: idOf(2) },
        { name: 'Jazz', outcome: 'busy' },
        { name: 'Tea', outcome: 'exists' },
        // An answer recorded before interests were opened from here: no id, no action, still shown.
        { name: 'Yoga', outcome: 'created' },
      ],
    });
    const actions = opens(card);
    expect(actions.map((action) => parseCardAction(invokeValueFor(card, action)))).toEqual([
      { ok: true, value: { verb: 'interest.open', ownerId: OWNER_ID, interestId: idOf(1) } },
      { ok: true, value: { verb: 'interest.open', ownerId: OWNER_ID, interestId: idOf(2) } },
    ]);
    expect(actions.map((action) => action['title'])).toEqual(['Open Chess', 'Open Go']);
    expect(JSON.stringify(card)).toContain('"Yoga\\": added');
  });

  it('shows on each open button the name alone, which its title contains, and the outcome beside the button', () => {
    const card = renderBulkResultCard(SOURCE_TEXT, {
      ownerId: OWNER_ID,
      viewers: OWNER_ONLY,
      rows: [
        { name: 'Chess', outcome: 'created', interestId: idOf(1) },
        { name: `Go ${'x'.repeat(60)}`, outcome: 'found', interestId: idOf(2) },
      ],
    });
    const rows = card.body.filter((element) => Array.isArray((element as { items?: unknown }).items)) as { items: Record<string, unknown>[] }[];
    const shown = rows.map(({ items: [button, outcome] }) => ({
      title: (button!['selectAction'] as { title: string }).title,
      shows: (button!['items'] as { text: string }[]).map((item) => item.text),
      outcome: outcome!['text'],
    }));
    expect(shown).toEqual([
      { title: 'Open Chess', shows: ['Chess'], outcome: 'added' },
      { title: `Open Go ${'x'.repeat(36)}…`, shows: [`Go ${'x'.repeat(36)}…`], outcome: 'added (found on your profile)' },
    ]);
  });

  it('stays under the limit with 100 short names all added, opening as many as fit', () => {
    const rows = Array.from({ length: MAX_BULK_NAMES }, (_, index) => ({ name: `n${index}`, outcome: 'created' as const, interestId: idOf(index) }));
    const card = renderBulkResultCard(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, rows });
    expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    // The first names get an action while they fit; the rest are one "Show my interests" away.
    const count = opens(card).length;
    // Each open row shows its name on the button and its outcome below it, so fewer fit than sentences would.
    expect(count).toBeGreaterThanOrEqual(15);
    expect(opens(card).map((action) => (action['data'] as { interestId: string }).interestId)).toEqual(rows.slice(0, count).map((row) => row.interestId));
    // Every name is still listed, with or without its action.
    for (const row of rows.slice(0, count)) expect(JSON.stringify(card)).toContain(`"text":"${row.name}"`);
    for (const row of rows.slice(count)) expect(JSON.stringify(card)).toContain(`\\"${row.name}\\": added`);
  });
});

describe('the bulk card asks for tags with a label and a placeholder', () => {
  it('labels the tags dropdown and says what to do in it', () => {
    const [card] = renderBulkAddCards(SOURCE_TEXT, { ownerId: OWNER_ID, viewers: OWNER_ONLY, checks: checkBulkNames(['Chess', 'Go'], []), newBatchId });
    const tags = card!.body.find((element) => (element as { id?: string }).id === 'bulkTags');
    expect(tags).toMatchObject({ label: 'Tags for all of them (optional)', placeholder: 'Choose tags', isMultiSelect: true });
  });
});
