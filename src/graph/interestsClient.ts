import type { InterestDraft, InterestPatch, PersonInterest } from '../domain/personInterest';
import type { Logger } from '../logger';
import { failureFromUnexpectedResponse } from './graphFailure';
import { isInterestCopy, toCopyBody, type InterestCopy } from './interestCopyBody';
import { createGraphTransport, type GraphExchange, type GraphTransport } from './graphTransport';
import { createInterestsBatchOperations, type InterestsBatchClient } from './interestsBatch';
import { createPeopleOperations, type PeopleClient } from './peopleClient';
import { parseInterestsPage, parseStoredInterest, toCreateBody, type StoredInterest } from './personInterestWire';

export type { StoredInterest };
export type { CreateOutcome, InterestsBatchClient, UserInterestsOutcome } from './interestsBatch';

/**
 * The Graph client: single calls plus JSON-batched bulk creates and reads of many users (interestsBatch.ts), and
 * the people the user works with (peopleClient.ts).
 */
export type GraphInterestsClient = InterestsClient & InterestsBatchClient & PeopleClient;

/** Supplies a delegated Graph access token for one call. Called once per request, so a renewed token is picked up. */
export type AccessTokenProvider = () => Promise<string>;

/**
 * The user's `personInterest` collection on Graph beta (`/me/profile/interests`). Every method takes the token
 * source of the user it acts for; the client holds no per-user state. Failures throw `GraphRequestError`; an error
 * thrown by `getToken` itself propagates unchanged. Every interest returned has an `id`.
 */
export interface InterestsClient {
  /** Every interest, following `@odata.nextLink` until the last page. */
  list(getToken: AccessTokenProvider): Promise<StoredInterest[]>;
  get(getToken: AccessTokenProvider, id: string): Promise<StoredInterest>;
  /** A new interest from a validated draft, or a copy of one read earlier (Undo: `interestCopyBody.ts`). */
  create(getToken: AccessTokenProvider, draft: InterestDraft | InterestCopy): Promise<StoredInterest>;
  /**
   * PATCHes only `patch` (callers build it with `diffInterest`); an empty patch makes no request and returns `before`.
   * When Graph answers without the entity (204), the interest is read again, so the result is always complete.
   */
  update(getToken: AccessTokenProvider, before: PersonInterest & { id: string }, patch: InterestPatch): Promise<StoredInterest>;
  delete(getToken: AccessTokenProvider, id: string): Promise<void>;
}

export interface GraphInterestsClientOptions {
  /** Graph root including the version, e.g. `https://graph.microsoft.com/beta` or `http://127.0.0.1:PORT/beta`. */
  graphBaseUrl: string;
  /** Limit for one HTTP attempt; a timeout fails the call as `unavailable`. */
  timeoutMs: number;
  /** Retries after 429/503/504 (at most 10). */
  maxRetries: number;
  /** Longest single pause before a retry; when Graph asks for longer the call fails at once, keeping `retryAfterSeconds`. */
  maxRetryWaitSeconds: number;
  logger: Logger;
  fetch?: typeof fetch;
  /** `client-request-id` for each request (a new GUID by default). */
  newRequestId?: () => string;
  /** Safety cap on `@odata.nextLink` pages read by `list` (default 100). */
  maxPages?: number;
  /** `$top` asked for when listing (default `LIST_PAGE_SIZE_REQUESTED`). */
  listPageSize?: number;
}

const INTERESTS_PATH = '/me/profile/interests';
const DEFAULT_MAX_PAGES = 100;
/**
 * Page size asked for when listing. Without `$top` the service pages by 10, so an ordinary profile took several
 * round trips per `list`; one request covers almost every user. `@odata.nextLink` is still followed.
 */
export const LIST_PAGE_SIZE_REQUESTED = 100;

const interestPath = (id: string): string => `${INTERESTS_PATH}/${encodeURIComponent(id)}`;

/** Drops keys whose value is `undefined`, which JSON would leave out anyway, to tell an empty patch from a real one. */
function definedEntries(patch: InterestPatch): InterestPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as InterestPatch;
}

export function createGraphInterestsClient(options: GraphInterestsClientOptions): GraphInterestsClient {
  const transport: GraphTransport = createGraphTransport(options);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const firstListPage = `${INTERESTS_PATH}?$top=${options.listPageSize ?? LIST_PAGE_SIZE_REQUESTED}`;
  const batch = createInterestsBatchOperations(transport, { ...options, listPageSize: options.listPageSize ?? LIST_PAGE_SIZE_REQUESTED, maxPages });

  const unexpected = (exchange: GraphExchange, problem: string): Error =>
    transport.reportFailure(exchange.operation, failureFromUnexpectedResponse(exchange, problem));

  const entityOf = (exchange: GraphExchange): StoredInterest => {
    const interest = parseStoredInterest(exchange.body);
    if (!interest) throw unexpected(exchange, 'the body is not a personInterest with an id');
    return interest;
  };

  const get = async (getToken: AccessTokenProvider, id: string): Promise<StoredInterest> =>
    entityOf(await transport.send('get interest', getToken, interestPath(id), (request) => request.get()));

  return {
    ...batch,
    ...createPeopleOperations(transport),
    async list(getToken) {
      const interests: StoredInterest[] = [];
      let malformedItems = 0;
      let path: string | undefined = firstListPage;
      // Followed by hand rather than with PageIterator: it hands the absolute link to the library's URL parser,
      // which reads only https:// links, and it would reuse one token and client-request-id for every page.
      for (let pageNumber = 1; path !== undefined; pageNumber++) {
        const exchange = await transport.send('list interests', getToken, path, (request) => request.get());
        const page = parseInterestsPage(exchange.body);
        if (!page) throw unexpected(exchange, 'the body is not an interests collection');
        for (const item of page.items) {
          const interest = parseStoredInterest(item);
          if (interest) interests.push(interest);
          else malformedItems++;
        }
        if (page.nextLink === undefined) break;
        if (pageNumber >= maxPages) throw unexpected(exchange, `paging did not end within ${maxPages} pages`);
        path = transport.pathOf(page.nextLink);
        if (path === undefined) throw unexpected(exchange, 'the next page link points outside the Graph base URL');
      }
      if (malformedItems > 0) {
        // Items without an id cannot be shown or edited; the rest of the list is still useful.
        options.logger.warn('Graph interests left out: unexpected shape', { operation: 'list interests', count: malformedItems });
      }
      return interests;
    },

    get,

    async create(getToken, draft) {
      const body = isInterestCopy(draft) ? toCopyBody(draft.copyOf) : toCreateBody(draft);
      return entityOf(await transport.send('create interest', getToken, INTERESTS_PATH, (request) => request.post(body)));
    },

    async update(getToken, before, patch) {
      const changes = definedEntries(patch);
      if (Object.keys(changes).length === 0) return before;
      const exchange = await transport.send('update interest', getToken, interestPath(before.id), (request) => request.patch(changes));
      // The docs promise 200 with the updated entity. 204 (or an empty 200) applied the patch but says nothing of
      // the rest, and `before` may hold only what the card carried: read the whole interest back.
      if (exchange.body === undefined) return get(getToken, before.id);
      return entityOf(exchange);
    },

    async delete(getToken, id) {
      await transport.send('delete interest', getToken, interestPath(id), (request) => request.delete());
    },
  };
}
