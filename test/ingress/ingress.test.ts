/**
 * Hostile HTTP against the real bot process, in local mode and in production mode: answers (status, fixed body,
 * headers) and that the process keeps serving. Nothing here measures time: `npm run bench` does.
 */
import zlib from 'node:zlib';
import { mintDevToken } from '../../src/auth/devToken';
import { APP_ID } from '../auth/ssoHarness';
import { ALEX } from '../support/botProcess';
import { nowSeconds } from '../support/jwt';
import { activitiesOf, everythingSaidIn, startIngressBot, textsOf, type IngressBot, type Mode, type RawResponse } from './ingressHarness';

const VALID_ACTIVITY = JSON.stringify({
  type: 'message',
  text: 'help',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.invalid/teams/',
  from: ALEX,
  recipient: { id: `28:${APP_ID}` },
  conversation: { id: 'a:personal-alex', conversationType: 'personal' },
});
const LAST_RESORT = 'Request failed unexpectedly';
const STACK_LINE = /\n\s+at .+:\d+:\d+/;

function expectSecurityHeaders(response: RawResponse, mode: Mode): void {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['cache-control']).toBe('no-store');
  if (mode === 'production') expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  else expect(response.headers['strict-transport-security']).toBeUndefined();
}

/** A refusal: the status, a fixed JSON body with nothing from the request or a parser in it, the headers. */
function expectRefusal(response: RawResponse, status: number, mode: Mode): void {
  expect(response.status).toBe(status);
  const body = JSON.parse(response.body) as { error?: unknown };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatch(/^[A-Z][\w ,.'/-]+\.$/);
  expect(response.body).not.toMatch(/Unexpected|token|position|incorrect header|Z_|at \w+ \(|does not exist/i);
  expectSecurityHeaders(response, mode);
}

const gzipOf = (text: string | Buffer): Buffer => zlib.gzipSync(text);

/**
 * What the bot wrote after `before`, once `marker` has appeared: the child's log lines travel through a pipe and can
 * arrive after the HTTP answer. A short settle afterwards lets any further line of the same request arrive too.
 */
async function outputSince(bot: { output(): string }, before: number, marker: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (!bot.output().slice(before).includes(marker) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return bot.output().slice(before);
}

describe.each<Mode>(['local', 'production'])('ingress in %s mode', (mode) => {
  let ingress: IngressBot;
  beforeAll(async () => {
    ingress = await startIngressBot(mode);
  }, 240_000);
  afterAll(() => ingress?.close());
  afterEach(async () => {
    await ingress.expectServing();
  });

  describe('compressed bodies are refused before they are read', () => {
    const garbage = Buffer.from('this is not gzip at all');
    const truncated = gzipOf(VALID_ACTIVITY).subarray(0, 12);
    // About 20 KB on the wire, 20 MB of JSON whitespace once inflated.
    const bomb = gzipOf(Buffer.concat([Buffer.alloc(20 * 1024 * 1024, 0x20), Buffer.from(VALID_ACTIVITY)]));

    it.each([
      ['gzip garbage', 'gzip', garbage],
      ['a truncated gzip', 'gzip', truncated],
      ['a one-byte gzip body', 'gzip', Buffer.from([0x1f])],
      ['a compressed bomb', 'gzip', bomb],
      ['a valid gzip body', 'gzip', gzipOf(VALID_ACTIVITY)],
      ['deflate', 'deflate', zlib.deflateSync(VALID_ACTIVITY)],
      ['br', 'br', zlib.brotliCompressSync(VALID_ACTIVITY)],
      ['compress', 'compress', garbage],
      ['x-gzip', 'x-gzip', garbage],
      ['an unknown coding', 'rot13', Buffer.from(VALID_ACTIVITY)],
      ['several codings', 'gzip, identity', gzipOf(VALID_ACTIVITY)],
      ['identity then gzip', 'identity, gzip', gzipOf(VALID_ACTIVITY)],
      ['gzip in capitals', 'GZIP', garbage],
    ])('%s: 415', async (_case, encoding, body) => {
      const response = await ingress.post(body, { 'Content-Encoding': encoding, Authorization: ingress.authorization() });
      expectRefusal(response, 415, mode);
    });

    it('identity is read as plain JSON', async () => {
      const response = await ingress.postActivity({ type: 'conversationUpdate', membersAdded: [] });
      expect(response.status).toBe(200);
      const again = await ingress.post(JSON.stringify({ type: 'conversationUpdate', from: ALEX, recipient: { id: `28:${APP_ID}` }, conversation: { id: 'a:x' }, serviceUrl: 'https://smba.trafficmanager.invalid/teams/', channelId: 'msteams', deliveryMode: 'expectReplies' }), {
        'Content-Encoding': 'identity',
        ...(ingress.authorization() ? { Authorization: ingress.authorization() } : {}),
      });
      expect(again.status).toBe(200);
    });
  });

  describe('bodies are bounded and errors have fixed wording', () => {
    it.each([
      ['invalid JSON', 400, '{"type": "message", "text": '],
      ['JSON that is not an activity', 400, '[1, 2, 3]'],
      ['an activity without a type', 400, '{"text": "hi"}'],
      ['nesting 100,000 deep', 400, `{"type":"message","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
      ['a body over 256 KB', 413, JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) })],
      ['bytes that are not UTF-8', 400, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ])('%s: %d', async (_case, status, body) => {
      const response = await ingress.post(body);
      expectRefusal(response, status, mode);
    });

    it('a body over 256 KB sent chunked, without Content-Length, is 413 before it ends', async () => {
      // An activity whose text grows by 60 KB a chunk and never ends: only a count kept as the bytes arrive answers it.
      const opening = VALID_ACTIVITY.slice(0, VALID_ACTIVITY.indexOf('"help"') + 1);
      const pieces = [opening, ...Array.from({ length: 5 }, () => 'x'.repeat(60 * 1024))];
      const response = await ingress.postChunked(pieces, { end: false, headers: { Authorization: ingress.authorization() } });
      expectRefusal(response, 413, mode);
    });

    it('a body under 256 KB sent chunked is read', async () => {
      const half = Math.floor(VALID_ACTIVITY.length / 2);
      const response = await ingress.postChunked([VALID_ACTIVITY.slice(0, half), VALID_ACTIVITY.slice(half)], {
        headers: ingress.authorization() ? { Authorization: ingress.authorization() } : {},
      });
      expect(response.status).toBe(200);
    });

    // The activity object is one level; `probe` adds the rest.
    const nestedArrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    it('JSON nested 64 deep is read', async () => {
      const response = await ingress.postActivity({ type: 'message', text: 'cancel', conversation: { id: 'a:depth-64' }, probe: nestedArrays(63) });
      expect(response.status).toBe(200);
      expect(textsOf(response)).toEqual(['Nothing to cancel.']);
    });

    it('JSON nested 65 deep is refused', async () => {
      const before = ingress.bot.output().length;
      const response = await ingress.postActivity({ type: 'message', text: 'cancel', conversation: { id: 'a:depth-65' }, probe: nestedArrays(64) });
      expectRefusal(response, 400, mode);
      const lines = (await outputSince(ingress.bot, before, 'Request refused')).split('\n').filter((line) => line.trim() !== '');
      expect(lines.map((line) => JSON.parse(line) as object)).toEqual([expect.objectContaining({ level: 'warn', reason: 'json-too-deep' })]);
    });

    it('a body that is not JSON is 415', async () => {
      expectRefusal(await ingress.post('type=message', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, mode);
    });

    it('a 404 does not echo the path, and carries the headers', async () => {
      const response = await ingress.get('/api/<script>alert(1)</script>');
      expectRefusal(response, 404, mode);
      expect(response.body).not.toContain('script');
    });

    it('a wrong method gets a fixed answer', async () => {
      const response = await ingress.get('/api/messages');
      expect([404, 405]).toContain(response.status);
      expectRefusal(response, response.status, mode);
    });

    it('/healthz carries the headers', async () => {
      expectSecurityHeaders(await ingress.get('/healthz'), mode);
    });

    if (mode === 'production') {
      it('the sign-in pages carry the headers', async () => {
        const response = await ingress.get('/auth-start.html');
        expect(response.status).toBe(200);
        expectSecurityHeaders(response, mode);
      });

      it('a refused token is one warn line with a reason code, no stack and no token', async () => {
        const before = ingress.bot.output().length;
        const token = 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJldmlsIn0.';
        const response = await ingress.post(VALID_ACTIVITY, { Authorization: `Bearer ${token}` });
        expectRefusal(response, 401, mode);
        const written = await outputSince(ingress.bot, before, 'Request refused');
        const lines = written.split('\n').filter((line) => line.trim() !== '');
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'Request refused', reason: 'token-refused', status: 401 });
        expect(written).not.toContain(token.slice(0, 20));
        expect(written).not.toMatch(STACK_LINE);
      });

      // A token the SDK verifies against a channel key it knows: without a check ahead of it, the SDK writes the
      // error with its stack, or the key as a PEM, to the console before refusing.
      const channelClaims = (overrides: Record<string, unknown>): Record<string, unknown> => ({
        iss: ingress.idp!.channelIssuer,
        aud: APP_ID,
        serviceurl: 'https://smba.trafficmanager.invalid/teams/',
        nbf: nowSeconds() - 10,
        exp: nowSeconds() + 600,
        ...overrides,
      });
      it.each([
        ['an expired token signed with the channel key', () => ingress.idp!.issueChannelToken(channelClaims({ nbf: nowSeconds() - 7200, exp: nowSeconds() - 3600 }))],
        ['a token naming the channel key but signed with another', () => ingress.idp!.issueChannelToken(channelClaims({}), { signWithUnknownKey: true })],
        ['a token not yet valid', () => ingress.idp!.issueChannelToken(channelClaims({ nbf: nowSeconds() + 3600, exp: nowSeconds() + 7200 }))],
        ['a token for a channel its key does not endorse', () => ingress.idp!.issueChannelToken(channelClaims({})), 'webchat'],
      ])('%s is one warn line: no stack, no key, no token', async (_case, tokenFor, channelId = 'msteams') => {
        const before = ingress.bot.output().length;
        const token = tokenFor();
        const activity = JSON.stringify({ ...(JSON.parse(VALID_ACTIVITY) as object), channelId });
        expectRefusal(await ingress.post(activity, { Authorization: `Bearer ${token}` }), 401, mode);
        const written = await outputSince(ingress.bot, before, 'Request refused');
        const lines = written.split('\n').filter((line) => line.trim() !== '');
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'Request refused', reason: 'token-refused', status: 401 });
        expect(written).not.toMatch(STACK_LINE);
        expect(written).not.toMatch(/BEGIN|PUBLIC KEY|expired|Available keys/i);
        for (const part of token.split('.')) expect(written).not.toContain(part.slice(-24));
      });

      it('a request without a token is one warn line', async () => {
        const before = ingress.bot.output().length;
        expectRefusal(await ingress.post(VALID_ACTIVITY), 401, mode);
        const lines = (await outputSince(ingress.bot, before, 'Request refused')).split('\n').filter((line) => line.trim() !== '');
        expect(lines.map((line) => JSON.parse(line) as { level: string; reason: string })).toEqual([expect.objectContaining({ level: 'warn', reason: 'no-token' })]);
      });
    }
  });

  describe('activities without a field every turn needs are refused', () => {
    it.each([
      ['no from', { from: undefined }, 'incomplete-activity'],
      ['a from without an id', { from: { name: ALEX.name, aadObjectId: ALEX.aadObjectId } }, 'incomplete-activity'],
      ['a from that is not an object', { from: 'Alex' }, 'incomplete-activity'],
      ['no conversation', { conversation: undefined }, 'incomplete-activity'],
      ['a conversation without an id', { conversation: { conversationType: 'personal' } }, 'incomplete-activity'],
      ['no channelId', { channelId: undefined }, 'incomplete-activity'],
      ['no serviceUrl', { serviceUrl: undefined }, 'incomplete-activity'],
      ['a channelId that is not a string', { channelId: 7 }, 'invalid-activity'],
      ['a serviceUrl that is not a URL', { serviceUrl: 'not a url' }, 'invalid-activity'],
      ['a serviceUrl that is not http', { serviceUrl: 'file:///etc/passwd' }, 'invalid-activity'],
    ])('%s: 400 and one warn line, no stack', async (_case, fields, reason) => {
      const before = ingress.bot.output().length;
      expectRefusal(await ingress.postActivity({ type: 'message', text: 'list', ...fields }), 400, mode);
      const written = await outputSince(ingress.bot, before, 'Request refused');
      const lines = written.split('\n').filter((line) => line.trim() !== '');
      expect(lines.map((line) => JSON.parse(line) as object)).toEqual([expect.objectContaining({ level: 'warn', msg: 'Request refused', reason, status: 400 })]);
      expect(written).not.toMatch(STACK_LINE);
    });
  });

  describe('ids are checked at the edge', () => {
    const LONG = 'a'.repeat(100_000);
    const LONE = 'abc\uD800def';
    // Controls and bidi overrides in an id would show as something else wherever it is printed.
    const UNSAFE = [
      ['a right-to-left override', 'a\u202Eb'],
      ['a control character', 'a\u0001'],
      ['a right-to-left isolate', 'a\u2067b'],
    ] as const;
    it.each(
      UNSAFE.flatMap(([kind, id]) => [
        [`${kind} in from.id`, { from: { ...ALEX, id } }],
        [`${kind} in from.aadObjectId`, { from: { ...ALEX, aadObjectId: id } }],
        [`${kind} in conversation.id`, { conversation: { id } }],
        [`${kind} in recipient.id`, { recipient: { id } }],
        [`${kind} in channelId`, { channelId: id }],
      ]),
    )('%s: 400', async (_case, fields) => {
      expectRefusal(await ingress.postActivity({ type: 'message', text: 'list', ...fields }), 400, mode);
    });

    it.each([
      ['a 100,000-character aadObjectId', { from: { ...ALEX, aadObjectId: LONG } }],
      ['a 100,000-character from.id', { from: { ...ALEX, id: LONG } }],
      ['a 100,000-character conversation id', { conversation: { id: LONG } }],
      ['a lone surrogate in from.aadObjectId', { from: { ...ALEX, aadObjectId: LONE } }],
      ['a lone surrogate in from.id', { from: { ...ALEX, id: LONE } }],
      ['a lone surrogate in conversation.id', { conversation: { id: LONE } }],
      ['a lone surrogate in recipient.id', { recipient: { id: LONE } }],
      ['an aadObjectId of "."', { from: { ...ALEX, aadObjectId: '.' } }],
      ['an aadObjectId of ".."', { from: { ...ALEX, aadObjectId: '..' } }],
      ['a conversation id of ".."', { conversation: { id: '..' } }],
    ])('%s: 400', async (_case, fields) => {
      // JSON.stringify writes a lone surrogate as a \u escape, which JSON.parse turns back into one.
      expectRefusal(await ingress.postActivity({ type: 'message', text: 'list', ...fields }), 400, mode);
    });
  });

  describe('malformed shapes are ignored', () => {
    it.each([
      ['membersAdded: "x"', { membersAdded: 'x' }],
      ['membersAdded: [null, 1, {}]', { membersAdded: [null, 1, {}] }],
      ['membersRemoved: {}', { membersRemoved: {} }],
    ])('a conversationUpdate with %s is answered 200 without an error', async (_case, fields) => {
      const response = await ingress.postActivity({ type: 'conversationUpdate', ...fields });
      expect(response.status).toBe(200);
      expect(response.body).not.toMatch(/something went wrong/i);
    });

    it('an unknown invoke is answered 501 and logged once at info', async () => {
      const before = ingress.bot.output().length;
      const response = await ingress.postActivity({ type: 'invoke', name: 'composeExtension/unknownThing', value: {} });
      expect(response.status).toBe(200);
      const answer = activitiesOf(response).find((activity) => activity.type === 'invokeResponse');
      expect((answer?.value as { status?: number } | undefined)?.status).toBe(501);
      const lines = (await outputSince(ingress.bot, before, 'Invoke not handled')).split('\n').filter((line) => line.includes('Invoke not handled'));
      expect(lines.map((line) => JSON.parse(line) as { level: string; invokeName: string })).toEqual([
        expect.objectContaining({ level: 'info', invokeName: 'composeExtension/unknownThing' }),
      ]);
    });
  });

  afterAll(() => {
    // None of the known hostile requests reached the last-resort handler, and no stack was written.
    const output = ingress?.bot.output() ?? '';
    expect(output).not.toContain(LAST_RESORT);
    expect(output).not.toMatch(STACK_LINE);
  });
});

describe('ingress: messages and answers (local mode)', () => {
  let ingress: IngressBot;
  beforeAll(async () => {
    ingress = await startIngressBot('local');
  }, 240_000);
  afterAll(() => ingress?.close());
  afterEach(async () => {
    await ingress.expectServing();
  });

  let conversation = 0;
  const say = async (text: string, conversationId = `a:typing-${conversation}`) => {
    const response = await ingress.postActivity({ type: 'message', text, conversation: { id: conversationId, conversationType: 'personal' } });
    expect(response.status).toBe(200);
    return everythingSaidIn(response);
  };

  it.each([
    ['a mention entity without "mentioned"', [{ type: 'mention', text: '<at>Interests</at>' }]],
    ['entities: [{}]', [{}]],
    ['entities: [null]', [null]],
    ['entities: "x"', 'x'],
  ])('%s is ignored and the message is answered', async (_case, entities) => {
    conversation++;
    const response = await ingress.postActivity({ type: 'message', text: '<at>Interests</at> cancel', entities });
    expect(response.status).toBe(200);
    expect(textsOf(response)).toEqual(['Nothing to cancel.']);
  });

  it('<at> × 60,000 gets the "too long" answer', async () => {
    conversation++;
    expect(await say('<at>'.repeat(60_000))).toMatch(/too long/);
  });

  it('a message over 16,000 characters gets the "too long" answer; a pasted list of fifty names does not', async () => {
    conversation++;
    expect(await say('x'.repeat(16_001))).toMatch(/too long/);
    const fifty = Array.from({ length: 50 }, (_, index) => `Interest number ${index} with a fairly long descriptive name here`).join(', ');
    expect(fifty.length).toBeLessThan(16_000);
    expect(await say(fifty)).not.toMatch(/too long/);
  });

  it('a name of invisible characters is refused with the reason; the dialog goes on with a visible one', async () => {
    conversation++;
    expect(await say('add')).toMatch(/name of the interest/);
    const refused = await say('\u200B\u200B\u200B');
    expect(refused).toMatch(/at least one visible character/);
    expect(refused).toMatch(/name of the interest/);
    expect(await say('Origami ✂')).toMatch(/description/);
  });

  it('in the duplicate-name prompt, <script>alert(1)</script> is not choice 1; "1" is', async () => {
    conversation++;
    const existing = ingress.service.store.listInterests(ALEX.aadObjectId)[0]!;
    await say('add');
    expect(await say(existing.displayName!)).toMatch(/already have an interest/);
    const answer = await say('<script>alert(1)</script>');
    expect(answer).not.toMatch(/Which collaboration tags|Which tags should it have/);
    expect(answer).toMatch(/Tag it|tag it or edit it/);
    expect(await say('1')).toMatch(/Which tags should it have|tagged|has no tags/);
  });

  it('in the tag picker, <script>alert(1)</script> is not choice 1', async () => {
    conversation++;
    expect(await say('tag')).toMatch(/Which interest do you want to tag/);
    const answer = await say('<script>alert(1)</script>');
    expect(answer).not.toMatch(/Which tags should it have/);
    expect(await say('1')).toMatch(/Which tags should it have/);
  });

  it('an invoke whose interest id has a lone surrogate or is "." is refused as a malformed card action, never reaching Graph', async () => {
    for (const interestId of ['x\uDC00', '.', '..', 'i'.repeat(100_000)]) {
      const response = await ingress.postActivity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'interest.open', data: { ownerId: ALEX.aadObjectId, interestId } } },
      });
      expect(response.status).toBe(200);
      const answer = activitiesOf(response).find((activity) => activity.type === 'invokeResponse')?.value as { status: number; body: { statusCode: number } };
      expect(answer.status).toBe(200);
      expect(answer.body.statusCode).toBe(400);
    }
  });

  it('an edit that leaves a stored invisible name unchanged saves the other field', async () => {
    const stored = ingress.service.store.listInterests(ALEX.aadObjectId)[0]!;
    // Stored elsewhere (another client, an older bot): Graph holds a name the bot's rules would refuse now.
    const patched = await fetch(`${ingress.service.graphBaseUrl}/me/profile/interests/${stored.id!}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${mintDevToken({ oid: ALEX.aadObjectId })}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: '\u200B' }),
    });
    expect(patched.ok).toBe(true);
    const before = {
      displayName: '\u200B',
      description: stored.description ?? null,
      categories: stored.categories ?? [],
      collaborationTags: [],
      allowedAudiences: 'organization',
      webUrl: stored.webUrl ?? null,
    };
    const response = await ingress.postActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'interest.save',
          data: { ownerId: ALEX.aadObjectId, interestId: stored.id, before, displayName: '\u200B', description: 'Changed description' },
        },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain('Saved.');
    const after = ingress.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.id === stored.id)!;
    expect(after.description).toBe('Changed description');
    expect(after.displayName).toBe('\u200B');
  });

  afterAll(() => {
    expect(ingress?.bot.output() ?? '').not.toContain(LAST_RESORT);
  });
});
