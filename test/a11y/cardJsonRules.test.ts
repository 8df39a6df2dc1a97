/**
 * The accessibility rules axe cannot see (`cardJsonRules.ts`), over every card the bot can send: the shared case
 * list of realistic and longest data (`test/support/cardCases.ts`), in English and in the pseudo-locale, plus
 * shared-conversation cards mixing interests everyone may see with private ones, and the sign-in card. Then the
 * rules themselves, each shown to catch what it is for; and, through the bot, that a card updated in place (Save,
 * Save tags, Undo, a refused Save) says what happened on its first line.
 */
import { createSignInCard } from '../../src/auth/signInCard';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../src/cards/cardTemplate';
import { renderBulkResultCard } from '../../src/features/bulkAdd/cards/bulkResultCard';
import { renderEditCard } from '../../src/features/interests/cards/editCard';
import { renderHelpersCard } from '../../src/features/helpers/helpersCard';
import { renderInterestCard } from '../../src/features/interests/cards/interestCard';
import { renderListCard } from '../../src/features/interests/cards/listCard';
import { OWNER_ONLY } from '../../src/cards/sharedView';
import type { PersonInterest } from '../../src/domain/personInterest';
import { isVisibleToEveryoneIn } from '../../src/domain/sharedConversation';
import { PSEUDO_LANGUAGE } from '../../src/i18n/languages';
import { SOURCE_TEXT, textFor, type Text } from '../../src/i18n/text';
import { inferred, OWNER_ID, syncedFromUpa, userCreated } from '../cards/fixtures';
import { ALEX, executeActionsOf, startBotHarness, type BotHarness } from '../support/botHarness';
import { EVERYONE, LONGEST_CASES, REALISTIC_CASES, type CardCase } from '../support/cardCases';
import { actionsIn, cardRuleFindings, elementsOf, inputsIn } from './cardJsonRules';

const FIXTURES = [userCreated, syncedFromUpa, inferred];

/**
 * The names a case's card must not show: a shared case ("shared …", "private …") built on a fixture interest not
 * everyone may see hides it and its copies ("Machine learning 3").
 */
function hiddenNamesOf(card: CardCase): string[] {
  if (!/^(shared|private) /.test(card.name)) return [];
  const interest = FIXTURES.find((fixture) => card.name.endsWith(`(${fixture.displayName ?? ''})`));
  return interest !== undefined && !isVisibleToEveryoneIn(interest) ? [interest.displayName ?? ''] : [];
}

const mixed: PersonInterest[] = [
  { ...userCreated, id: 'open-1', displayName: 'Chess', allowedAudiences: 'organization' },
  { ...inferred, id: 'private-1', displayName: 'Salsa dancing', allowedAudiences: 'contacts' },
  { ...userCreated, id: 'private-2', displayName: 'Ukulele', allowedAudiences: 'me' },
  { ...syncedFromUpa, id: 'open-2', displayName: 'Sailing', allowedAudiences: 'everyone' },
];
const PRIVATE_NAMES = ['Salsa dancing', 'Ukulele'];

/** Shared-conversation cards over a profile with both kinds of interest: the shared-view rule's own cases. */
const SHARED_CASES: readonly (CardCase & { hidden: readonly string[] })[] = [
  { template: 'list', name: 'shared list of a mixed profile', render: (text) => renderListCard(text, { interests: mixed, page: 0, ownerId: OWNER_ID, viewers: EVERYONE }), hidden: PRIVATE_NAMES },
  ...mixed.map((interest) => ({
    template: 'interest',
    name: `shared card of ${interest.displayName ?? ''}`,
    render: (text: Text) => renderInterestCard(text, { interest, ownerId: OWNER_ID, viewers: EVERYONE, notice: text.t('interest.saved') }),
    hidden: PRIVATE_NAMES,
  })),
  ...mixed.map((interest) => ({
    template: 'edit',
    name: `shared edit card of ${interest.displayName ?? ''}`,
    render: (text: Text) => renderEditCard(text, { interest, ownerId: OWNER_ID, viewers: EVERYONE }),
    hidden: PRIVATE_NAMES,
  })),
];

/** Cards whose buttons are made of names that may repeat: namesakes must still read apart. */
const NAMESAKE_CASES: readonly CardCase[] = [
  {
    template: 'list',
    name: 'list of namesakes',
    render: (text) => renderListCard(text, { interests: Array.from({ length: 12 }, (_, index) => ({ ...userCreated, id: `same-${index}` })), page: 0, ownerId: OWNER_ID }),
  },
  {
    template: 'code',
    name: 'who can help, two Megans',
    render: (text) =>
      renderHelpersCard(text, {
        topic: 'Chess',
        helpers: {
          mentor: [
            { role: 'mentor', interestName: 'Chess', person: { name: 'Megan Bowen', chatAddress: 'megan@contoso.example' } },
            { role: 'mentor', interestName: 'Chess', person: { name: 'Megan Bowen', chatAddress: 'megan.bowen@fabrikam.example' } },
          ],
          askAbout: [],
          studyPartner: [],
        },
        searched: text.t('helpers.card.role.mentor'),
        notes: [],
      }),
  },
  {
    template: 'bulkResult',
    name: 'bulk result of names alike in their first 40 letters',
    render: (text) =>
      renderBulkResultCard(text, {
        ownerId: OWNER_ID,
        rows: ['a', 'b'].map((end, index) => ({ name: `${'Long name '.repeat(5)}${end}`, outcome: 'created' as const, interestId: `i-${index}` })),
        viewers: OWNER_ONLY,
      }),
  },
];

const LANGUAGES: readonly [string, Text][] = [
  ['en', SOURCE_TEXT],
  [PSEUDO_LANGUAGE, textFor(PSEUDO_LANGUAGE, 'Europe/Berlin')],
];

describe.each(LANGUAGES)('every card, in %s, passes the JSON accessibility rules', (_language, text) => {
  it.each([...REALISTIC_CASES, ...LONGEST_CASES, ...NAMESAKE_CASES].map((card) => [card.name, card] as const))('%s', (_name, card) => {
    expect(cardRuleFindings(card.render(text), { hiddenNames: hiddenNamesOf(card) })).toEqual([]);
  });

  it.each(SHARED_CASES.map((card) => [card.name, card] as const))('%s', (_name, card) => {
    expect(cardRuleFindings(card.render(text), { hiddenNames: card.hidden })).toEqual([]);
  });

  it('the sign-in card is a Bot Framework OAuthCard, drawn by Teams itself, with a button that says what it does; an Adaptive Card would be checked here', () => {
    const attachment = createSignInCard(text, { applicationIdUri: 'api://bot.example/app', botDomain: 'bot.example' });
    if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE) {
      expect(cardRuleFindings(attachment.content as AdaptiveCard)).toEqual([]);
      return;
    }
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.oauth');
    const buttons = (attachment.content as { buttons: { title: string }[] }).buttons;
    expect(buttons.map((button) => button.title)).toEqual([text.t('signIn.button')]);
  });
});

describe('the rules catch what they are for', () => {
  const base = (): AdaptiveCard => renderEditCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
  /** A copy of the card with `change` applied to its first element that `pick` selects. */
  function broken(card: AdaptiveCard, pick: (node: Record<string, unknown>) => boolean, change: (node: Record<string, unknown>) => void): AdaptiveCard {
    const copy = JSON.parse(JSON.stringify(card)) as AdaptiveCard;
    const node = elementsOf(copy).find(pick);
    if (node === undefined) throw new Error('nothing to break');
    change(node);
    return copy;
  }

  it('an input with only a placeholder', () => {
    const card = broken(base(), (node) => node['id'] === 'categories', (node) => delete node['label']);
    expect(cardRuleFindings(card)).toEqual(['input-label: Input.Text "categories" has no label (only a placeholder)']);
  });

  it('a required input not marked, and one without an error message', () => {
    const card = broken(base(), (node) => node['id'] === 'allowedAudiences', (node) => delete node['isRequired']);
    expect(cardRuleFindings(card)).toEqual(['input-required: "allowedAudiences" is required but not marked isRequired']);
    const silent = broken(base(), (node) => node['id'] === 'displayName', (node) => delete node['errorMessage']);
    expect(cardRuleFindings(silent)).toEqual(['input-required: "displayName" is required but has no errorMessage']);
  });

  it('an image without altText', () => {
    const card = { ...base(), body: [...base().body, { type: 'Image', url: 'https://example.com/a.png' }] };
    expect(cardRuleFindings(card)).toEqual(['image-alt: Image https://example.com/a.png has no altText']);
  });

  it('a title that is not a heading, with or without a status line above it', () => {
    const card = broken(base(), (node) => node['style'] === 'heading', (node) => delete node['style']);
    expect(cardRuleFindings(card)).toEqual([`heading: "Edit Chess" looks like the title but is not style: "heading"`]);
    const saved = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID, notice: 'Saved.' });
    expect(cardRuleFindings(broken(saved, (node) => node['style'] === 'heading', (node) => delete node['style']))).toEqual([
      'heading: "Saved." looks like the title but is not style: "heading"',
    ]);
  });

  it('"Chat" ten times, a vague title, an untitled button', () => {
    const people = Array.from({ length: 3 }, (_, index) => ({ role: 'mentor' as const, interestName: 'Chess', person: { name: `Person ${index}`, chatAddress: `p${index}@contoso.example` } }));
    const card = renderHelpersCard(SOURCE_TEXT, { topic: 'Chess', helpers: { mentor: people, askAbout: [], studyPartner: [] }, searched: 's', notes: [] });
    for (const node of elementsOf(card)) if (typeof node['text'] === 'string') node['text'] = node['text'].replace(/^\[Chat with [^\]]*\]/, '[Chat]');
    expect(cardRuleFindings(card)).toEqual(['action-title: "Chat" says nothing read alone', 'action-title: "Chat" says nothing read alone', 'action-title: "Chat" says nothing read alone', 'action-title: 3 different actions are all titled "Chat"']);
    const list = renderListCard(SOURCE_TEXT, { interests: [userCreated, inferred], page: 0, ownerId: OWNER_ID });
    const rows = broken(list, (node) => node['selectAction'] !== undefined, (node) => ((node['selectAction'] as Record<string, unknown>)['title'] = ''));
    expect(cardRuleFindings(rows)).toEqual([`action-title: Action.Execute ${CARD_VERBS.openInterest} has no title`]);
  });

  it('a private interest named in a shared conversation', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: mixed, page: 0, ownerId: OWNER_ID });
    expect(cardRuleFindings(card, { hiddenNames: PRIVATE_NAMES })).toEqual(
      expect.arrayContaining(['shared-view: "Salsa dancing" names a private interest', 'shared-view: "Open Ukulele" names a private interest']),
    );
  });

  it('a badge that is colour alone', () => {
    const list = renderListCard(SOURCE_TEXT, { interests: [inferred], page: 0, ownerId: OWNER_ID });
    const card = broken(list, (node) => node['type'] === 'Container' && node['style'] === 'accent' && JSON.stringify(node).includes('Suggested"'), (node) => {
      node['items'] = [{ type: 'TextBlock', text: '●', size: 'small' }];
    });
    expect(cardRuleFindings(card)).toEqual(['colour-alone: a Container in accent has no words that say what it means']);
  });

  it('an order drawn otherwise than read', () => {
    const row = { type: 'ColumnSet', columns: [{ type: 'Column', horizontalAlignment: 'right', items: [{ type: 'TextBlock', text: 'Suggested' }] }, { type: 'Column', items: [{ type: 'TextBlock', text: 'Chess' }] }] };
    const grid = {
      type: 'Container',
      layouts: [{ type: 'Layout.AreaGrid', areas: [{ name: 'name', column: 2 }, { name: 'badge', column: 1 }] }],
      items: [
        { type: 'TextBlock', text: 'Chess', 'grid.area': 'name' },
        { type: 'TextBlock', text: 'Suggested', 'grid.area': 'badge' },
      ],
    };
    const card: AdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body: [row, grid, { type: 'Container', rtl: true, items: [] }] };
    expect(cardRuleFindings(card)).toEqual([
      "reading-order: a ColumnSet's right-aligned column 1 is read before the column it trails",
      'reading-order: a Layout.AreaGrid draws element 2 before element 1',
      'reading-order: a Container is drawn right to left',
    ]);
  });
});

describe('narrow widths', () => {
  it('a list row opens its interest from its name alone, with nothing beside it, and the list, interest and edit cards ask for the full width', () => {
    const list = renderListCard(SOURCE_TEXT, { interests: [userCreated], page: 0, ownerId: OWNER_ID });
    const buttons = elementsOf(list).filter((node) => node['selectAction'] !== undefined);
    expect(buttons).toHaveLength(1);
    // Only the name inside: a button's spoken name ("Open Chess") must hold every word it shows, so the tags stay out.
    expect(elementsOf({ ...list, body: buttons, actions: [] }).filter((node) => node['type'] !== 'Action.Execute')).toEqual([buttons[0], { type: 'TextBlock', text: userCreated.displayName, weight: 'bolder', wrap: true }]);
    const interest = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
    const edit = renderEditCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
    for (const card of [list, interest, edit]) expect(card['msteams']).toEqual({ width: 'Full' });
  });

  it('the interest card shows tag badges on wide cards and the tags as words narrower', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
    const badges = elementsOf(card).find((node) => node['type'] === 'ColumnSet' && JSON.stringify(node).includes('Ask me about'));
    expect(badges?.['targetWidth']).toBe('atLeast:Wide');
    const line = elementsOf(card).find((node) => node['text'] === 'Tags: Ask me about · Can mentor');
    expect(line?.['targetWidth']).toBe('atMost:Standard');
  });

  it('who can help puts each Chat link under the person it names', () => {
    const card = renderHelpersCard(SOURCE_TEXT, {
      topic: 'Chess',
      helpers: { mentor: [{ role: 'mentor', interestName: 'Chess', person: { name: 'Megan Bowen', jobTitle: 'Engineer', chatAddress: 'megan@contoso.example' } }], askAbout: [], studyPartner: [] },
      searched: 's',
      notes: [],
    });
    const row = elementsOf(card).find((node) => node['type'] === 'Container');
    expect((row?.['items'] as { type: string; text?: string }[]).map((item) => item.text)).toEqual([
      'Megan Bowen',
      'Engineer',
      'Chess',
      '[Chat with Megan Bowen](https://teams.microsoft.com/l/chat/0/0?users=megan%40contoso.example)',
    ]);
  });
});

describe('a card updated in place says what happened on its first line', () => {
  let harness: BotHarness;
  const owner = { ownerId: ALEX.aadObjectId };

  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(() => harness.close());

  const storedNamed = (name: string): PersonInterest & { id: string } => {
    const interest = harness.service.store.listInterests(ALEX.aadObjectId).find((candidate) => candidate.displayName === name);
    if (!interest?.id) throw new Error(`no stored interest named ${name}`);
    return { ...interest, id: interest.id };
  };
  const actForCard = async (verb: string, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const { status, body } = await harness.act(verb, data, { from: ALEX });
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: ADAPTIVE_CARD_CONTENT_TYPE });
    return (body as { value: AdaptiveCard }).value;
  };
  const dataOf = (card: AdaptiveCard, verb: string): Record<string, unknown> => {
    const action = executeActionsOf(card).find((candidate) => candidate.verb === verb);
    if (!action) throw new Error(`no ${verb} on the card`);
    return action.data;
  };
  const firstLine = (card: AdaptiveCard): unknown => (card.body[0] as { text?: unknown }).text;

  it('Save, a refused Save, Save tags, Undo', async () => {
    const interest = storedNamed('Trail running');
    const edit = await actForCard(CARD_VERBS.editInterest, { ...owner, interestId: interest.id });
    const saved = await actForCard(CARD_VERBS.saveInterest, { ...dataOf(edit, CARD_VERBS.saveInterest), description: 'Sundays, long and slow.' });
    expect(firstLine(saved)).toBe(SOURCE_TEXT.t('interest.saved'));
    expect(cardRuleFindings(saved)).toEqual([]);

    const refused = await actForCard(CARD_VERBS.saveInterest, { ...dataOf(edit, CARD_VERBS.saveInterest), displayName: '' });
    expect(firstLine(refused)).toBe(SOURCE_TEXT.t('editCard.fixFields'));
    expect(cardRuleFindings(refused)).toEqual([]);

    const tags = await actForCard(CARD_VERBS.tagInterest, { ...owner, interestId: interest.id });
    const tagged = await actForCard(CARD_VERBS.saveTags, { ...dataOf(tags, CARD_VERBS.saveTags), collaborationTags: 'askMeAbout' });
    expect(firstLine(tagged)).toBe(SOURCE_TEXT.t('interest.saved'));

    const confirm = await actForCard(CARD_VERBS.deleteInterest, { ...owner, interestId: interest.id });
    const deleted = await actForCard(CARD_VERBS.confirmDelete, dataOf(confirm, CARD_VERBS.confirmDelete));
    expect(firstLine(deleted)).toContain('Trail running');
    expect((deleted.body[0] as { style?: unknown }).style).toBe('heading');
    const restored = await actForCard(CARD_VERBS.undoDelete, dataOf(deleted, CARD_VERBS.undoDelete));
    expect(firstLine(restored)).toEqual(expect.any(String));
    expect(firstLine(restored)).not.toBe('Trail running');
    expect((restored.body[1] as { text?: unknown; style?: unknown }).style).toBe('heading');
    expect(cardRuleFindings(restored)).toEqual([]);
  });

  it('every input of the edit card is labelled, and its two required inputs say so', () => {
    const card = renderEditCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
    expect(inputsIn(card).filter((input) => input['isRequired'] === true).map((input) => input['id'])).toEqual(['displayName', 'allowedAudiences']);
  });
});

describe('buttons of a row without a name', () => {
  it('open "Untitled interest", not just "Open"', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: [{ id: 'nameless' }], page: 0, ownerId: OWNER_ID });
    expect(actionsIn(card).map((action) => action['title'])).toEqual([`Open ${SOURCE_TEXT.t('card.untitled')}`]);
    expect(cardRuleFindings(card)).toEqual([]);
  });
});
