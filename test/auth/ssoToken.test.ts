import { MemoryStorage } from 'botbuilder';
import { checkSsoToken } from '../../src/auth/ssoToken';
import { tokenExchangeKey } from '../../src/auth/tokenExchangeDedupe';
import { claimTokenExchange } from '../support/tokenExchangeClaim';
import { describeSignInFailure } from '../../src/auth/signInFailure';
import { SOURCE_TEXT } from '../../src/i18n/text';

const encode = (claims: Record<string, unknown>): string =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const expectations = { userObjectId: 'oid-1', tenantId: 'tid-1', audiences: ['api://botid-app', 'app'], nowSeconds: 1_000 };
const good = { oid: 'oid-1', tid: 'tid-1', aud: 'api://botid-app', exp: 2_000 };

describe('SSO token binding', () => {
  it('accepts a token for this user, tenant and app', () => {
    expect(checkSsoToken(encode(good), expectations)).toEqual({ ok: true, value: good });
    expect(checkSsoToken(encode({ ...good, aud: 'app' }), expectations).ok).toBe(true);
  });

  it.each([
    ['another user', { ...good, oid: 'oid-2' }, 'wrongUser'],
    ['another tenant', { ...good, tid: 'tid-2' }, 'wrongTenant'],
    ['another app', { ...good, aud: 'api://botid-other' }, 'wrongAudience'],
    ['an expired token', { ...good, exp: 999 }, 'expired'],
    ['a token expiring this very second', { ...good, exp: 1_000 }, 'expired'],
  ])('refuses %s', (_case, claims, reason) => {
    expect(checkSsoToken(encode(claims), expectations)).toEqual({ ok: false, error: reason });
  });

  it.each(['', 'not-a-jwt', 'a.b.c', `x.${Buffer.from('[]').toString('base64url')}.y`, `x.${Buffer.from('null').toString('base64url')}.y`])('refuses the unreadable token %p', (token) => {
    expect(checkSsoToken(token, expectations)).toEqual({ ok: false, error: 'unreadable' });
  });

  it('refuses any token when the activity carries no AAD object id or tenant', () => {
    expect(checkSsoToken(encode(good), { ...expectations, userObjectId: undefined })).toEqual({ ok: false, error: 'wrongUser' });
    expect(checkSsoToken(encode(good), { ...expectations, tenantId: undefined })).toEqual({ ok: false, error: 'wrongTenant' });
  });
});

describe('token exchange dedupe', () => {
  it('lets exactly one of several identical exchanges through', async () => {
    const storage = new MemoryStorage();
    const key = tokenExchangeKey('msteams', 'conv-1', 'exchange-1');
    const outcomes = await Promise.all([claimTokenExchange(storage, key), claimTokenExchange(storage, key), claimTokenExchange(storage, key)]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await claimTokenExchange(storage, tokenExchangeKey('msteams', 'conv-1', 'exchange-2'))).toBe(true);
  });
});

describe('signin/failure messages', () => {
  it('names the misconfiguration for known failure codes', () => {
    expect(describeSignInFailure(SOURCE_TEXT, 'resourcematchfailed')).toContain('Application ID URI');
    expect(describeSignInFailure(SOURCE_TEXT, 'installedappnotfound')).toContain('installed');
  });
  it('still says something useful for unknown codes', () => {
    expect(describeSignInFailure(SOURCE_TEXT, undefined)).toContain('try again');
    expect(describeSignInFailure(SOURCE_TEXT, 'constructor')).toContain('try again');
  });
});
