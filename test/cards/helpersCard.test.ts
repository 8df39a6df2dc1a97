import { cardSize, MAX_CARD_BYTES } from '../../src/cards/cardTemplate';
import { MAX_PEOPLE_PER_ROLE, oneOnOneChatUrl, renderHelpersCard, type HelperPerson } from '../../src/features/helpers/helpersCard';
import type { HelperMatch, HelperRole } from '../../src/domain/helperMatching';
import { createHelperCache } from '../../src/features/helpers/helperCache';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { cardText } from '../support/botHarness';

const people = (count: number, role: HelperRole, name: string): HelperMatch<HelperPerson>[] =>
  Array.from({ length: count }, (_, index) => ({ role, interestName: `${name} ${index}`, person: { name: `${name} person ${index}`, chatAddress: `p${index}@contoso.example` } }));

describe('the helpers card', () => {
  it('stays under the card limit with 200 people of maximal names, listing 5 per role and counting the rest', () => {
    const long = 'W'.repeat(300);
    const card = renderHelpersCard(SOURCE_TEXT, {
      topic: long,
      helpers: { mentor: people(100, 'mentor', long), askAbout: people(60, 'askAbout', long), studyPartner: people(40, 'studyPartner', long) },
      searched: 'I looked at the 200 other members of this conversation.',
      notes: ['This conversation has more than 200 other members; I looked at the first 200.'],
    });
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
    const text = cardText(card);
    expect(text).toContain('and 95 more people');
    expect(text).toContain('and 55 more people');
    expect(text).toContain('and 35 more people');
    expect(JSON.stringify(card).match(/\]\(https:\/\/teams\.microsoft\.com\/l\/chat\//g)).toHaveLength(3 * MAX_PEOPLE_PER_ROLE);
  });

  it('shows names literally and links the chat to the UPN, encoded', () => {
    const card = renderHelpersCard(SOURCE_TEXT, {
      topic: '**K8s**',
      helpers: { mentor: [{ role: 'mentor', interestName: '[x](https://evil.example)', person: { name: '_Ann_', chatAddress: 'ann+x@contoso.example' } }], askAbout: [], studyPartner: [] },
      searched: 's',
      notes: [],
    });
    const text = cardText(card);
    expect(text).not.toContain('**K8s**');
    expect(text).not.toContain('[x](https://evil.example)');
    expect(text).toContain(oneOnOneChatUrl('ann+x@contoso.example'));
    expect(oneOnOneChatUrl('ann+x@contoso.example')).toBe('https://teams.microsoft.com/l/chat/0/0?users=ann%2Bx%40contoso.example');
  });
});

describe('the helpers cache', () => {
  it('keeps an entry per (conversation, asker) for its lifetime, and drops the oldest beyond its size', () => {
    let now = 0;
    const cache = createHelperCache<string>({ ttlMs: 1000, maxEntries: 2, clock: () => new Date(now) });
    cache.set('c', 'alex', 'A');
    expect(cache.get('c', 'alex')).toBe('A');
    expect(cache.get('c', 'megan')).toBeUndefined();
    expect(cache.get('other', 'alex')).toBeUndefined();
    now = 999;
    expect(cache.get('c', 'alex')).toBe('A');
    now = 1000;
    expect(cache.get('c', 'alex')).toBeUndefined();
    cache.set('c', '1', 'one');
    cache.set('c', '2', 'two');
    cache.set('c', '3', 'three');
    expect(cache.size).toBe(2);
    expect(cache.get('c', '1')).toBeUndefined();
    expect(cache.get('c', '3')).toBe('three');
  });
});
