import { DEFAULT_DEV_SCOPES, DEV_TENANT, mintDevToken, readBearerClaims } from '../../src/auth/devToken';

const decodePart = (part: string | undefined): unknown => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

describe('development tokens', () => {
  it('mints an unsigned JWT (alg none, empty signature) with the user and default scopes', () => {
    const token = mintDevToken({ oid: 'user-1', name: 'Dev User' }, { now: new Date('2025-01-01T00:00:00Z') });
    const [header, payload, signature] = token.split('.');
    expect(decodePart(header)).toEqual({ alg: 'none', typ: 'JWT' });
    expect(decodePart(payload)).toMatchObject({ oid: 'user-1', sub: 'user-1', name: 'Dev User', scp: DEFAULT_DEV_SCOPES, iat: 1735689600 });
    expect(decodePart(payload)).not.toHaveProperty('exp');
    expect(signature).toBe('');
  });

  it('reads back the user, name, upn, tenant and scopes', () => {
    const token = mintDevToken({ oid: 'user-1', name: 'Dev User', upn: 'dev@contoso.example', scp: 'User.Read' });
    expect(readBearerClaims(`Bearer ${token}`)).toEqual({ ok: true, oid: 'user-1', scp: ['User.Read'], name: 'Dev User', upn: 'dev@contoso.example', tid: DEV_TENANT });
    const otherTenant = mintDevToken({ oid: 'user-2', tid: 'tenant-b' });
    expect(readBearerClaims(`Bearer ${otherTenant}`)).toMatchObject({ ok: true, tid: 'tenant-b' });
    expect(readBearerClaims(`bearer   ${token}  `)).toMatchObject({ ok: true, oid: 'user-1' });
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['Bearer', 'missing'],
    ['Basic abc', 'missing'],
    ['Bearer abc', 'malformed'],
    ['Bearer a.!!!.c', 'malformed'],
    [`Bearer x.${Buffer.from('[1]').toString('base64url')}.`, 'malformed'],
    [`Bearer x.${Buffer.from('{"scp":"User.Read"}').toString('base64url')}.`, 'noUser'],
  ])('refuses %p as %s', (header, reason) => {
    expect(readBearerClaims(header)).toEqual({ ok: false, reason });
  });

  it('honours exp when the token has one', () => {
    const token = mintDevToken({ oid: 'user-1' }, { now: new Date('2025-01-01T00:00:00Z'), expiresInSeconds: 60 });
    expect(readBearerClaims(`Bearer ${token}`, new Date('2025-01-01T00:00:59Z'))).toMatchObject({ ok: true });
    expect(readBearerClaims(`Bearer ${token}`, new Date('2025-01-01T00:01:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });
});
