import { everythingSaid } from '../support/botProcess';
import { ADDED_NOTICE, AUDIENCE_QUESTION, CATEGORIES_QUESTION, DESCRIPTION_QUESTION, LINK_QUESTION, NAME_QUESTION, TAGS_QUESTION } from '../support/addDialogWords';
import { asks, startScaleOutEnvironment, type ScaleOutEnvironment } from './scaleOutEnvironment';

let environment: ScaleOutEnvironment;

beforeAll(async () => {
  environment = await startScaleOutEnvironment();
}, 240_000);
afterAll(async () => {
  await environment?.close();
});

it('continues the add dialog exactly where the user was after the bot process is killed', async () => {
  const first = await environment.startInstance();
  expect(asks(await first.say('add'), NAME_QUESTION)).toBe(true);
  expect(asks(await first.say('Basket weaving'), DESCRIPTION_QUESTION)).toBe(true);
  expect(asks(await first.say('Woven things'), CATEGORIES_QUESTION)).toBe(true);
  await first.kill();
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await environment.startInstance();
  expect(asks(await second.say('Crafts, Outdoors'), TAGS_QUESTION)).toBe(true);
  expect(asks(await second.say('skip'), AUDIENCE_QUESTION)).toBe(true);
  await second.kill();

  const third = await environment.startInstance();
  expect(asks(await third.say('skip'), LINK_QUESTION)).toBe(true);
  expect(everythingSaid(await third.say('skip'))).toContain('Basket weaving');
  expect(environment.interestsNamed('Basket weaving')).toHaveLength(0);
  expect(everythingSaid(await third.say('yes'))).toContain(ADDED_NOTICE);

  const created = environment.interestsNamed('Basket weaving');
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ description: 'Woven things', categories: ['Crafts', 'Outdoors'] });
});
