/**
 * Local mode's locale edge: what the Playground posts reaches the bot as a Teams client in the configured language
 * and zone would send it, over real HTTP, and the bot's answer comes back unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asIfFrom, startLocaleEdge } from '../../localMode/localeEdge';
import { createLogger } from '../../src/logger';

describe('the local-mode locale edge', () => {
  it('sets locale and clientInfo, keeps the rest, and returns the answer as it came', async () => {
    const received: unknown[] = [];
    const bot = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(200, { 'content-type': 'application/json', 'x-bot': 'yes' });
        response.end('{"status":200,"body":{"ok":true}}');
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    const botEndpoint = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`;
    const edge = await startLocaleEdge({ botEndpoint, locale: 'de-DE', timeZone: 'Europe/Berlin', logger: createLogger({ level: 'silent' }) });
    try {
      const activity = { type: 'message', text: 'liste', locale: 'en-US', entities: [{ type: 'mention', text: '@bot' }, { type: 'clientInfo', locale: 'en-US', platform: 'Web' }] };
      const answer = await fetch(edge.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-bot')).toBe('yes');
      expect(await answer.json()).toEqual({ status: 200, body: { ok: true } });
      expect(received).toEqual([
        {
          type: 'message',
          text: 'liste',
          locale: 'de-DE',
          entities: [{ type: 'mention', text: '@bot' }, { type: 'clientInfo', locale: 'de-DE', platform: 'Web', timezone: 'Europe/Berlin' }],
        },
      ]);
    } finally {
      await edge.close();
      await new Promise<void>((resolve) => bot.close(() => resolve()));
    }
  });

  it('adds a clientInfo entity when the activity has none, and changes only what is configured', () => {
    expect(asIfFrom({ type: 'conversationUpdate' }, undefined, 'Asia/Tokyo')).toEqual({
      type: 'conversationUpdate',
      entities: [{ type: 'clientInfo', timezone: 'Asia/Tokyo' }],
    });
  });
});
