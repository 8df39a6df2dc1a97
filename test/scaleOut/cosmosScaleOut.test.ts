/**
 * The scale-out scenarios on Cosmos DB: the built bot as separate processes, each with its own Cosmos client
 * (`STORAGE_KIND=cosmos`, read from its environment like in production), on one container of the local stand-in.
 */
import { everythingSaid } from '../support/botProcess';
import { ADDED_NOTICE, AUDIENCE_QUESTION, CATEGORIES_QUESTION, DESCRIPTION_QUESTION, LINK_QUESTION, NAME_QUESTION, TAGS_QUESTION } from '../support/addDialogWords';
import { startCosmos } from '../support/cosmos';
import { asks, startScaleOutEnvironment, type ScaleOutEnvironment, type SharedStorage } from './scaleOutEnvironment';

async function startSharedCosmos(): Promise<SharedStorage> {
  const cosmos = await startCosmos();
  const container = 'bot-state';
  return { botEnvironment: cosmos.botEnvironment(container), config: cosmos.config(container), stop: () => cosmos.stop() };
}

let environment: ScaleOutEnvironment;

beforeAll(async () => {
  environment = await startScaleOutEnvironment(startSharedCosmos);
}, 240_000);
afterAll(async () => {
  await environment?.close();
});

it('continues the add dialog exactly where the user was after the bot process is killed, on Cosmos DB', async () => {
  const conversationId = 'a:personal-alex-restart';
  const first = await environment.startInstance();
  expect(asks(await first.say('add', { conversationId }), NAME_QUESTION)).toBe(true);
  expect(asks(await first.say('Bell ringing', { conversationId }), DESCRIPTION_QUESTION)).toBe(true);
  await first.kill();
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await environment.startInstance();
  expect(second.output()).toContain('Conversation state is kept in Azure Cosmos DB.');
  expect(asks(await second.say('Change ringing in towers', { conversationId }), CATEGORIES_QUESTION)).toBe(true);
  expect(asks(await second.say('Music', { conversationId }), TAGS_QUESTION)).toBe(true);
  expect(asks(await second.say('skip', { conversationId }), AUDIENCE_QUESTION)).toBe(true);
  expect(asks(await second.say('skip', { conversationId }), LINK_QUESTION)).toBe(true);
  expect(everythingSaid(await second.say('skip', { conversationId }))).toContain('Bell ringing');
  expect(everythingSaid(await second.say('yes', { conversationId }))).toContain(ADDED_NOTICE);
  await second.kill();

  const created = environment.interestsNamed('Bell ringing');
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ description: 'Change ringing in towers', categories: ['Music'] });
});

// As in concurrentTurns.test.ts: the first of two quick answers is held at Graph on one instance while the second
// saves on the other, so the first instance's save carries a stale eTag, which Cosmos must refuse.
it('never lets two simultaneous turns on two instances sharing Cosmos DB overwrite each other', async () => {
  const [slow, fast] = await Promise.all([environment.startInstance({ throughProxy: true }), environment.startInstance()]);
  expect(asks(await fast.say('add'), NAME_QUESTION)).toBe(true);

  const held = environment.proxy.holdNext((method, path) => method === 'GET' && path.includes('/interests'));
  const slowTurn = slow.say('Juggling');
  await held.arrived;
  expect(asks(await fast.say('Origami'), DESCRIPTION_QUESTION)).toBe(true);
  held.release();
  const slowReply = await slowTurn;

  expect(asks(slowReply, CATEGORIES_QUESTION)).toBe(true);
  expect(slow.output()).toContain('running it again from fresh state');
  for (const [instance, text, question] of [
    [fast, 'Crafts', TAGS_QUESTION],
    [slow, 'skip', AUDIENCE_QUESTION],
    [fast, 'skip', LINK_QUESTION],
  ] as const) {
    expect(asks(await instance.say(text), question)).toBe(true);
  }
  expect(everythingSaid(await slow.say('skip'))).toContain('Origami');
  expect(everythingSaid(await fast.say('yes'))).toContain(ADDED_NOTICE);

  expect(environment.interestsNamed('Juggling')).toHaveLength(0);
  expect(environment.interestsNamed('Origami')).toEqual([expect.objectContaining({ description: 'Juggling', categories: ['Crafts'] })]);
});
