import { CARD_VERBS, parseCardAction } from '../../src/app/cardActionRoutes';
import { renderListCard } from '../../src/features/interests/cards/listCard';
import type { PersonInterest } from '../../src/domain/personInterest';
import { actionsOf, actionTitled, invokeValueFor, textsOf } from './cardInspection';
import { OWNER_ID, REALISTIC, userCreated } from './fixtures';
import { SOURCE_TEXT } from '../../src/i18n/text';

const numbered = (count: number): PersonInterest[] =>
  Array.from({ length: count }, (_, index) => ({ ...userCreated, id: `id-${index + 1}`, displayName: `Interest ${index + 1}` }));

const rowActions = (card: ReturnType<typeof renderListCard>) => actionsOf(card).filter((action) => action['verb'] === CARD_VERBS.openInterest);
const pageTitles = (card: ReturnType<typeof renderListCard>) =>
  actionsOf(card)
    .filter((action) => action['verb'] === CARD_VERBS.showList)
    .map((action) => action['title']);

describe('renderListCard', () => {
  test('shows an empty state with the way to add one', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: [], page: 0, ownerId: OWNER_ID });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['You haven’t added any interests to your profile yet.', expect.stringContaining('**add**')]));
    expect(actionsOf(card)).toEqual([]);
  });

  test('lists each interest as a row that opens its card, with its tag labels', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: OWNER_ID });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Chess', 'Tags: Ask me about · Can mentor', 'Sailing', 'Machine learning', 'Untitled interest', '4 interests']));
    const rows = rowActions(card);
    expect(rows).toHaveLength(4);
    const opened = parseCardAction(invokeValueFor(card, rows[0]!));
    expect(opened).toEqual({ ok: true, value: { verb: CARD_VERBS.openInterest, ownerId: OWNER_ID, interestId: userCreated.id, page: 0 } });
    expect(pageTitles(card)).toEqual([]);
  });

  test('pages ten at a time with Previous and Next', () => {
    const interests = numbered(25);
    const first = renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID });
    expect(rowActions(first)).toHaveLength(10);
    expect(pageTitles(first)).toEqual(['Next']);
    expect(textsOf(first)).toContain('Showing 1–10 of 25');

    const next = parseCardAction(invokeValueFor(first, actionTitled(first, 'Next')));
    expect(next).toEqual({ ok: true, value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 1 } });

    const middle = renderListCard(SOURCE_TEXT, { interests, page: 1, ownerId: OWNER_ID });
    expect(pageTitles(middle)).toEqual(['Previous', 'Next']);
    expect(textsOf(middle)).toEqual(expect.arrayContaining(['Interest 11', 'Interest 20']));
    expect(parseCardAction(invokeValueFor(middle, actionTitled(middle, 'Previous')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 0 },
    });

    const last = renderListCard(SOURCE_TEXT, { interests, page: 2, ownerId: OWNER_ID });
    expect(rowActions(last)).toHaveLength(5);
    expect(pageTitles(last)).toEqual(['Previous']);
  });

  test('clamps a page past the end to the last page', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: numbered(25), page: 40, ownerId: OWNER_ID });
    expect(textsOf(card)).toContain('Showing 21–25 of 25');
  });

  test('shortens long names and escapes their Markdown', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: [{ ...userCreated, displayName: `**${'x'.repeat(200)}` }], page: 0, ownerId: OWNER_ID });
    const name = textsOf(card).find((text) => text.startsWith('\\*\\*'));
    expect(name).toBeDefined();
    expect(Array.from(name!).length).toBeLessThanOrEqual(82);
    expect(name!.endsWith('…')).toBe(true);
  });

  test('names each row\'s button by the words the row shows: plain in the title, escaped in the text', () => {
    const typed = 'C# *basics* & <more> | 2';
    const card = renderListCard(SOURCE_TEXT, { interests: [{ ...userCreated, displayName: typed }, { ...userCreated, id: 'unnamed', displayName: ' ' }], page: 0, ownerId: OWNER_ID });
    expect(rowActions(card).map((action) => action['title'])).toEqual([SOURCE_TEXT.t('list.row.open', { name: typed }), SOURCE_TEXT.t('list.row.open', { name: 'Untitled interest' })]);
    expect(textsOf(card)).toEqual(expect.arrayContaining(['C# \\*basics\\* \\& \\<more\\> \\| 2', 'Untitled interest']));
  });

  test('shows the notice above the list', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: OWNER_ID, notice: 'Chess was deleted.' });
    expect(textsOf(card)[0]).toBe('Chess was deleted.');
  });

  describe('a list asked for again', () => {
    test('gives the same card as the first time, whatever was done to that one', () => {
      const first = renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: OWNER_ID });
      const expected = structuredClone(first);
      Object.assign(first.body[0] as object, { text: 'changed' });
      ((first.body.at(-2) as { items: unknown[] }).items).length = 0;
      first.body.length = 0;
      expect(renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: OWNER_ID })).toEqual(expected);
    });

    test('shows an interest changed since', () => {
      renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: OWNER_ID });
      const renamed = REALISTIC.map((interest, index) => (index === 0 ? { ...interest, displayName: 'Chess variants', lastModifiedDateTime: '2031-01-01T00:00:00Z' } : interest));
      expect(textsOf(renderListCard(SOURCE_TEXT, { interests: renamed, page: 0, ownerId: OWNER_ID }))).toContain('Chess variants');
    });

    test("never hands one owner a card made for another with the same interests", () => {
      renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: OWNER_ID });
      const other = renderListCard(SOURCE_TEXT, { interests: REALISTIC, page: 0, ownerId: 'someone-else' });
      const opened = parseCardAction(invokeValueFor(other, rowActions(other)[0]!));
      expect(opened).toEqual({ ok: true, value: { verb: CARD_VERBS.openInterest, ownerId: 'someone-else', interestId: userCreated.id, page: 0 } });
    });
  });
});
