import { freePort } from '../support/botProcess';
import { nowSeconds } from '../support/jwt';
import { APP_ID, oauthCardIn, startSsoHarness, type SsoHarness } from './ssoHarness';

const unsigned = (claims: Record<string, unknown>): string =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('inbound Bot Framework authentication (credentials configured)', () => {
  let harness: SsoHarness;
  beforeAll(async () => {
    harness = await startSsoHarness();
  });
  afterAll(() => harness.close());

  it('processes a request that carries a valid channel token', async () => {
    const reply = await harness.send({ type: 'message', text: 'list' });
    expect(reply.status).toBe(200);
    expect(oauthCardIn(reply)).toBeDefined();
  });

  const valid = () => ({ iss: harness.idp.channelIssuer, aud: APP_ID, serviceurl: 'https://smba.trafficmanager.invalid/teams/', nbf: nowSeconds() - 10, exp: nowSeconds() + 600 });

  it.each([
    ['no Authorization header', () => null],
    ['a wrong issuer', () => `Bearer ${harness.channelToken({ iss: 'https://evil.example' })}`],
    ['a wrong audience', () => `Bearer ${harness.channelToken({ aud: 'another-bot' })}`],
    ['an expired token', () => `Bearer ${harness.channelToken({ nbf: nowSeconds() - 7200, exp: nowSeconds() - 3600 })}`],
    ['a bad signature', () => `Bearer ${harness.channelToken({}, { signWithUnknownKey: true })}`],
    ['alg: none', () => `Bearer ${unsigned(valid())}`],
    ['a token for another service URL', () => `Bearer ${harness.channelToken({ serviceurl: 'https://elsewhere.invalid/' })}`],
    ['garbage', () => 'Bearer not.a.jwt'],
  ])('answers 401 to %s and runs no handler', async (_case, authorization) => {
    harness.service.stats.reset();
    const linesBefore = harness.instances[0]!.logLines.length;
    const reply = await harness.send({ type: 'message', text: 'list' }, { authorization: authorization() });
    expect(reply.status).toBe(401);
    expect(reply.activities).toEqual([]);
    expect(harness.service.stats.snapshot().total).toBe(0);
    // The handler logs nothing for a refused request; only the adapter's own refusal may appear.
    expect(harness.instances[0]!.logLines.slice(linesBefore).filter((line) => line.includes('Turn failed'))).toEqual([]);
    // One refusal line, its reason the catalogue's code: no header at all, or a token that does not validate.
    const refusals = harness.instances[0]!.logLines.slice(linesBefore).map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'Request refused');
    expect(refusals).toEqual([expect.objectContaining({ level: 'warn', status: 401, reason: authorization() === null ? 'no-token' : 'token-refused' })]);
  });
});

describe('inbound authentication when the channel metadata cannot be read', () => {
  it('answers 401, runs no handler and stays up', async () => {
    // A port that was just free: nothing listens there, so every metadata request is refused at once.
    const closedPort = await freePort();
    const harness = await startSsoHarness({ channelOpenIdMetadataUrl: `http://127.0.0.1:${closedPort}/.well-known/openidconfiguration` });
    try {
      const reply = await harness.send({ type: 'message', text: 'list' });
      expect(reply.status).toBe(401);
      expect(reply.activities).toEqual([]);
      expect(harness.service.stats.snapshot().total).toBe(0);
      expect((await harness.instances[0]!.harness.send({ type: 'message', text: 'list' }, { headers: {} })).status).toBe(401);
    } finally {
      await harness.close();
    }
  });
});
