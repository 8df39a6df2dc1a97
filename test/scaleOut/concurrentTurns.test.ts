import { everythingSaid, type BotProcess } from '../support/botProcess';
import { ADDED_NOTICE, AUDIENCE_QUESTION, CATEGORIES_QUESTION, DESCRIPTION_QUESTION, LINK_QUESTION, NAME_QUESTION, TAGS_QUESTION } from '../support/addDialogWords';
import { asks, startScaleOutEnvironment, type ScaleOutEnvironment } from './scaleOutEnvironment';

let environment: ScaleOutEnvironment;
let slow: BotProcess;
let fast: BotProcess;

beforeAll(async () => {
  environment = await startScaleOutEnvironment();
  [slow, fast] = await Promise.all([environment.startInstance({ throughProxy: true }), environment.startInstance()]);
}, 240_000);
afterAll(async () => {
  await environment?.close();
});

const listsInterests = (method: string, path: string): boolean => method === 'GET' && path.includes('/interests');

// The user sends two answers quickly and the load balancer gives them to different instances. The first is
// held while its instance asks Graph, so the second saves first: the first must then lose its state write, run
// again on top of the second, and reply once, as if the two had arrived one after the other.
it('never lets two simultaneous turns of one conversation overwrite each other', async () => {
  expect(asks(await fast.say('add'), NAME_QUESTION)).toBe(true);

  const held = environment.proxy.holdNext(listsInterests);
  const slowTurn = slow.say('Chess');
  await held.arrived;
  expect(asks(await fast.say('Pottery'), DESCRIPTION_QUESTION)).toBe(true);
  held.release();
  const slowReply = await slowTurn;

  expect(asks(slowReply, CATEGORIES_QUESTION)).toBe(true);
  expect(asks(slowReply, DESCRIPTION_QUESTION)).toBe(false);
  expect(slow.output()).toContain('running it again from fresh state');

  expect(asks(await fast.say('Games'), TAGS_QUESTION)).toBe(true);
  expect(asks(await slow.say('skip'), AUDIENCE_QUESTION)).toBe(true);
  expect(asks(await fast.say('skip'), LINK_QUESTION)).toBe(true);
  expect(everythingSaid(await slow.say('skip'))).toContain('Pottery');
  expect(everythingSaid(await fast.say('yes'))).toContain(ADDED_NOTICE);

  expect(environment.interestsNamed('Chess')).toHaveLength(0);
  const created = environment.interestsNamed('Pottery');
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ description: 'Chess', categories: ['Games'] });
});
