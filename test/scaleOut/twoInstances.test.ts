import { tokenExchangeKey } from '../../src/auth/tokenExchangeDedupe';
import { ADDED_NOTICE, AUDIENCE_QUESTION, CATEGORIES_QUESTION, DESCRIPTION_QUESTION, LINK_QUESTION, NAME_QUESTION, TAGS_QUESTION } from '../support/addDialogWords';
import { claimTokenExchange } from '../support/tokenExchangeClaim';
import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { everythingSaid, type BotProcess } from '../support/botProcess';
import { asks, startScaleOutEnvironment, type ScaleOutEnvironment } from './scaleOutEnvironment';

let environment: ScaleOutEnvironment;
let instances: [BotProcess, BotProcess];

beforeAll(async () => {
  environment = await startScaleOutEnvironment();
  instances = [await environment.startInstance(), await environment.startInstance()];
}, 240_000);
afterAll(async () => {
  await environment?.close();
});

it('continues one dialog whose turns alternate between two instances sharing Blob storage', async () => {
  const script: [string, Parameters<typeof asks>[1]][] = [
    ['add', NAME_QUESTION],
    ['Kite flying', DESCRIPTION_QUESTION],
    ['On windy days', CATEGORIES_QUESTION],
    ['Outdoors', TAGS_QUESTION],
    ['skip', AUDIENCE_QUESTION],
    ['skip', LINK_QUESTION],
  ];
  for (const [index, [text, question]] of script.entries()) {
    expect(asks(await instances[index % 2]!.say(text), question)).toBe(true);
  }
  expect(everythingSaid(await instances[0].say('skip'))).toContain('Kite flying');
  expect(everythingSaid(await instances[1].say('yes'))).toContain(ADDED_NOTICE);

  const created = environment.interestsNamed('Kite flying');
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ description: 'On windy days', categories: ['Outdoors'] });
});

// Every Teams client the user is signed into sends the same signin/tokenExchange, and a load balancer can hand
// each copy to a different instance. Each instance has its own storage client; exactly one claim may win.
it('lets exactly one of two instances claim the same sign-in token exchange', async () => {
  const config = environment.storage.config;
  const [storageOfA, storageOfB] = await Promise.all([createStorage(config, silentLogger), createStorage(config, silentLogger)]);
  for (const exchangeId of ['exchange-1', 'exchange-2', 'exchange-3']) {
    const key = tokenExchangeKey('msteams', 'a:personal-alex', exchangeId);
    const claims = await Promise.all([claimTokenExchange(storageOfA, key), claimTokenExchange(storageOfB, key)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  }
});
