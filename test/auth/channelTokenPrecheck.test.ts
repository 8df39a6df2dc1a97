/**
 * The check ahead of the SDK's channel token validation, against the local identity provider's Bot Framework
 * channel metadata over real HTTP: it refuses exactly the tokens the SDK would refuse after finding their signing
 * key, and leaves everything else (other issuers, unknown keys, tokens within the clock tolerance) to the SDK. A
 * token it verified is not verified again until it would expire, but its key must still endorse each activity's channel.
 */
import { AuthenticationError } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { ChannelTokenPrecheck } from '../../src/edge/channelTokenPrecheck';
import { createSigningKey, nowSeconds, signJwt } from '../support/jwt';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../support/localIdentityProvider';
import { APP_ID, APPLICATION_ID_URI } from './ssoHarness';

/** An issuer of Emulator tokens, which the SDK checks against other metadata. */
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

describe('channel token check ahead of the SDK', () => {
  let idp: LocalIdentityProvider;
  let precheck: ChannelTokenPrecheck;
  beforeAll(async () => {
    idp = await startLocalIdentityProvider({ clientId: APP_ID, applicationIdUri: APPLICATION_ID_URI });
    precheck = new ChannelTokenPrecheck(idp.channelOpenIdMetadataUrl);
  });
  afterAll(() => idp.close());

  const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    iss: idp.channelIssuer,
    aud: APP_ID,
    serviceurl: 'https://smba.trafficmanager.invalid/teams/',
    nbf: nowSeconds() - 10,
    exp: nowSeconds() + 600,
    ...overrides,
  });
  const bearer = (token: string): string => `Bearer ${token}`;

  async function expectRefused(check: Promise<void>): Promise<void> {
    const error: unknown = await check.then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).statusCode).toBe(401);
    expect((error as AuthenticationError).message).toBe('Unauthorized. The token could not be validated.');
  }

  it('lets a valid channel token through to the SDK', async () => {
    await expect(precheck.check(bearer(idp.issueChannelToken(claims())), 'msteams')).resolves.toBeUndefined();
  });

  it('lets a token expired by less than the SDK clock tolerance (5 minutes) through', async () => {
    await expect(precheck.check(bearer(idp.issueChannelToken(claims({ exp: nowSeconds() - 120 }))), 'msteams')).resolves.toBeUndefined();
  });

  it('refuses a channel token expired beyond the tolerance', async () => {
    await expectRefused(precheck.check(bearer(idp.issueChannelToken(claims({ nbf: nowSeconds() - 7200, exp: nowSeconds() - 3600 }))), 'msteams'));
  });

  it('refuses a token naming the channel key but signed with another key', async () => {
    await expectRefused(precheck.check(bearer(idp.issueChannelToken(claims(), { signWithUnknownKey: true })), 'msteams'));
  });

  it('refuses a token whose key does not endorse the activity channel, as the SDK does', async () => {
    await expectRefused(precheck.check(bearer(idp.issueChannelToken(claims())), 'webchat'));
  });

  it('leaves a token from another issuer to the SDK, however it is signed', async () => {
    const forged = idp.issueChannelToken(claims({ iss: 'https://evil.example' }), { signWithUnknownKey: true });
    await expect(precheck.check(bearer(forged), 'msteams')).resolves.toBeUndefined();
    const emulator = idp.issueChannelToken(claims({ iss: EMULATOR_ISSUER, ver: '1.0', appid: APP_ID, exp: nowSeconds() - 3600 }));
    await expect(precheck.check(bearer(emulator), 'emulator')).resolves.toBeUndefined();
  });

  it('leaves a token signed with a key it does not know to the SDK, and does not refetch for every such token', async () => {
    const stranger = createSigningKey('not-a-channel-key');
    const before = idp.calls.total;
    for (let i = 0; i < 5; i += 1) {
      await expect(precheck.check(bearer(signJwt(claims(), stranger)), 'msteams')).resolves.toBeUndefined();
    }
    // At most one refresh (metadata and keys) for the unknown key, then the cooldown holds.
    expect(idp.calls.total - before).toBeLessThanOrEqual(2);
  });

  it('leaves headers that are not a single bearer token to the SDK', async () => {
    const token = idp.issueChannelToken(claims({ exp: nowSeconds() - 3600 }));
    await expect(precheck.check(`Basic ${token}`, 'msteams')).resolves.toBeUndefined();
    await expect(precheck.check(`Bearer  ${token}`, 'msteams')).resolves.toBeUndefined();
    await expect(precheck.check('Bearer not.a.jwt', 'msteams')).resolves.toBeUndefined();
  });

  it('leaves the decision to the SDK when the metadata cannot be read', async () => {
    const unreachable = new ChannelTokenPrecheck(`${idp.url}/no-such-metadata`);
    await expect(unreachable.check(bearer(idp.issueChannelToken(claims({ exp: nowSeconds() - 3600 }))), 'msteams')).resolves.toBeUndefined();
  });

  describe('a token seen again', () => {
    afterEach(() => jest.restoreAllMocks());

    it('has its signature verified once, and again once it would have expired', async () => {
      const verify = jest.spyOn(jwt, 'verify');
      const header = bearer(idp.issueChannelToken(claims({ exp: nowSeconds() + 60 })));
      for (let i = 0; i < 3; i += 1) await expect(precheck.check(header, 'msteams')).resolves.toBeUndefined();
      expect(verify).toHaveBeenCalledTimes(1);
      // Past its expiry and the SDK's five minutes of tolerance, it is verified again, and refused.
      const later = Date.now() + (60 + 300 + 5) * 1000;
      jest.spyOn(Date, 'now').mockReturnValue(later);
      await expectRefused(precheck.check(header, 'msteams'));
      expect(verify).toHaveBeenCalledTimes(2);
    });

    it("still needs its key to endorse the activity's channel", async () => {
      const header = bearer(idp.issueChannelToken(claims()));
      await expect(precheck.check(header, 'msteams')).resolves.toBeUndefined();
      await expectRefused(precheck.check(header, 'webchat'));
      await expectRefused(precheck.check(header, undefined));
    });

    it('is refused again when it was refused', async () => {
      const verify = jest.spyOn(jwt, 'verify');
      const header = bearer(idp.issueChannelToken(claims(), { signWithUnknownKey: true }));
      await expectRefused(precheck.check(header, 'msteams'));
      await expectRefused(precheck.check(header, 'msteams'));
      expect(verify).toHaveBeenCalledTimes(2);
    });
  });
});
