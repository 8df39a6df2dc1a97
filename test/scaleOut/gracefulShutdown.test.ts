import { startScaleOutEnvironment, asks, type ScaleOutEnvironment } from './scaleOutEnvironment';
import { CATEGORIES_QUESTION, DESCRIPTION_QUESTION, NAME_QUESTION } from '../support/addDialogWords';

let environment: ScaleOutEnvironment;

beforeAll(async () => {
  environment = await startScaleOutEnvironment();
}, 240_000);
afterAll(async () => {
  await environment?.close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

it('on SIGTERM stops accepting, finishes the turn in flight, keeps its state and exits with 0', async () => {
  const instance = await environment.startInstance({ throughProxy: true });
  expect(asks(await instance.say('add'), NAME_QUESTION)).toBe(true);

  const held = environment.proxy.holdNext((method, path) => method === 'GET' && path.includes('/interests'));
  const inFlight = instance.say('Bird watching');
  await held.arrived;
  const exitCode = instance.stop('SIGTERM');
  await until(() => instance.output().includes('Stopping'), 'the bot to log that it is stopping');

  await expect(fetch(`${instance.url}/healthz`)).rejects.toThrow();
  held.release();
  const reply = await inFlight;
  expect(reply.status).toBe(200);
  expect(asks(reply, DESCRIPTION_QUESTION)).toBe(true);
  expect(await exitCode).toBe(0);

  const next = await environment.startInstance();
  expect(asks(await next.say('Seen at dawn'), CATEGORIES_QUESTION)).toBe(true);
});
