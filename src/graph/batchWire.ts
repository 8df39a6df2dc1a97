import { z } from 'zod';

/**
 * Graph JSON batching on the wire (learn.microsoft.com/graph/json-batching): at most 20 requests per `POST /$batch`,
 * each `url` relative to the version root (`/me/profile/interests`, never `/beta/...`), a `Content-Type` header
 * whenever there is a body, and answers matched by `id` because their order is not guaranteed.
 *
 * Built by hand rather than with the client library's `BatchRequestContent` (3.0.7): it takes fetch `Request`
 * objects, and on Node 18+ a `Request` cannot hold a relative URL ("Invalid URL", msgraph-sdk-javascript#1451 and
 * #1998); given an absolute URL it strips only scheme and host (`getRequestData`), so the version stays in the
 * inner URL and Graph refuses the item ("Resource not found for the segment 'beta'", #1178, fixed only after 3.0.7).
 * `BatchResponseContent` is not used either: it rebuilds a fetch `Response` per item and re-serialises the body
 * only when the item's header is spelled exactly `Content-Type`, while this code needs status, headers and parsed
 * body as data anyway.
 */
export const MAX_BATCH_STEPS = 20;

export interface BatchStep {
  /** Unique within the batch; the answer carries it back. */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, starting with `/`. */
  readonly url: string;
  readonly body?: Record<string, unknown>;
}

export interface BatchItemResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body, `undefined` when the item has none. */
  readonly body: unknown;
}

export function toBatchRequestBody(steps: readonly BatchStep[]): { requests: Record<string, unknown>[] } {
  if (steps.length > MAX_BATCH_STEPS) throw new RangeError(`A JSON batch holds at most ${MAX_BATCH_STEPS} requests.`);
  return {
    requests: steps.map((step) => ({
      id: step.id,
      method: step.method,
      url: step.url,
      ...(step.body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: step.body } : {}),
    })),
  };
}

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string()).nullish(),
      body: z.unknown().optional(),
    }),
  ),
});

/** The answers by id, or `undefined` when the body is not a batch answer. */
export function parseBatchResponse(body: unknown): Map<string, BatchItemResponse> | undefined {
  const parsed = batchResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return new Map(parsed.data.responses.map((item) => [item.id, { id: item.id, status: item.status, headers: new Headers(item.headers ?? {}), body: item.body }]));
}

/** Consecutive slices of at most `size` items. */
export function chunksOf<T>(items: readonly T[], size: number = MAX_BATCH_STEPS): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
