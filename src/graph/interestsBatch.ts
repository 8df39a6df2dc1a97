import { setTimeout as sleep } from 'node:timers/promises';
import type { InterestDraft } from '../domain/personInterest';
import { isGraphRequestError, type GraphRequestError } from '../errors/graphErrors';
import type { Logger } from '../logger';
import { chunksOf, parseBatchResponse, toBatchRequestBody, type BatchItemResponse, type BatchStep } from './batchWire';
import { failureFromResponse, failureFromUnexpectedResponse } from './graphFailure';
import type { GraphExchange, GraphTransport } from './graphTransport';
import { parseInterestsPage, parseStoredInterest, toCreateBody, type StoredInterest } from './personInterestWire';
import { parseRetryAfterSeconds } from './retryAfter';

type AccessTokenProvider = () => Promise<string>;

/**
 * What became of one draft sent in a batch. Never Graph's message text: `error.kind` and
 * `error.details.graphCode` are what the bot words.
 * - `created`: Graph answered 201 with the interest.
 * - `refused`: Graph answered this item (or the whole batch) with an error; nothing was created.
 * - `throttled`: still 429/503 when the retry bound was reached (`error.details.retryAfterSeconds` says how long
 *   Graph asked to wait); nothing was created.
 * - `unknown`: the batch's answer never arrived (timeout, lost connection, gateway timeout), so Graph may or may
 *   not have created it: re-read the list before sending it again.
 */
export type CreateOutcome =
  | { readonly kind: 'created'; readonly draft: InterestDraft; readonly interest: StoredInterest }
  | { readonly kind: 'refused' | 'throttled' | 'unknown'; readonly draft: InterestDraft; readonly error: GraphRequestError };

/** One user's interests as the caller may see them (Graph applies each item's audience), or why not. */
export type UserInterestsOutcome =
  | { readonly kind: 'read'; readonly userId: string; readonly interests: StoredInterest[] }
  | { readonly kind: 'failed'; readonly userId: string; readonly error: GraphRequestError };

export interface InterestsBatchClient {
  /** Creates the drafts with `POST /$batch`, 20 per request; one outcome per draft, in the drafts' order. */
  createInterests(getToken: AccessTokenProvider, drafts: readonly InterestDraft[]): Promise<CreateOutcome[]>;
  /** Reads `/users/{id}/profile/interests` for each id with ⌈n/20⌉ batch requests; one outcome per id, in order. */
  listInterestsOfUsers(getToken: AccessTokenProvider, userIds: readonly string[]): Promise<UserInterestsOutcome[]>;
}

export interface InterestsBatchOptions {
  /** Rounds of re-sending throttled items (the same bound as the transport's retries). */
  readonly maxRetries: number;
  /** Longest wait before a round; an item asking for longer is reported `throttled` at once. */
  readonly maxRetryWaitSeconds: number;
  readonly logger: Logger;
  /** `$top` for each user's list. */
  readonly listPageSize: number;
  /** Safety cap on pages followed per user. */
  readonly maxPages: number;
}

/** What a step ended with: an answer of its own, or the failure of the batch that carried it. */
type StepResult =
  | { readonly kind: 'answered'; readonly response: BatchItemResponse; readonly clientRequestId: string }
  | { readonly kind: 'noAnswer'; readonly error: GraphRequestError }
  | { readonly kind: 'batchFailed'; readonly error: GraphRequestError };

const BATCH_PATH = '/$batch';
/** Per-item statuses worth sending again: the item was not applied. 504 is left out: a create may have been. */
const RETRYABLE_ITEM_STATUSES = new Set([429, 503]);
/** Wait before re-sending an item whose answer carries no `Retry-After`. */
const DEFAULT_ITEM_RETRY_SECONDS = 1;

/** No answer at all, or a gateway timeout for a write: Graph may have applied what the batch carried. */
const answerMayBeLost = (error: GraphRequestError, method: string): boolean =>
  error.details.status === undefined || (method !== 'GET' && error.details.status === 504);

export function createInterestsBatchOperations(transport: GraphTransport, options: InterestsBatchOptions): InterestsBatchClient {
  const maxRounds = Math.max(0, Math.floor(options.maxRetries));

  /** Sends one batch; every step gets a result, whatever happens to the batch. */
  async function sendChunk(operation: string, getToken: AccessTokenProvider, steps: readonly BatchStep[], results: Map<string, StepResult>): Promise<void> {
    const method = steps[0]?.method ?? 'GET';
    let exchange: GraphExchange;
    try {
      const body = toBatchRequestBody(steps);
      exchange = await transport.send(operation, getToken, BATCH_PATH, (request) => request.post(body));
    } catch (error) {
      // Errors of getToken itself (sign-in needed) are not Graph's and keep their type for the caller.
      if (!isGraphRequestError(error)) throw error;
      const kind = answerMayBeLost(error, method) ? 'noAnswer' : 'batchFailed';
      for (const step of steps) results.set(step.id, { kind, error });
      return;
    }
    const answers = parseBatchResponse(exchange.body);
    for (const step of steps) {
      const response = answers?.get(step.id);
      if (response) {
        results.set(step.id, { kind: 'answered', response, clientRequestId: exchange.clientRequestId });
        continue;
      }
      const problem = answers ? `the answer for request ${step.id} is missing` : 'the body is not a batch answer';
      results.set(step.id, { kind: 'noAnswer', error: transport.reportFailure(operation, failureFromUnexpectedResponse(exchange, problem)) });
    }
  }

  /**
   * Sends the steps in batches of 20, one batch after another, then re-sends the items Graph throttled, after the
   * longest `Retry-After` among them (each item waits at least as long as it was asked), for at most `maxRetries`
   * rounds. An item asking for longer than `maxRetryWaitSeconds` is not re-sent: it ends throttled at once.
   */
  async function runSteps(operation: string, getToken: AccessTokenProvider, steps: readonly BatchStep[]): Promise<Map<string, StepResult>> {
    const results = new Map<string, StepResult>();
    let pending: readonly BatchStep[] = steps;
    for (let round = 0; pending.length > 0; round++) {
      for (const chunk of chunksOf(pending)) await sendChunk(operation, getToken, chunk, results);
      if (round >= maxRounds) break;
      const waits = new Map<BatchStep, number>();
      for (const step of pending) {
        const result = results.get(step.id);
        if (result?.kind !== 'answered' || !RETRYABLE_ITEM_STATUSES.has(result.response.status)) continue;
        const wait = parseRetryAfterSeconds(result.response.headers.get('Retry-After')) ?? DEFAULT_ITEM_RETRY_SECONDS;
        if (wait <= options.maxRetryWaitSeconds) waits.set(step, wait);
      }
      if (waits.size === 0) break;
      const longest = Math.max(...waits.values());
      options.logger.info('Graph batch items throttled; sending them again', { operation, items: waits.size, waitSeconds: longest, round: round + 1 });
      await sleep(longest * 1000);
      pending = [...waits.keys()];
    }
    return results;
  }

  /** The typed error for an item Graph answered with a failure; its message is logged once, never returned. */
  function itemError(operation: string, result: Extract<StepResult, { kind: 'answered' }>): GraphRequestError {
    return transport.reportFailure(operation, failureFromResponse(operation, result.response, result.response.body, result.clientRequestId));
  }

  /** An answered item whose 2xx body is not what the operation expects. */
  function unexpectedItem(operation: string, result: Extract<StepResult, { kind: 'answered' }>, problem: string): GraphRequestError {
    const { status, headers } = result.response;
    return transport.reportFailure(operation, failureFromUnexpectedResponse({ operation, status, headers, clientRequestId: result.clientRequestId }, problem));
  }

  /** `sendChunk` records a result for every step it is given, so a missing one is a defect here, not Graph's. */
  const resultOf = (results: ReadonlyMap<string, StepResult>, id: string): StepResult => {
    const result = results.get(id);
    if (!result) throw new Error(`No result was recorded for batch step ${id}.`);
    return result;
  };

  return {
    async createInterests(getToken, drafts) {
      const operation = 'create interests (batch)';
      const steps: BatchStep[] = drafts.map((draft, index) => ({ id: String(index + 1), method: 'POST', url: '/me/profile/interests', body: toCreateBody(draft) }));
      const results = await runSteps(operation, getToken, steps);
      return drafts.map((draft, index): CreateOutcome => {
        const result = resultOf(results, String(index + 1));
        if (result.kind === 'noAnswer') return { kind: 'unknown', draft, error: result.error };
        if (result.kind === 'batchFailed') return { kind: result.error.kind === 'throttled' ? 'throttled' : 'refused', draft, error: result.error };
        const { status } = result.response;
        if (status === 201 || status === 200) {
          const interest = parseStoredInterest(result.response.body);
          // Graph says it created something it did not describe: only a re-read can tell what.
          return interest ? { kind: 'created', draft, interest } : { kind: 'unknown', draft, error: unexpectedItem(operation, result, 'the body is not a personInterest with an id') };
        }
        const error = itemError(operation, result);
        if (RETRYABLE_ITEM_STATUSES.has(status)) return { kind: 'throttled', draft, error };
        return { kind: status === 504 ? 'unknown' : 'refused', draft, error };
      });
    },

    async listInterestsOfUsers(getToken, userIds) {
      const operation = 'list interests of users (batch)';
      const steps: BatchStep[] = userIds.map((userId, index) => ({
        id: String(index + 1),
        method: 'GET',
        url: `/users/${encodeURIComponent(userId)}/profile/interests?$top=${options.listPageSize}`,
      }));
      const results = await runSteps(operation, getToken, steps);
      const outcomes: UserInterestsOutcome[] = [];
      for (const [index, userId] of userIds.entries()) {
        const result = resultOf(results, String(index + 1));
        if (result.kind !== 'answered') outcomes.push({ kind: 'failed', userId, error: result.error });
        else if (result.response.status !== 200) outcomes.push({ kind: 'failed', userId, error: itemError(operation, result) });
        else outcomes.push(await readAllPages(operation, getToken, userId, result));
      }
      return outcomes;
    },
  };

  /** The first page came in the batch; a user with more interests than one page has the rest read one by one. */
  async function readAllPages(
    operation: string,
    getToken: AccessTokenProvider,
    userId: string,
    first: Extract<StepResult, { kind: 'answered' }>,
  ): Promise<UserInterestsOutcome> {
    const interests: StoredInterest[] = [];
    let page = parseInterestsPage(first.response.body);
    if (!page) return { kind: 'failed', userId, error: unexpectedItem(operation, first, 'the body is not an interests collection') };
    for (let pageNumber = 1; ; pageNumber++) {
      for (const item of page.items) {
        const interest = parseStoredInterest(item);
        if (interest) interests.push(interest);
      }
      if (page.nextLink === undefined) return { kind: 'read', userId, interests };
      const path = transport.pathOf(page.nextLink);
      if (path === undefined || pageNumber >= options.maxPages) {
        return { kind: 'failed', userId, error: unexpectedItem(operation, first, 'the next page link cannot be followed') };
      }
      try {
        const exchange = await transport.send(operation, getToken, path, (request) => request.get());
        page = parseInterestsPage(exchange.body);
        if (!page) return { kind: 'failed', userId, error: transport.reportFailure(operation, failureFromUnexpectedResponse(exchange, 'the body is not an interests collection')) };
      } catch (error) {
        if (!isGraphRequestError(error)) throw error;
        return { kind: 'failed', userId, error };
      }
    }
  }
}
