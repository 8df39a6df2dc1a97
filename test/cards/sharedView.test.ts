import { CARD_VERBS, parseCardAction } from '../../src/app/cardActionRoutes';
import { renderDeleteConfirmCard } from '../../src/features/interests/cards/deleteConfirmCard';
import { renderEditCard } from '../../src/features/interests/cards/editCard';
import { renderWelcomeCard } from '../../src/features/interests/cards/helpCard';
import { renderInterestCard } from '../../src/features/interests/cards/interestCard';
import { renderListCard } from '../../src/features/interests/cards/listCard';
import { OWNER_ONLY, personalChatUrl, type Viewers } from '../../src/cards/sharedView';
import { OWNER_VIEW } from '../../src/features/interests/cardActions';
import { renderTagCard } from '../../src/features/interests/cards/tagCard';
import { SOURCE_TEXT } from '../../src/i18n/text';
import type { AdaptiveCard } from '../../src/cards/cardTemplate';
import type { PersonInterest } from '../../src/domain/personInterest';
import { actionsOf, actionTitled, invokeValueFor, textsOf } from './cardInspection';
import { inferred, OWNER_ID, syncedFromUpa, userCreated } from './fixtures';

const SHARED_VIEW_NOTE = SOURCE_TEXT.t('shared.viewNote');
const NO_SHARED_INTERESTS_TEXT = SOURCE_TEXT.t('shared.noInterests');

const BOT_APP_ID = '28:6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6b';
const EVERYONE: Viewers = { kind: 'everyone', ownerName: 'Alex Wilber', personalChatUrl: '' };
const EVERYONE_WITH_LINK: Viewers = { ...EVERYONE, personalChatUrl: personalChatUrl(BOT_APP_ID) };

/** Private to different degrees; none may appear in a shared conversation. */
const onlyMe: PersonInterest = { ...userCreated, id: 'p-1', displayName: 'Public speaking', description: 'Practising for the keynote.', allowedAudiences: 'me' };
const contactsOnly: PersonInterest = { ...userCreated, id: 'p-2', displayName: 'Trail running', allowedAudiences: 'contacts' };
const noAudience: PersonInterest = { ...userCreated, id: 'p-3', displayName: 'Knitting', allowedAudiences: undefined };
const PRIVATE_NAMES = ['Public speaking', 'Practising for the keynote.', 'Trail running', 'Knitting'];

const everything = (card: AdaptiveCard) => JSON.stringify(card);

type Block = { type: string; text: string; style?: string; items: Block[] };
function accentContainers(node: unknown): Block[] {
  if (Array.isArray(node)) return node.flatMap(accentContainers);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Block;
  const own = record.type === 'Container' && record.style === 'accent' ? [record] : [];
  return [...own, ...Object.values(record).flatMap(accentContainers)];
}
const visibleInterest = { ...userCreated, allowedAudiences: 'everyone' } as PersonInterest;

describe('the list card in a shared conversation', () => {
  const interests = [userCreated, onlyMe, syncedFromUpa, contactsOnly, noAudience];

  test('in personal chat the owner sees every interest', () => {
    const card = renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID, viewers: OWNER_ONLY });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Your interests', 'Chess', 'Sailing', ...PRIVATE_NAMES.filter((name) => !name.endsWith('.')), '5 interests']));
    expect(everything(card)).not.toContain(SHARED_VIEW_NOTE);
  });

  test('posted for everyone it lists only interests everyone may see, and says that, never how many it left out', () => {
    const card = renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID, viewers: EVERYONE });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Alex Wilber’s interests', 'Chess', 'Sailing', '2 interests', SHARED_VIEW_NOTE]));
    expect(everything(card)).not.toMatch(/\b3\b/);
    for (const name of PRIVATE_NAMES) expect(everything(card)).not.toContain(name);
    for (const id of ['p-1', 'p-2', 'p-3']) expect(everything(card)).not.toContain(id);
  });

  test('when nothing is shared it says so in the same words whether or not private interests exist', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: [onlyMe], page: 0, ownerId: OWNER_ID, viewers: EVERYONE });
    expect(textsOf(card)).toEqual(expect.arrayContaining([NO_SHARED_INTERESTS_TEXT, SHARED_VIEW_NOTE]));
    expect(everything(card)).not.toContain('Public speaking');
    expect(card).toEqual(renderListCard(SOURCE_TEXT, { interests: [], page: 0, ownerId: OWNER_ID, viewers: EVERYONE }));
  });

  test('a shared list with private interests is the very card it would be without them', () => {
    const withPrivate = renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID, viewers: EVERYONE });
    const withoutPrivate = renderListCard(SOURCE_TEXT, { interests: interests.filter((interest) => !PRIVATE_NAMES.includes(interest.displayName ?? '')), page: 0, ownerId: OWNER_ID, viewers: EVERYONE });
    expect(withPrivate).toEqual(withoutPrivate);
  });

  test('pages over the shared interests only', () => {
    const shared = Array.from({ length: 12 }, (_, index) => ({ ...userCreated, id: `s-${index}`, displayName: `Shared ${index + 1}` }));
    const mixed = shared.flatMap((interest, index) => [interest, { ...onlyMe, id: `p-${index}`, displayName: `Private ${index + 1}` }]);
    const second = renderListCard(SOURCE_TEXT, { interests: mixed, page: 1, ownerId: OWNER_ID, viewers: EVERYONE });
    expect(textsOf(second)).toEqual(expect.arrayContaining(['Showing 11–12 of 12', 'Shared 11', 'Shared 12', SHARED_VIEW_NOTE]));
    expect(everything(second)).not.toContain('Private');
  });

  test('offers the personal chat with the bot when its Teams id is known', () => {
    const card = renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID, viewers: EVERYONE_WITH_LINK });
    expect(actionTitled(card, 'Open in personal chat')).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'https://teams.microsoft.com/l/chat/0/0?users=28%3A6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6b',
    });
    expect(actionsOf(renderListCard(SOURCE_TEXT, { interests, page: 0, ownerId: OWNER_ID, viewers: EVERYONE })).map((action) => action['title'])).not.toContain(
      'Open in personal chat',
    );
  });
});

describe('cards about one interest in a shared conversation', () => {
  const renderers: [string, (interest: PersonInterest, viewers: Viewers) => AdaptiveCard][] = [
    ['interest', (interest, viewers) => renderInterestCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, viewers, notice: 'Saved.' })],
    ['edit', (interest, viewers) => renderEditCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, viewers })],
    ['tag', (interest, viewers) => renderTagCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, viewers })],
    ['delete confirmation', (interest, viewers) => renderDeleteConfirmCard(SOURCE_TEXT, { interest, ownerId: OWNER_ID, undoToken: 'undo-token', viewers })],
  ];

  test.each(renderers)('the %s card of a private interest is a placeholder with nothing of the interest', (_name, render) => {
    for (const interest of [onlyMe, contactsOnly, noAudience]) {
      const card = render(interest, EVERYONE);
      expect(textsOf(card)).toContain('A private interest');
      for (const name of PRIVATE_NAMES) expect(everything(card)).not.toContain(name);
      expect(actionsOf(card).map((action) => action['verb'] ?? action['type'])).toEqual([CARD_VERBS.showList]);
    }
  });

  test.each(renderers)('the %s card of a shared interest is the full card', (_name, render) => {
    expect(everything(render(visibleInterest, EVERYONE))).toContain('Chess');
  });

  test.each(renderers)('in personal chat the %s card shows a private interest in full', (_name, render) => {
    expect(everything(render(onlyMe, OWNER_ONLY))).toContain('Public speaking');
  });

  test('the placeholder keeps the notice and says where the owner can see the interest', () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: onlyMe, ownerId: OWNER_ID, notice: 'Saved.', viewers: EVERYONE_WITH_LINK, page: 2 });
    expect(textsOf(card)).toEqual(
      expect.arrayContaining(['Saved.', 'This interest is visible to: Only me. So that it stays private, it is not shown in this conversation.']),
    );
    expect(actionTitled(card, 'Open in personal chat')['url']).toBe(personalChatUrl(BOT_APP_ID));
    expect(parseCardAction(invokeValueFor(card, actionTitled(card, 'Back to list')))).toEqual({
      ok: true,
      value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 2 },
    });
  });
});

describe("the owner's view through a user-specific refresh", () => {
  const withRefresh: Viewers = { ...EVERYONE, ownerRefresh: { userId: '29:alex' } };

  test('a shared card asks Teams to refresh it for its owner only', () => {
    const card = renderListCard(SOURCE_TEXT, { interests: [userCreated, onlyMe], page: 1, ownerId: OWNER_ID, viewers: withRefresh });
    expect(card['refresh']).toEqual({
      action: { type: 'Action.Execute', title: 'Show my view', verb: OWNER_VIEW.verb, data: { ownerId: OWNER_ID, card: 'list', page: 0 } },
      userIds: ['29:alex'],
    });
    expect(everything(card)).not.toContain('Public speaking');
  });

  test("the owner's refreshed card is the full view and stays user-specific", () => {
    const card = renderInterestCard(SOURCE_TEXT, { interest: onlyMe, ownerId: OWNER_ID, page: 3, viewers: { kind: 'owner', ownerRefresh: { userId: '29:alex' } } });
    expect(textsOf(card)).toContain('Public speaking');
    expect(actionsOf(card).map((action) => action['title'])).toEqual(expect.arrayContaining(['Edit', 'Tag', 'Delete', 'Back to list']));
    expect(card['refresh']).toMatchObject({ action: { verb: OWNER_VIEW.verb, data: { card: 'interest', interestId: 'p-1', page: 3 } }, userIds: ['29:alex'] });
  });

  test('without an owner refresh no card carries a refresh block', () => {
    expect(renderListCard(SOURCE_TEXT, { interests: [userCreated], page: 0, ownerId: OWNER_ID, viewers: EVERYONE })).not.toHaveProperty('refresh');
    expect(renderInterestCard(SOURCE_TEXT, { interest: onlyMe, ownerId: OWNER_ID, viewers: EVERYONE })).not.toHaveProperty('refresh');
    expect(renderInterestCard(SOURCE_TEXT, { interest: onlyMe, ownerId: OWNER_ID })).not.toHaveProperty('refresh');
  });
});

describe('personalChatUrl and hiddenInterestsText', () => {
  test("links a Teams bot id to Teams' chat deep link, in any letter case", () => {
    expect(personalChatUrl(BOT_APP_ID)).toBe('https://teams.microsoft.com/l/chat/0/0?users=28%3A6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6b');
    expect(personalChatUrl(BOT_APP_ID.toUpperCase())).toBe('https://teams.microsoft.com/l/chat/0/0?users=28%3A6C8C2A5E-1B7E-4A51-9D3B-3A1F2E4D5C6B');
  });

  test.each([
    '',
    '28:interests-bot',
    '29:6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6b',
    '6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6b',
    `${BOT_APP_ID}&x=1`,
    `x${BOT_APP_ID}`,
    // One group short of a GUID, or not hexadecimal, in each of its five places.
    '28:6c8c2a5-1b7e-4a51-9d3b-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7-4a51-9d3b-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7e-4a5-9d3b-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7e-4a51-9d3-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6',
    '28:6c8c2a5g-1b7e-4a51-9d3b-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7g-4a51-9d3b-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7e-4a5g-9d3b-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7e-4a51-9d3g-3a1f2e4d5c6b',
    '28:6c8c2a5e-1b7e-4a51-9d3b-3a1f2e4d5c6g',
  ])('no link for bot id %j', (id) => {
    expect(personalChatUrl(id)).toBe('');
  });

});

describe('back to list and suggestions', () => {
  test('"Back to list" returns to the page the interest was opened from, page 1 when unknown', () => {
    const fromPage3 = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID, page: 2 });
    expect(parseCardAction(invokeValueFor(fromPage3, actionTitled(fromPage3, 'Back to list')))).toEqual({ ok: true, value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 2 } });
    const unknown = renderInterestCard(SOURCE_TEXT, { interest: userCreated, ownerId: OWNER_ID });
    expect(parseCardAction(invokeValueFor(unknown, actionTitled(unknown, 'Back to list')))).toEqual({ ok: true, value: { verb: CARD_VERBS.showList, ownerId: OWNER_ID, page: 0 } });
  });

  test('each row carries the page it is on, and an open action from an older card without a page still parses', () => {
    const many = Array.from({ length: 15 }, (_, index) => ({ ...userCreated, id: `id-${index}`, displayName: `Interest ${index + 1}` }));
    const second = renderListCard(SOURCE_TEXT, { interests: many, page: 1, ownerId: OWNER_ID });
    const row = actionsOf(second).find((action) => action['verb'] === CARD_VERBS.openInterest)!;
    expect(parseCardAction(invokeValueFor(second, row))).toEqual({ ok: true, value: { verb: CARD_VERBS.openInterest, ownerId: OWNER_ID, interestId: 'id-10', page: 1 } });
    const old = { action: { type: 'Action.Execute', verb: CARD_VERBS.openInterest, data: { ownerId: OWNER_ID, interestId: 'id-10' }, id: 'x' }, trigger: 'manual' };
    expect(parseCardAction(old)).toEqual({ ok: true, value: { verb: CARD_VERBS.openInterest, ownerId: OWNER_ID, interestId: 'id-10' } });
  });

  test('the list marks suggestions waiting for confirmation and counts them', () => {
    const confirmed = { ...inferred, id: 'c-1', displayName: 'Confirmed one', inference: { confidenceScore: 0.9, userHasVerifiedAccuracy: true } };
    const card = renderListCard(SOURCE_TEXT, { interests: [userCreated, inferred, confirmed, { ...inferred, id: 'c-2' }], page: 0, ownerId: OWNER_ID });
    expect(textsOf(card)).toContain('2 suggestions are waiting for your confirmation.');
    expect(textsOf(card).filter((text) => text === 'Suggested')).toHaveLength(2);
    const none = renderListCard(SOURCE_TEXT, { interests: [userCreated, confirmed], page: 0, ownerId: OWNER_ID });
    expect(everything(none)).not.toContain('Suggested');
    expect(everything(none)).not.toContain('waiting for your confirmation');
  });

  test('suggestion styling uses semantic container styles, never coloured text on the card background', () => {
    for (const card of [
      renderInterestCard(SOURCE_TEXT, { interest: inferred, ownerId: OWNER_ID }),
      renderListCard(SOURCE_TEXT, { interests: [inferred], page: 0, ownerId: OWNER_ID }),
    ]) {
      expect(everything(card)).not.toContain('"color":"warning"');
      const marked = accentContainers(card).flatMap((container) => container.items).filter((block) => /suggest/i.test(block.text));
      expect(marked.length).toBeGreaterThan(0);
      // Default text colour on the accent container: #333333 on #C7DEF9 is 9.2:1 in the Playground's host config.
      for (const block of marked) expect(block).not.toHaveProperty('color');
    }
  });
});

describe('welcome cards', () => {
  test('in a group chat or channel the welcome says to @mention the bot', () => {
    const text = textsOf(renderWelcomeCard(SOURCE_TEXT, { mentionName: 'Interests' })).join('\n');
    expect(text).toContain('@mention me');
    expect(text).toContain('**@Interests list**');
  });

  test('in personal chat it does not', () => {
    expect(textsOf(renderWelcomeCard(SOURCE_TEXT, { userName: 'Alex', ownerId: OWNER_ID })).join('\n')).not.toContain('@');
  });
});
