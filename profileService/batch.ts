import { z } from 'zod';
import { fail, ok, type Result } from '../src/domain/result';
import { jsonObjectFrom } from './requestBody';
import { API_VERSIONS, firstSegmentOf } from './routes';
import { serviceErrors } from './serviceErrors';
import { assignRequestIds, graphErrorBody, jsonResponse, type RequestIds, type ServiceResponse } from './wire';

/**
 * `POST /beta/$batch`, Graph's JSON batching (learn.microsoft.com/graph/json-batching): up to 20 requests, each
 * `{ id, method, url, headers?, body?, dependsOn? }` with `url` relative to the version root; the answer is 200
 * `{ responses: [{ id, status, headers, body? }] }` whatever the items' outcomes.
 *
 * Each item is answered by the same code as a request on the wire (`answerItem`: fault switches, routing, token and
 * scope, audience rules, validation), with the batch's `Authorization` header, so a batch can do nothing a single
 * request could not. What refuses the whole batch (400): a body that is not a batch, more than 20 requests,
 * duplicate ids (compared case-insensitively, as the docs say), `dependsOn` naming an id not in the batch or forming
 * a cycle, and absolute item URLs (Graph answers "Invalid batch payload format", reported in
 * microsoftgraph/msgraph-sdk-javascript#1451 and microsoft-graph-docs-contrib#8576).
 */
export const MAX_BATCH_REQUESTS = 20;

/** One item, ready to be answered like a request on the wire. */
export interface BatchItemCall {
  readonly method: string;
  /** Path and query below the host, starting with the version: `/beta/me/profile/interests`. */
  readonly target: string;
  readonly ids: RequestIds;
  readonly readBody: () => Promise<Result<Record<string, unknown>, ServiceResponse>>;
}

export interface BatchDeps {
  readonly answerItem: (call: BatchItemCall) => Promise<ServiceResponse>;
  /** Counts an item the batch answered without running it (a refused URL, a failed dependency). */
  readonly recordUnrun: (method: string, target: string, status: number) => void;
  readonly maxBodyBytes: number;
  readonly clock: () => Date;
}

const itemSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string().min(1)).optional(),
});
const batchSchema = z.object({ requests: z.array(z.unknown()) });

type BatchItem = z.infer<typeof itemSchema>;

const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\//i;
const INVALID_PAYLOAD = 'Invalid batch payload format.';
const key = (id: string): string => id.toLowerCase();

function headerOf(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers ?? {}).find(([header]) => header.toLowerCase() === wanted)?.[1];
}

/** The requests in an order where each comes after what it depends on; the whole-batch error otherwise. */
function parseBatch(body: Record<string, unknown>): Result<BatchItem[], ServiceResponse> {
  const batch = batchSchema.safeParse(body);
  if (!batch.success) return fail(serviceErrors.batchPayload(INVALID_PAYLOAD));
  if (batch.data.requests.length > MAX_BATCH_REQUESTS) {
    return fail(serviceErrors.batchPayload(`The batch holds ${batch.data.requests.length} requests; a JSON batch holds at most ${MAX_BATCH_REQUESTS}.`));
  }
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  for (const raw of batch.data.requests) {
    const item = itemSchema.safeParse(raw);
    if (!item.success || ABSOLUTE_URL.test(item.data.url)) return fail(serviceErrors.batchPayload(INVALID_PAYLOAD));
    if (seen.has(key(item.data.id))) return fail(serviceErrors.batchPayload(`The batch holds more than one request with the id '${item.data.id}'.`));
    seen.add(key(item.data.id));
    items.push(item.data);
  }
  for (const item of items) {
    const missing = item.dependsOn?.find((dependency) => !seen.has(key(dependency)));
    if (missing !== undefined) return fail(serviceErrors.batchPayload(`Request '${item.id}' depends on '${missing}', which is not in the batch.`));
  }
  return orderByDependencies(items);
}

function orderByDependencies(items: readonly BatchItem[]): Result<BatchItem[], ServiceResponse> {
  const byId = new Map(items.map((item) => [key(item.id), item]));
  const ordered: BatchItem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: BatchItem): boolean => {
    const id = key(item.id);
    if (state.get(id) === 'done') return true;
    if (state.get(id) === 'visiting') return false;
    state.set(id, 'visiting');
    for (const dependency of item.dependsOn ?? []) {
      const next = byId.get(key(dependency));
      if (next && !visit(next)) return false;
    }
    state.set(id, 'done');
    ordered.push(item);
    return true;
  };
  for (const item of items) {
    if (!visit(item)) return fail(serviceErrors.batchPayload('The dependsOn references of the batch form a cycle.'));
  }
  return ok(ordered);
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

export async function answerBatch(body: Record<string, unknown>, outerClientRequestId: string, deps: BatchDeps): Promise<ServiceResponse> {
  const parsed = parseBatch(body);
  if (!parsed.ok) return parsed.error;
  const items = parsed.value;
  const answers = new Map<string, { item: BatchItem; ids: RequestIds; response: ServiceResponse }>();

  const run = async (item: BatchItem): Promise<void> => {
    const ids = assignRequestIds(headerOf(item.headers, 'client-request-id') ?? outerClientRequestId);
    const method = item.method.toUpperCase();
    const target = `/beta${item.url.startsWith('/') ? '' : '/'}${item.url}`;
    const failedDependency = item.dependsOn?.find((dependency) => {
      const answered = answers.get(key(dependency));
      return !answered || !isSuccess(answered.response.status);
    });
    const versionSegment = firstSegmentOf(item.url);
    let response: ServiceResponse;
    if (failedDependency !== undefined) {
      response = serviceErrors.failedDependency(failedDependency);
      deps.recordUnrun(method, target, response.status);
    } else if (versionSegment !== undefined && API_VERSIONS.includes(versionSegment)) {
      // The URL is relative to the version root, so `/beta/me/...` asks for a segment named `beta`. Graph answers
      // that item 400 "Resource not found for the segment 'v1.0'" (microsoftgraph/msgraph-sdk-javascript#1178,
      // the library keeping the version in inner URLs; msgraph-sdk-python#1015 likewise), not the whole batch.
      response = serviceErrors.versionInBatchUrl(item.url.split(/[/?#]/).find((segment) => segment !== '') ?? versionSegment);
      deps.recordUnrun(method, target, response.status);
    } else if (versionSegment === '$batch') {
      response = serviceErrors.batchPayload('A batch request cannot contain another $batch request.');
      deps.recordUnrun(method, target, response.status);
    } else {
      const contentType = headerOf(item.headers, 'content-type');
      const bytes = item.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof item.body === 'string' ? item.body : JSON.stringify(item.body), 'utf8');
      response = await deps.answerItem({ method, target, ids, readBody: async () => jsonObjectFrom(contentType, bytes, deps.maxBodyBytes) });
    }
    answers.set(key(item.id), { item, ids, response });
  };

  // Items with dependencies run one after another in dependency order; a batch without any runs all at once.
  if (items.some((item) => (item.dependsOn?.length ?? 0) > 0)) {
    for (const item of items) await run(item);
  } else {
    await Promise.all(items.map(run));
  }

  const now = deps.clock();
  // Graph does not promise the order of `responses`; answering in reverse keeps clients from relying on it.
  const responses = [...answers.values()].reverse().map(({ item, ids, response }) => batchResponseItem(item.id, response, ids, now));
  return jsonResponse(200, { responses });
}

function batchResponseItem(id: string, response: ServiceResponse, ids: RequestIds, now: Date): Record<string, unknown> {
  const headers: Record<string, string> = { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, ...response.headers };
  if (response.kind === 'empty') return { id, status: response.status, headers };
  headers['Content-Type'] = 'application/json';
  const body = response.kind === 'json' ? response.body : graphErrorBody(response.code, response.message, ids, now);
  return { id, status: response.status, headers, body };
}
