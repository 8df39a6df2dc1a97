import { createHmac } from 'node:crypto';
import { mintDevToken } from '../../src/auth/devToken';
import { ALICE, INTERESTS, createInterest, readGraphError, startHarness, tokenFor, type Harness } from './profileServiceHarness';

/** A token as a test identity provider would sign it (HS256), to show signed tokens are read too. */
function signHs256(payload: object, secret: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('profile service: Graph wire conventions, authentication and malformed requests', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness({ clock: () => new Date('2024-09-19T11:52:23.456Z'), maxBodyBytes: 4096 });
  });
  afterEach(() => harness.stop());

  it('sends request-id, client-request-id, Date, Cache-Control and Content-Type on success and error', async () => {
    for (const [method, path] of [['GET', INTERESTS], ['GET', `${INTERESTS}/missing`]] as const) {
      const response = await harness.call(method, path);
      expect(response.headers.get('request-id')).toMatch(GUID);
      expect(response.headers.get('client-request-id')).toBe(response.headers.get('request-id'));
      expect(response.headers.get('date')).toBe('Thu, 19 Sep 2024 11:52:23 GMT');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toBe('application/json');
    }
    const first = await harness.call('GET', INTERESTS);
    const second = await harness.call('GET', INTERESTS);
    expect(first.headers.get('request-id')).not.toBe(second.headers.get('request-id'));
  });

  it('echoes the caller client-request-id in the header and the error body', async () => {
    const response = await harness.call('GET', `${INTERESTS}/missing`, { headers: { 'client-request-id': 'my-correlation-id-1' } });
    expect(response.headers.get('client-request-id')).toBe('my-correlation-id-1');
    const body = (await response.json()) as { error: { innerError: Record<string, string> } };
    expect(body.error.innerError).toEqual({ date: '2024-09-19T11:52:23', 'request-id': response.headers.get('request-id'), 'client-request-id': 'my-correlation-id-1' });
  });

  it('answers 401 InvalidAuthenticationToken without a bearer token or with an unreadable one', async () => {
    for (const token of [null, '', 'not-a-jwt', 'a.b.c']) {
      const response = await harness.call('GET', INTERESTS, { token });
      expect(response.status).toBe(401);
      const error = await readGraphError(response);
      expect(error.code).toBe('InvalidAuthenticationToken');
      if (token === null || token === '') expect(error.message).toBe('Access token is empty.');
    }
    const basic = await harness.call('GET', INTERESTS, { token: null, headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const expired = mintDevToken({ oid: ALICE.oid }, { now: new Date('2024-09-19T10:00:00Z'), expiresInSeconds: 60 });
    const response = await harness.call('GET', INTERESTS, { token: expired });
    expect(response.status).toBe(401);
    expect((await readGraphError(response)).message).toMatch(/expired/);
  });

  it('accepts a signed JWT from another issuer; the user is oid, else sub', async () => {
    const signed = signHs256({ sub: 'sub-only-user', scp: 'User.ReadWrite' }, 'a-test-identity-provider-secret');
    const created = await harness.call('POST', INTERESTS, { token: signed, body: { displayName: 'Signed' } });
    expect(created.status).toBe(201);
    expect(harness.service.store.listInterests('sub-only-user').map((interest) => interest.displayName)).toEqual(['Signed']);
  });

  it('answers 403 Authorization_RequestDenied when writes lack User.ReadWrite or reads lack User.Read', async () => {
    const readOnly = tokenFor(ALICE, 'User.Read');
    const listed = await harness.call('GET', INTERESTS, { token: readOnly });
    expect(listed.status).toBe(200);
    const created = await createInterest(harness, { displayName: 'Chess' });
    for (const [method, path, body] of [
      ['POST', INTERESTS, { displayName: 'x' }],
      ['PATCH', `${INTERESTS}/${String(created.id)}`, { displayName: 'x' }],
      ['DELETE', `${INTERESTS}/${String(created.id)}`, undefined],
    ] as const) {
      const response = await harness.call(method, path, { token: readOnly, body });
      expect(response.status).toBe(403);
      expect((await readGraphError(response)).code).toBe('Authorization_RequestDenied');
    }
    const noScopes = await harness.call('GET', INTERESTS, { token: tokenFor(ALICE, 'Mail.Read') });
    expect(noScopes.status).toBe(403);
    expect(harness.service.store.listInterests(ALICE.oid)).toHaveLength(1);
  });

  it('answers 400 for malformed JSON and for a body that is not an object', async () => {
    const malformed = await harness.call('POST', INTERESTS, { body: '{"displayName": "x",' });
    expect(malformed.status).toBe(400);
    expect((await readGraphError(malformed)).code).toBe('BadRequest');
    for (const body of ['[]', 'null', '"text"', '42']) {
      const response = await harness.call('POST', INTERESTS, { body });
      expect(response.status).toBe(400);
      expect((await readGraphError(response)).code).toBe('RequestBodyRead');
    }
  });

  it('answers 415 for a body that is not application/json', async () => {
    const response = await harness.call('POST', INTERESTS, { headers: { 'Content-Type': 'text/plain' }, body: '{"displayName":"x"}' });
    expect(response.status).toBe(415);
    await readGraphError(response);
    const charset = await harness.call('POST', INTERESTS, { headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: { displayName: 'ok' } });
    expect(charset.status).toBe(201);
  });

  it('answers 413 for an oversized body, stays up, and stores nothing', async () => {
    const response = await harness.call('POST', INTERESTS, { body: { displayName: 'x', description: 'y'.repeat(10_000) } });
    expect(response.status).toBe(413);
    expect((await readGraphError(response)).code).toBe('RequestEntityTooLarge');
    const chunked = await fetch(`${harness.service.url}${INTERESTS}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenFor(ALICE)}`, 'Content-Type': 'application/json' },
      body: new Blob(['{"displayName":"', 'z'.repeat(10_000), '"}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await harness.call('GET', INTERESTS)).status).toBe(200);
    expect(harness.service.store.listInterests(ALICE.oid)).toEqual([]);
  });

  it.each([
    ['/beta/me/profile/skills', 'skills'],
    ['/beta/me/calendar', 'calendar'],
    ['/v1.0/me/profile/interests', 'v1.0'],
    ['/beta/me/profile/interests/some-id/extra', 'extra'],
    ['/_dev/unknown', 'unknown'],
    ['/beta/me/profile/interests/%E0%A4%A', '/beta/me/profile/interests/%E0%A4%A'],
  ])('answers 404 ResourceNotFound for the unknown route %s', async (path, segment) => {
    const response = await harness.call('GET', path);
    expect(response.status).toBe(404);
    expect(await readGraphError(response)).toEqual({ code: 'ResourceNotFound', message: `Resource not found for the segment '${segment}'.` });
  });

  it('answers 405 with Allow for methods a route does not support', async () => {
    for (const [method, path, allow] of [
      ['PUT', INTERESTS, 'GET, POST'],
      ['DELETE', INTERESTS, 'GET, POST'],
      ['POST', `${INTERESTS}/some-id`, 'GET, PATCH, DELETE'],
      ['PUT', '/_dev/stats', 'GET, DELETE'],
    ] as const) {
      const response = await harness.call(method, path);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect((await readGraphError(response)).code).toBe('BadRequest');
    }
  });
});
