/**
 * The bench client speaks a language only when asked: without the option its activities are what they always were
 * (no locale, no entities); with it, every activity carries Teams' `locale` and a `clientInfo` entity, and an
 * activity's own locale and entities are kept.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchUser, BotClient } from '../../bench/botClient';
import { closeIdleSockets } from '../../bench/httpClient';

describe('the bench client’s locale', () => {
  const received: Record<string, unknown>[] = [];
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        // Two calls: restify, loaded by other suites in the same worker, makes `writeHead` return nothing.
        outgoing.writeHead(200, { 'Content-Type': 'application/json' });
        outgoing.end(JSON.stringify({ activities: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    closeIdleSockets();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const lastSent = (): Record<string, unknown> => received[received.length - 1] ?? {};
  const user = benchUser('locale');

  it('sends no locale and no entities without the option, as every earlier caller did', async () => {
    await new BotClient(url).say(user, 'a:locale', 'list');
    expect(lastSent()).toMatchObject({ type: 'message', text: 'list' });
    expect(lastSent()).not.toHaveProperty('locale');
    expect(lastSent()).not.toHaveProperty('entities');
  });

  it('sends the locale and a clientInfo entity with the time zone on messages and invokes', async () => {
    const german = new BotClient(url, { locale: { locale: 'de-DE', timezone: 'Europe/Berlin' } });
    await german.say(user, 'a:locale', 'list');
    const clientInfo = { type: 'clientInfo', locale: 'de-DE', country: 'DE', timezone: 'Europe/Berlin' };
    expect(lastSent()).toMatchObject({ locale: 'de-DE', entities: [clientInfo] });
    await expect(german.act(user, 'a:locale', 'interest.open', {})).rejects.toThrow(/No invoke response/);
    expect(lastSent()).toMatchObject({ type: 'invoke', locale: 'de-DE', entities: [clientInfo] });
  });

  it('keeps an activity’s own locale and entities, adding clientInfo only where there is none', async () => {
    const german = new BotClient(url, { locale: { locale: 'de-DE', timezone: 'Europe/Berlin' } });
    const mention = { type: 'mention', text: '<at>Interests</at>', mentioned: { id: '28:interests-bot', name: 'Interests' } };
    await german.send(user, 'a:locale', { type: 'message', text: 'list', locale: 'fr-FR', entities: [mention] });
    expect(lastSent()).toMatchObject({ locale: 'fr-FR', entities: [mention, { type: 'clientInfo', locale: 'de-DE' }] });
    const own = { type: 'clientInfo', locale: 'ja-JP', timezone: 'Asia/Tokyo' };
    await german.send(user, 'a:locale', { type: 'message', text: 'list', entities: [own] });
    expect(lastSent()).toMatchObject({ locale: 'de-DE', entities: [own] });
  });
});
