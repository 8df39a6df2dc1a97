/**
 * The largest card the bot sends for a user with 500 interests whose every field is at its maximum length, in
 * characters that cost the most bytes: every list page and every card of a few interests through the running bot,
 * and the cards built from a draft (deleted, add summary, edit with errors) rendered directly.
 */
import { renderAddSummaryCard } from '../src/features/interests/cards/addSummaryCard';
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { cardSize, MAX_CARD_BYTES, type AdaptiveCard } from '../src/cards/cardTemplate';
import { renderDeletedCard } from '../src/features/interests/cards/deletedCard';
import { renderEditCard } from '../src/features/interests/cards/editCard';
import { LIST_PAGE_SIZE } from '../src/domain/paging';
import { benchUser, type BotClient, cardsOf, invokeCard } from './botClient';
import type { BenchContext } from './context';
import { maximalDraft, type ProfileData } from './profileData';
import type { Section } from './section';
import { SOURCE_TEXT } from '../src/i18n/text';

export interface CardSizes {
  readonly interests: number;
  readonly limitBytes: number;
  /** Largest size seen per card kind. */
  readonly largestByKind: Record<string, number>;
  readonly largestBytes: number;
  readonly largestKind: string;
}

const INTERESTS = 500;
/** Emoji take 4 bytes each in UTF-8; Markdown and HTML characters are escaped for display, which lengthens them. */
const FILLS = { emoji: '🙂', markup: '*_[]<>&"\\`#' } as const;
const SAMPLED_INTERESTS = 5;

export async function measureCardSizes(bot: BotClient, profile: ProfileData): Promise<CardSizes> {
  const largestByKind: Record<string, number> = {};
  const note = (kind: string, card: unknown): void => {
    largestByKind[kind] = Math.max(largestByKind[kind] ?? 0, cardSize(card as AdaptiveCard));
  };

  for (const [name, fill] of Object.entries(FILLS)) {
    const user = benchUser(`bench-cards-${name}`);
    const conversation = `a:cards-${name}`;
    const owner = { ownerId: user.aadObjectId };
    const ids = await profile.createMany(user.aadObjectId, INTERESTS, (index) => maximalDraft(index, fill));
    note('list (message)', cardsOf(await bot.say(user, conversation, 'list'))[0]);
    for (let page = 0; page < Math.ceil(INTERESTS / LIST_PAGE_SIZE); page++) {
      note('list page', invokeCard(await bot.act(user, conversation, CARD_VERBS.showList, { ...owner, page })));
    }
    for (const interestId of ids.slice(0, SAMPLED_INTERESTS)) {
      note('interest', invokeCard(await bot.act(user, conversation, CARD_VERBS.openInterest, { ...owner, interestId })));
      note('edit', invokeCard(await bot.act(user, conversation, CARD_VERBS.editInterest, { ...owner, interestId })));
      note('tag', invokeCard(await bot.act(user, conversation, CARD_VERBS.tagInterest, { ...owner, interestId })));
      note('delete confirm', invokeCard(await bot.act(user, conversation, CARD_VERBS.deleteInterest, { ...owner, interestId })));
    }
    const draft = maximalDraft(INTERESTS, fill);
    note('deleted (undo)', renderDeletedCard(SOURCE_TEXT, { name: draft.displayName, ownerId: user.aadObjectId, undoToken: 'u'.repeat(43) }));
    note('add summary', renderAddSummaryCard(SOURCE_TEXT, { draft, ownerId: user.aadObjectId }));
    const typed = { displayName: draft.displayName, description: draft.description ?? '', categories: draft.categories.join(', '), webUrl: draft.webUrl ?? '' };
    const errors = [
      { field: 'displayName' as const, message: { key: 'command.notFound' as const, values: { name: draft.displayName } } },
      { field: 'webUrl' as const, message: { key: 'validation.link.invalid' as const } },
    ];
    note('edit with errors', renderEditCard(SOURCE_TEXT, { interest: { ...draft, id: ids[0] ?? 'id' }, ownerId: user.aadObjectId, errors, values: typed }));
  }
  const [largestKind, largestBytes] = Object.entries(largestByKind).reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['none', 0]);
  return { interests: INTERESTS, limitBytes: MAX_CARD_BYTES, largestByKind, largestBytes, largestKind };
}

export async function cardSizesSection(context: BenchContext): Promise<Section> {
  const cards = await measureCardSizes(context.clients.product, context.profile);
  return {
    id: 'card-sizes',
    title: `Largest card (${cards.interests} interests, every field at maximum length)`,
    data: cards,
    markdown: [
      '| card | largest bytes |',
      '| --- | ---: |',
      ...Object.entries(cards.largestByKind).map(([kind, bytes]) => `| ${kind} | ${bytes} |`),
      `| **largest** (${cards.largestKind}) | **${cards.largestBytes}** of ${cards.limitBytes} |`,
    ],
    targets: [{ name: 'no card over 28 KB', met: cards.largestBytes <= cards.limitBytes, detail: `largest ${cards.largestBytes} B (${cards.largestKind})` }],
  };
}
