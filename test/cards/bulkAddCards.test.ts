import { NAME_BYTES_PER_CARD, renderBulkAddCards } from '../../src/cards/bulkAddCard';
import { renderBulkResultCard } from '../../src/cards/bulkResultCard';
import { parseCardAction } from '../../src/cards/cardActions';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../../src/cards/cardTemplate';
import { checkBulkNames, MAX_BULK_NAMES } from '../../src/domain/bulkNames';
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
  it('fits 100 names of the maximum length (ASCII) into one card under 28 KB, every name carried whole', () => {
    const names = maxLengthNames('x');
    const cards = renderBulkAddCards({ ownerId: OWNER_ID, checks: checkBulkNames(names, []), newBatchId });
    expect(cards).toHaveLength(1);
    expect(cardSize(cards[0]!)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(namesCarried(cards[0]!)).toEqual(names);
  });

  it.each([
    ['CJK (3 bytes a character)', '中'],
    ['emoji (4 bytes a character)', '🎉'],
  ])('spreads 100 maximum-length names in %s over cards that each stay under 28 KB, each name once', (_title, char) => {
    const names = maxLengthNames(char);
    const cards = renderBulkAddCards({ ownerId: OWNER_ID, checks: checkBulkNames(names, []), newBatchId });
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cards.flatMap(namesCarried)).toEqual(names);
    // Each part has its own batch id, so each Create is claimed on its own.
    const batchIds = cards.map((card) => (executeActionsOf(card)[0]!['data'] as { batchId: string }).batchId);
    expect(new Set(batchIds).size).toBe(cards.length);
    // And each part's result card, with every name failed and carried again by Retry, fits too.
    for (const card of cards) {
      const pageNames = namesCarried(card);
      const result = renderBulkResultCard({
        ownerId: OWNER_ID,
        rows: pageNames.map((name) => ({ name, outcome: 'unknown' as const })),
        retry: { batchId: 'retry-1', names: pageNames, collaborationTags: ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'], allowedAudiences: 'federatedOrganizations' },
      });
      expect(cardSize(result)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
    expect(NAME_BYTES_PER_CARD).toBeLessThan(MAX_CARD_BYTES / 2);
  });

  it('fits 100 left-out names of any length', () => {
    const names = Array.from({ length: MAX_BULK_NAMES }, (_, i) => `${i}${'🎉'.repeat(5_000)}`);
    const [card, ...more] = renderBulkAddCards({ ownerId: OWNER_ID, checks: checkBulkNames(names, []), newBatchId });
    expect(more).toHaveLength(0);
    expect(cardSize(card!)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(executeActionsOf(card!)).toHaveLength(0);
  });

  it('fits the result of 100 maximum-length ASCII names, all failed, with Retry carrying them all', () => {
    const names = maxLengthNames('x');
    const card = renderBulkResultCard({
      ownerId: OWNER_ID,
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
    const [card] = renderBulkAddCards({ ownerId: OWNER_ID, checks: checkBulkNames(['Chess', 'Go', 'Jazz'], []), newBatchId });
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
