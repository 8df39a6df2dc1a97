/**
 * Card templates (`cardTemplate.ts`): a template must expand to an Adaptive Card; kept expansions are bounded, least
 * recently used dropped first; and the split expansion (the interest card's body and actions expanded apart) gives
 * exactly the card one expansion of the whole template gives, key order included.
 */
import { Template } from 'adaptivecards-templating';
import template from '../../cards/interest.json';
import { defineCachedCardTemplate, defineCachedSplitCardTemplate, defineCardTemplate, withVerbs, withWords } from '../../src/cards/cardTemplate';
import { INTEREST_CARD_ACTIONS } from '../../src/features/interests/cardActions';
import { SOURCE_TEXT } from '../../src/i18n/text';

const plainBody = {
  hasNotice: false,
  notice: '',
  name: 'Chess',
  isSuggestion: false,
  suggestion: 'Suggested for you',
  hasDescription: false,
  description: '',
  hasBadges: false,
  badges: [],
  categories: 'None',
  audience: 'Only me',
  hasLink: false,
  link: 'None',
  lastChanged: '3 Dec 2026',
  created: '1 Dec 2026',
  origin: 'Added by you',
};
const plainActions = {
  ownerId: 'owner-1',
  interestId: 'interest-1',
  isSuggestion: false,
  confirmData: { ownerId: 'owner-1', interestId: 'interest-1', confidenceScore: null },
  hasOpenableLink: false,
  linkUrl: '',
  page: 0,
  hasPersonalChat: false,
  personalChatUrl: '',
};
const everythingBody = {
  ...plainBody,
  hasNotice: true,
  notice: 'Saved.',
  isSuggestion: true,
  suggestion: 'Suggested for you — 72% confidence',
  hasDescription: true,
  description: 'Openings and endgames.',
  hasBadges: true,
  badges: [{ label: 'Ask me about' }, { label: 'Can mentor' }],
  hasLink: true,
  link: 'https://example.com/chess',
};
const everythingActions = {
  ...plainActions,
  isSuggestion: true,
  confirmData: { ownerId: 'owner-1', interestId: 'interest-1', confidenceScore: 0.72 },
  hasOpenableLink: true,
  linkUrl: 'https://example.com/chess',
  page: 2,
  hasPersonalChat: true,
  personalChatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28:app',
};

describe('defineCachedSplitCardTemplate', () => {
  test.each([
    ['a plain interest', plainBody, plainActions],
    ['a suggestion with everything shown', everythingBody, everythingActions],
  ])('gives, for %s, the card one expansion of the whole template gives', (_name, body, actions) => {
    const whole = new Template(withWords(withVerbs(template, INTEREST_CARD_ACTIONS), SOURCE_TEXT)).expand({ $root: { ...body, ...actions } }) as unknown;
    const split = defineCachedSplitCardTemplate<object, object>(template, 4, INTEREST_CARD_ACTIONS)(SOURCE_TEXT, actions.ownerId, body, actions);
    expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
  });

  test('expands again only the part whose view changed, and keeps each owner apart', () => {
    const expand = defineCachedSplitCardTemplate<object, object>(template, 4, INTEREST_CARD_ACTIONS);
    const first = expand(SOURCE_TEXT, 'owner-1', plainBody, plainActions);
    const saved = expand(SOURCE_TEXT, 'owner-1', { ...plainBody, hasDescription: true, description: 'Openings.' }, plainActions);
    expect(saved.actions).toBe(first.actions);
    expect(saved.body).not.toBe(first.body);
    const movedPage = expand(SOURCE_TEXT, 'owner-1', plainBody, { ...plainActions, page: 1 });
    expect(movedPage.body).toBe(first.body);
    expect(movedPage.actions).not.toBe(first.actions);
    expect(expand(SOURCE_TEXT, 'owner-2', plainBody, plainActions).actions).not.toBe(first.actions);
  });

  test('hands out cards no caller can change', () => {
    const card = defineCachedSplitCardTemplate<object, object>(template, 4, INTEREST_CARD_ACTIONS)(SOURCE_TEXT, 'owner-1', plainBody, plainActions);
    expect(() => Object.assign(card, { actions: [] })).toThrow(TypeError);
    expect(() => (card.actions as unknown[]).push({})).toThrow(TypeError);
    expect(() => (card.body as unknown[]).pop()).toThrow(TypeError);
  });
});

describe('defineCardTemplate', () => {
  test.each([
    ['text', '${text}', 'an object'],
    ['nothing', null, 'an object'],
    ['a list', ['${text}'], 'an object'],
    ['an object that is not an AdaptiveCard', { type: 'Container', version: '1.5', body: [] }, 'an AdaptiveCard'],
    ['a card without a version', { type: 'AdaptiveCard', body: [] }, 'an AdaptiveCard'],
    ['a card without a body list', { type: 'AdaptiveCard', version: '1.5', body: { text: '${text}' } }, 'an AdaptiveCard'],
  ])('refuses a template that expands to %s', (_name, payload, expected) => {
    expect(() => defineCardTemplate<{ text: string }>(payload)(SOURCE_TEXT, { text: 'x' })).toThrow(`card template did not expand to ${expected}`);
  });
});

describe('defineCachedCardTemplate', () => {
  test('keeps at most maxEntries expansions, dropping the least recently used', () => {
    const expand = defineCachedCardTemplate<{ text: string }>({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${text}' }] }, 2);
    const a = expand(SOURCE_TEXT, 'owner-1', { text: 'a' });
    const b = expand(SOURCE_TEXT, 'owner-1', { text: 'b' });
    expect(expand(SOURCE_TEXT, 'owner-1', { text: 'a' })).toBe(a);
    expand(SOURCE_TEXT, 'owner-1', { text: 'c' });
    expect(expand(SOURCE_TEXT, 'owner-1', { text: 'a' })).toBe(a);
    expect(expand(SOURCE_TEXT, 'owner-1', { text: 'b' })).not.toBe(b);
  });
});

test('a split card whose actions do not expand to a list is refused', () => {
  const payload = { ...template, actions: '${actions}' } as unknown as { actions: unknown[] };
  expect(() => defineCachedSplitCardTemplate<object, object>(payload, 4)(SOURCE_TEXT, 'owner-1', plainBody, { actions: 'none' })).toThrow(/did not expand to a list/);
});
