import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKeepAliveFetch } from '../../src/graph/keepAliveFetch';
import { createGraphInterestsClient, type AccessTokenProvider, type GraphInterestsClient, type GraphInterestsClientOptions } from '../../src/graph/interestsClient';
import { mintDevToken } from '../../src/auth/devToken';
import { createLogger, type Logger } from '../../src/logger';
import { startProfileService } from '../../profileService/server';

export type ProfileService = Awaited<ReturnType<typeof startProfileService>>;

/** What went over the wire, as seen by the real fetch underneath the client. */
export interface RecordedExchange {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | null;
  readonly clientRequestId: string | null;
  readonly retryAttempt: string | null;
  readonly body: string | undefined;
  /** Absent when the request never got a response (timeout, refused connection). */
  readonly status?: number;
  readonly responseRequestId?: string | null;
  readonly retryAfter?: string | null;
  /** When the request went out and when its answer was in (ms since the epoch). */
  readonly sentAt: number;
  readonly answeredAt?: number;
}

/** The product's keep-alive transport (the default under the client), with every request and response noted on the way through. */
export function recordingFetch(): { fetch: typeof fetch; exchanges: RecordedExchange[] } {
  const exchanges: RecordedExchange[] = [];
  const send = createKeepAliveFetch();
  const record: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const sent = {
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : String(input),
      authorization: headers.get('Authorization'),
      clientRequestId: headers.get('client-request-id'),
      retryAttempt: headers.get('Retry-Attempt'),
      body: typeof init?.body === 'string' ? init.body : undefined,
      sentAt: Date.now(),
    };
    const index = exchanges.push(sent) - 1;
    const response = await send(input, init);
    exchanges[index] = {
      ...sent,
      status: response.status,
      responseRequestId: response.headers.get('request-id'),
      retryAfter: response.headers.get('Retry-After'),
      answeredAt: Date.now(),
    };
    return response;
  };
  return { fetch: record, exchanges };
}

export interface CapturedLog {
  readonly level: string;
  readonly line: string;
  readonly entry: Record<string, unknown>;
}

export function capturingLogger(): { logger: Logger; lines: CapturedLog[] } {
  const lines: CapturedLog[] = [];
  const logger = createLogger({
    level: 'debug',
    sink: (level, line) => lines.push({ level, line, entry: JSON.parse(line) as Record<string, unknown> }),
  });
  return { logger, lines };
}

export interface ClientUnderTest {
  readonly client: GraphInterestsClient;
  readonly exchanges: RecordedExchange[];
  readonly logs: CapturedLog[];
}

export function clientFor(service: ProfileService, overrides: Partial<GraphInterestsClientOptions> = {}): ClientUnderTest {
  const recorder = recordingFetch();
  const { logger, lines } = capturingLogger();
  const client = createGraphInterestsClient({
    graphBaseUrl: service.graphBaseUrl,
    timeoutMs: 5000,
    maxRetries: 3,
    maxRetryWaitSeconds: 2,
    logger,
    fetch: recorder.fetch,
    ...overrides,
  });
  return { client, exchanges: recorder.exchanges, logs: lines };
}

/** A fresh user per test keeps tests independent on one shared service. */
export function newUser(scp?: string): { oid: string; token: string; getToken: AccessTokenProvider } {
  const oid = randomUUID();
  const token = mintDevToken({ oid, ...(scp !== undefined ? { scp } : {}) });
  return { oid, token, getToken: async () => token };
}

export async function startServiceForTests(): Promise<{ service: ProfileService; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'graph-client-test-'));
  const service = await startProfileService({ port: 0, dataDir });
  return {
    service,
    stop: async () => {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Awaits a promise expected to reject and returns the rejection, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
