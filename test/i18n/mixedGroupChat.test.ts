/**
 * One group chat, two languages: Alex's Teams speaks French, Megan's German. Whoever asks gets the answer in their
 * own language, the owner's refreshed full view is in the owner's, and a member pressing someone else's card is
 * told so in the member's language. Over HTTP, as Teams sends it.
 */
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { textFor } from '../../src/i18n/text';
import { ALEX, cardsIn, executeActionsOf, MEGAN, startBotHarness, type BotHarness } from '../support/botHarness';
import { visibleTexts } from '../support/visibleTexts';

const GROUP = { conversationId: '19:mixed-languages@thread.v2', conversationType: 'groupChat' } as const;
const french = textFor('fr-FR');
const german = textFor('de-DE');

describe('a group chat where members speak different languages', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ seedUserIds: [ALEX.aadObjectId, MEGAN.aadObjectId] });
  });
  afterAll(async () => harness.close());

  it('answers each asker in their language, refreshes the owner’s view in the owner’s, and refuses a card in the clicker’s', async () => {
    const [alexList] = cardsIn(await harness.say('list', { ...GROUP, from: ALEX, locale: 'fr-FR' }));
    expect(visibleTexts(alexList)).toEqual(expect.arrayContaining([french.t('list.title.owner', { owner: ALEX.name }), french.t('shared.viewNote')]));

    const [meganList] = cardsIn(await harness.say('list', { ...GROUP, from: MEGAN, locale: 'de-DE' }));
    expect(visibleTexts(meganList)).toEqual(expect.arrayContaining([german.t('list.title.owner', { owner: MEGAN.name }), german.t('shared.viewNote')]));

    // Teams asks for Alex's own view of the posted card with Alex's client, in French.
    const refresh = (alexList!['refresh'] as { action: { verb: string; data: Record<string, unknown> } }).action;
    const ownerView = await harness.act(refresh.verb, refresh.data, { ...GROUP, from: ALEX, locale: 'fr-FR', trigger: 'automatic' });
    expect(visibleTexts((ownerView.body as { value: unknown }).value)).toContain(french.t('list.title.own'));

    // Megan opens an interest on Alex's card: the refusal speaks German.
    const open = executeActionsOf(alexList).find((action) => action.verb === CARD_VERBS.openInterest)!;
    const refused = await harness.act(open.verb, open.data, { ...GROUP, from: MEGAN, locale: 'de-DE' });
    expect(visibleTexts((refused.body as { value: unknown }).value)).toContain(german.t('cardAction.notYours.title'));
  });
});
