/** Graph requests per user action, counted at the profile service (`/_dev/stats`), one action at a time. */
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { actionData, benchUser, type BotClient, cardsOf, invokeCard } from './botClient';
import type { BenchContext } from './context';
import { ordinaryDraft, type ProfileData } from './profileData';
import type { Section } from './section';

export interface GraphCount {
  readonly action: string;
  readonly requests: number;
  /** The fewest requests the action can be done with. */
  readonly floor: number;
}

export async function countGraphRequests(bot: BotClient, profile: ProfileData, key = 'bench-counts'): Promise<GraphCount[]> {
  const user = benchUser(key);
  const conversation = `a:${key}`;
  const owner = { ownerId: user.aadObjectId };
  const [first, second] = await profile.createMany(user.aadObjectId, 20, ordinaryDraft);
  const counts: GraphCount[] = [];
  const count = async <T>(action: string, floor: number, run: () => Promise<T>): Promise<T> => {
    await profile.resetStats();
    const result = await run();
    counts.push({ action, requests: await profile.requestCount(), floor });
    return result;
  };

  await count('list', 1, () => bot.say(user, conversation, 'list'));
  await count('open', 1, () => bot.act(user, conversation, CARD_VERBS.openInterest, { ...owner, interestId: first }));
  const edit = invokeCard(await bot.act(user, conversation, CARD_VERBS.editInterest, { ...owner, interestId: first }));
  await count('save (edit card)', 1, async () =>
    invokeCard(await bot.act(user, conversation, CARD_VERBS.saveInterest, { ...actionData(edit, CARD_VERBS.saveInterest), description: 'Changed by the benchmark.' })),
  );
  await count('tag (save tags)', 1, async () =>
    invokeCard(await bot.act(user, conversation, CARD_VERBS.saveTags, { ...owner, interestId: first, tagsBefore: [], collaborationTags: 'askMeAbout,ableToMentor' })),
  );
  const confirm = invokeCard(await bot.act(user, conversation, CARD_VERBS.deleteInterest, { ...owner, interestId: second }));
  // The interest is read again at the click (its audience then decides what the answer may name, and Undo keeps
  // what was really deleted), then deleted: Graph's DELETE answers with no body.
  const deleted = await count('delete (confirm)', 2, async () => invokeCard(await bot.act(user, conversation, CARD_VERBS.confirmDelete, actionData(confirm, CARD_VERBS.confirmDelete))));
  await count('undo delete', 1, async () => invokeCard(await bot.act(user, conversation, CARD_VERBS.undoDelete, actionData(deleted, CARD_VERBS.undoDelete))));
  // The name is checked against the existing interests (one list), then the interest is created (one POST).
  await count('full add dialog', 2, async () => {
    let summary: unknown;
    for (const text of ['add Benchmarking', 'skip', 'skip', 'skip', 'skip', 'skip']) summary = cardsOf(await bot.say(user, `a:${key}-add`, text))[0];
    return invokeCard(await bot.act(user, `a:${key}-add`, CARD_VERBS.confirmAdd, actionData(summary, CARD_VERBS.confirmAdd)));
  });
  return counts;
}

/**
 * The graph floor bot's requests for the same activities: exactly one each, or it is not the floor it claims to be
 * (the product's counts are measured with the same activities in `countGraphRequests`).
 */
export async function countFloorRequests(floor: BotClient, product: BotClient, profile: ProfileData): Promise<GraphCount[]> {
  const key = 'bench-floor-counts';
  const user = benchUser(key);
  const conversation = `a:${key}`;
  const owner = { ownerId: user.aadObjectId };
  const [first, second] = await profile.createMany(user.aadObjectId, 20, ordinaryDraft);
  const edit = invokeCard(await product.act(user, conversation, CARD_VERBS.editInterest, { ...owner, interestId: second }));
  const counts: GraphCount[] = [];
  const count = async (action: string, run: () => Promise<unknown>): Promise<void> => {
    await profile.resetStats();
    await run();
    counts.push({ action, requests: await profile.requestCount(), floor: 1 });
  };
  await count('floor: list', async () => cardsOf(await floor.say(user, conversation, 'list')).length || Promise.reject(new Error('no card from the floor bot')));
  await count('floor: open', async () => invokeCard(await floor.act(user, conversation, CARD_VERBS.openInterest, { ...owner, interestId: first })));
  await count('floor: save', async () => invokeCard(await floor.act(user, conversation, CARD_VERBS.saveInterest, { ...actionData(edit, CARD_VERBS.saveInterest), description: 'Changed by the floor.' })));
  await count('floor: tag', async () => invokeCard(await floor.act(user, conversation, CARD_VERBS.saveTags, { ...owner, interestId: first, tagsBefore: [], collaborationTags: 'askMeAbout' })));
  return counts;
}

export async function graphCountsSection(context: BenchContext): Promise<Section> {
  const product = await countGraphRequests(context.clients.product, context.profile);
  const floor = await countFloorRequests(context.clients.floor, context.clients.product, context.profile);
  const offFloor = product.filter((count) => count.requests !== count.floor);
  const floorWrong = floor.filter((count) => count.requests !== count.floor);
  return {
    id: 'graph-requests',
    title: 'Graph requests per user action (counted at the local profile service)',
    data: { product, floor },
    markdown: ['| action | requests | floor |', '| --- | ---: | ---: |', ...[...product, ...floor].map((count) => `| ${count.action} | ${count.requests} | ${count.floor} |`)],
    targets: [
      { name: 'every action at its Graph floor', met: offFloor.length === 0, detail: offFloor.length ? offFloor.map((count) => `${count.action}: ${count.requests}`).join(', ') : 'all at floor' },
      { name: 'the graph floor bot makes exactly one request per action', met: floorWrong.length === 0, detail: floorWrong.length ? floorWrong.map((count) => `${count.action}: ${count.requests}`).join(', ') : 'one each' },
    ],
  };
}
