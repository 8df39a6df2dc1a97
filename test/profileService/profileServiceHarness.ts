import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mintDevToken } from '../../src/auth/devToken';
import { startProfileService, type ProfileServiceOptions, type RunningProfileService } from '../../profileService/server';

export const ALICE = { oid: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa', name: 'Alice Example', upn: 'alice@contoso.example' };
export const BOB = { oid: 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb', name: 'Bob Example', upn: 'bob@contoso.example' };

export const tokenFor = (user: { oid: string; name?: string; upn?: string }, scp?: string): string => mintDevToken({ ...user, scp });

export interface Harness {
  service: RunningProfileService;
  dataDir: string;
  /** fetch against the service with Alice's token unless `token` is given (`null` sends none). */
  call(method: string, pathAndQuery: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  restart(overrides?: Partial<ProfileServiceOptions>): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(overrides: Partial<ProfileServiceOptions> = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'profile-service-'));
  let service = await startProfileService({ dataDir, ...overrides });
  const harness: Harness = {
    get service() {
      return service;
    },
    dataDir,
    async call(method, pathAndQuery, options = {}) {
      const token = options.token === undefined ? tokenFor(ALICE) : options.token;
      const headers: Record<string, string> = { ...(token !== null ? { Authorization: `Bearer ${token}` } : {}) };
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const target = pathAndQuery.startsWith('http') ? pathAndQuery : `${service.url}${pathAndQuery}`;
      return fetch(target, { method, headers: { ...headers, ...options.headers }, body });
    },
    async restart(restartOverrides = {}) {
      await service.close();
      service = await startProfileService({ dataDir, ...overrides, ...restartOverrides });
    },
    async stop() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export const INTERESTS = '/beta/me/profile/interests';

export async function createInterest(harness: Harness, body: Record<string, unknown>, token?: string): Promise<Record<string, unknown>> {
  const response = await harness.call('POST', INTERESTS, { body, token });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A Graph error body, checked for the shape every error must have. */
export async function readGraphError(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
  expect(body.error.innerError['client-request-id']).toBe(response.headers.get('client-request-id'));
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  return { code: body.error.code, message: body.error.message };
}
