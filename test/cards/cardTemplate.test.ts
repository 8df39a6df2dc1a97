/** Card templates (`cardTemplate.ts`): a card template must expand to an Adaptive Card, a card part to a list. */
import { defineCardPart, defineCardTemplate } from '../../src/cards/cardTemplate';
import { SOURCE_TEXT } from '../../src/i18n/text';

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

test('a card part that does not expand to a list is refused', () => {
  expect(() => defineCardPart<{ text: string }>({ type: 'TextBlock', text: '${text}' })(SOURCE_TEXT, { text: 'x' })).toThrow('card part template did not expand to a list');
});
