import { ALL_CARD_VERBS, CARD_VERBS, parseCardAction } from '../../src/app/cardActionRoutes';
import type { InterestDraft } from '../../src/domain/personInterest';
import { OWNER_ID } from './fixtures';

const draft: InterestDraft = {
  displayName: 'Chess',
  description: null,
  categories: ['Games'],
  collaborationTags: ['askMeAbout'],
  allowedAudiences: 'organization',
  webUrl: null,
};

const invoke = (verb: string, data: unknown): unknown => ({ action: { type: 'Action.Execute', verb, data, id: 'a1' }, trigger: 'manual' });

describe('ALL_CARD_VERBS', () => {
  test('lists every verb once', () => {
    expect([...ALL_CARD_VERBS].sort()).toEqual(Object.values(CARD_VERBS).sort());
    expect(new Set(ALL_CARD_VERBS).size).toBe(ALL_CARD_VERBS.length);
  });
});

describe('parseCardAction', () => {
  test.each([
    [CARD_VERBS.showList, { ownerId: OWNER_ID, page: 2 }, { page: 2 }],
    [CARD_VERBS.openInterest, { ownerId: OWNER_ID, interestId: 'i1' }, { interestId: 'i1' }],
    [CARD_VERBS.editInterest, { ownerId: OWNER_ID, interestId: 'i1' }, { interestId: 'i1' }],
    [CARD_VERBS.tagInterest, { ownerId: OWNER_ID, interestId: 'i1' }, { interestId: 'i1' }],
    [CARD_VERBS.deleteInterest, { ownerId: OWNER_ID, interestId: 'i1' }, { interestId: 'i1' }],
    [CARD_VERBS.confirmDelete, { ownerId: OWNER_ID, interestId: 'i1', undoToken: 'u1' }, { interestId: 'i1', undoToken: 'u1' }],
    [CARD_VERBS.undoDelete, { ownerId: OWNER_ID, undoToken: 'u1' }, { undoToken: 'u1' }],
    // Cards from older versions carried a snapshot: it still parses (so they get a clear answer) and is never written.
    [CARD_VERBS.confirmDelete, { ownerId: OWNER_ID, interestId: 'i1', snapshot: draft }, { interestId: 'i1', snapshot: draft }],
    [CARD_VERBS.undoDelete, { ownerId: OWNER_ID, snapshot: draft, undoToken: 'u1' }, { snapshot: draft, undoToken: 'u1' }],
    [CARD_VERBS.confirmInference, { ownerId: OWNER_ID, interestId: 'i1' }, { interestId: 'i1' }],
    [CARD_VERBS.confirmInference, { ownerId: OWNER_ID, interestId: 'i1', confidenceScore: 0.72 }, { interestId: 'i1', confidenceScore: 0.72 }],
    [CARD_VERBS.confirmInference, { ownerId: OWNER_ID, interestId: 'i1', confidenceScore: null }, { interestId: 'i1', confidenceScore: null }],
    [CARD_VERBS.cancel, { ownerId: OWNER_ID, interestId: 'i1' }, { interestId: 'i1' }],
    [CARD_VERBS.cancel, { ownerId: OWNER_ID }, {}],
    [CARD_VERBS.confirmAdd, { ownerId: OWNER_ID, draft }, { draft }],
    [CARD_VERBS.cancelAdd, { ownerId: OWNER_ID }, {}],
  ])('parses %s', (verb, data, expected) => {
    const parsed = parseCardAction(invoke(verb, data));
    expect(parsed).toEqual({ ok: true, value: { verb, ownerId: OWNER_ID, ...expected } });
  });

  test('collects the edit form inputs Teams merged into data, apart from the draft shown', () => {
    const parsed = parseCardAction(
      invoke(CARD_VERBS.saveInterest, {
        ownerId: OWNER_ID,
        interestId: 'i1',
        before: draft,
        displayName: 'Chess960',
        description: '',
        categories: 'Games, Strategy',
        collaborationTags: 'askMeAbout,ableToMentor',
        allowedAudiences: 'everyone',
        webUrl: 'https://lichess.org',
        unexpected: 'dropped',
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        verb: CARD_VERBS.saveInterest,
        ownerId: OWNER_ID,
        interestId: 'i1',
        before: draft,
        form: {
          displayName: 'Chess960',
          description: '',
          categories: 'Games, Strategy',
          collaborationTags: 'askMeAbout,ableToMentor',
          allowedAudiences: 'everyone',
          webUrl: 'https://lichess.org',
        },
      },
    });
  });

  test('reads the tag card selection, none selected included', () => {
    const picked = parseCardAction(invoke(CARD_VERBS.saveTags, { ownerId: OWNER_ID, interestId: 'i1', tagsBefore: [], collaborationTags: 'wantsToLearn,askMeAbout' }));
    expect(picked).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.saveTags, ownerId: OWNER_ID, interestId: 'i1', tagsBefore: [], tags: ['askMeAbout', 'wantsToLearn'] },
    });
    const none = parseCardAction(invoke(CARD_VERBS.saveTags, { ownerId: OWNER_ID, interestId: 'i1', tagsBefore: ['askMeAbout'] }));
    expect(none.ok && none.value.verb === CARD_VERBS.saveTags && none.value.tags).toEqual([]);
  });

  test.each([
    ['no value', undefined],
    ['a string', 'list.show'],
    ['no action', {}],
    ['Action.Submit', { action: { type: 'Action.Submit', verb: CARD_VERBS.showList, data: { ownerId: OWNER_ID, page: 0 } } }],
    ['unknown verb', invoke('interest.explode', { ownerId: OWNER_ID })],
    ['verb not a string', invoke(42 as unknown as string, { ownerId: OWNER_ID })],
    ['data not an object', invoke(CARD_VERBS.showList, 'page 1')],
    ['missing data', { action: { type: 'Action.Execute', verb: CARD_VERBS.openInterest } }],
    ['missing ownerId', invoke(CARD_VERBS.openInterest, { interestId: 'i1' })],
    ['empty ownerId', invoke(CARD_VERBS.openInterest, { ownerId: '', interestId: 'i1' })],
    ['missing interestId', invoke(CARD_VERBS.editInterest, { ownerId: OWNER_ID })],
    ['page as text', invoke(CARD_VERBS.showList, { ownerId: OWNER_ID, page: '2' })],
    ['negative page', invoke(CARD_VERBS.showList, { ownerId: OWNER_ID, page: -1 })],
    ['fractional page', invoke(CARD_VERBS.showList, { ownerId: OWNER_ID, page: 1.5 })],
    ['save without before', invoke(CARD_VERBS.saveInterest, { ownerId: OWNER_ID, interestId: 'i1', displayName: 'x' })],
    ['before with unknown tag', invoke(CARD_VERBS.saveInterest, { ownerId: OWNER_ID, interestId: 'i1', before: { ...draft, collaborationTags: ['bogus'] } })],
    ['before with unknown audience', invoke(CARD_VERBS.saveInterest, { ownerId: OWNER_ID, interestId: 'i1', before: { ...draft, allowedAudiences: 'world' } })],
    ['before with a name too long', invoke(CARD_VERBS.saveInterest, { ownerId: OWNER_ID, interestId: 'i1', before: { ...draft, displayName: 'x'.repeat(101) } })],
    ['a confidence score above 1', invoke(CARD_VERBS.confirmInference, { ownerId: OWNER_ID, interestId: 'i1', confidenceScore: 1.5 })],
    ['a negative confidence score', invoke(CARD_VERBS.confirmInference, { ownerId: OWNER_ID, interestId: 'i1', confidenceScore: -0.1 })],
    ['a confidence score as text', invoke(CARD_VERBS.confirmInference, { ownerId: OWNER_ID, interestId: 'i1', confidenceScore: '0.5' })],
    ['typed input not text', invoke(CARD_VERBS.saveInterest, { ownerId: OWNER_ID, interestId: 'i1', before: draft, displayName: 7 })],
    ['selection with an unknown tag', invoke(CARD_VERBS.saveTags, { ownerId: OWNER_ID, interestId: 'i1', tagsBefore: [], collaborationTags: 'askMeAbout,hacker' })],
    ['undo without token', invoke(CARD_VERBS.undoDelete, { ownerId: OWNER_ID, snapshot: draft })],
    ['add without draft', invoke(CARD_VERBS.confirmAdd, { ownerId: OWNER_ID })],
    ['huge id', invoke(CARD_VERBS.openInterest, { ownerId: OWNER_ID, interestId: 'i'.repeat(10_000) })],
  ])('refuses %s with an error result', (_name, value) => {
    const parsed = parseCardAction(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toEqual(expect.any(String));
  });

  test('never throws, whatever arrives', () => {
    const odd: unknown[] = [null, 0, [], { action: null }, { action: [] }, { action: { type: 'Action.Execute', verb: CARD_VERBS.showList, data: null } }];
    const cyclic: Record<string, unknown> = { ownerId: OWNER_ID };
    cyclic['self'] = cyclic;
    odd.push(invoke(CARD_VERBS.showList, cyclic), invoke(CARD_VERBS.saveInterest, Object.create(null)));
    for (const value of odd) expect(() => parseCardAction(value)).not.toThrow();
  });
});
