import type { Logger } from '../src/logger';
import { fail, ok, type Result } from '../src/domain/result';
import { parseCreateBody, parseUpdateBody } from './interestBody';
import { newInterest, updatedInterest, type Caller, type StoredInterest } from './interestEntity';
import type { InterestStore } from './interestStore';
import type { ProfileTarget } from './profileAccess';
import { nextLinkFor, orderInterests, pageOf, parseEntityQuery, parseListQuery, selectProperties } from './listQuery';
import { serviceErrors } from './serviceErrors';
import { SERVICE_LIMITS } from './serviceLimits';
import { emptyResponse, jsonResponse, type ServiceResponse } from './wire';

/** What a personInterest handler knows about its request, already authenticated and routed. */
export interface InterestRequest {
  readonly caller: Caller;
  /** Whose profile, already authorised: the caller's own, or (reads only) a colleague's seen through audiences. */
  readonly profile: ProfileTarget;
  readonly interestId: string | undefined;
  readonly params: URLSearchParams;
  readonly origin: string;
  readonly pathname: string;
  readonly now: Date;
  readonly requestId: string;
  readonly readBody: () => Promise<Result<Record<string, unknown>, ServiceResponse>>;
}

export type InterestHandler = (request: InterestRequest) => Promise<ServiceResponse>;

export interface InterestHandlerDeps {
  readonly store: InterestStore;
  readonly logger: Logger;
  readonly defaultPageSize: number;
}

const collectionContext = (request: InterestRequest): string => `${request.origin}/beta/$metadata#users('${request.profile.oid}')/profile/interests`;

function entityBody(request: InterestRequest, interest: StoredInterest, select?: readonly string[]): Record<string, unknown> {
  const context = select ? `${collectionContext(request)}(${select.join(',')})/$entity` : `${collectionContext(request)}/$entity`;
  return { '@odata.context': context, ...selectProperties(interest, select) };
}

/** Handlers by route kind and HTTP method. */
export type InterestHandlers = Readonly<Record<'interests' | 'interest', Readonly<Partial<Record<string, InterestHandler>>>>>;

export function createInterestHandlers(deps: InterestHandlerDeps): InterestHandlers {
  const { store, logger } = deps;

  /** Runs a store write; a failed write becomes a Graph-shaped 503 instead of an unhandled error. */
  async function persist<T>(request: InterestRequest, write: () => Promise<T>): Promise<Result<T, ServiceResponse>> {
    try {
      return ok(await write());
    } catch (error) {
      logger.error('Profile data could not be saved', { error, requestId: request.requestId, file: store.filePath });
      return fail(serviceErrors.storageUnavailable());
    }
  }

  const list: InterestHandler = async (request) => {
    const query = parseListQuery(request.params);
    if (!query.ok) return query.error;
    const ordered = orderInterests(store.list(request.profile.oid).filter(request.profile.visible), query.value.orderBy);
    const page = pageOf(ordered, query.value, deps.defaultPageSize);
    const context = query.value.select ? `${collectionContext(request)}(${query.value.select.join(',')})` : collectionContext(request);
    return jsonResponse(200, {
      '@odata.context': context,
      ...(page.nextSkip !== undefined
        ? { '@odata.nextLink': nextLinkFor(request.origin, request.pathname, query.value, page.nextSkip, deps.defaultPageSize) }
        : {}),
      value: page.items.map((interest) => selectProperties(interest, query.value.select)),
    });
  };

  const create: InterestHandler = async (request) => {
    const body = await request.readBody();
    if (!body.ok) return body.error;
    const fields = parseCreateBody(body.value);
    if (!fields.ok) return fields.error;
    if (store.count(request.profile.oid) >= SERVICE_LIMITS.interestsPerUser) {
      return serviceErrors.invalidRequest(`A profile holds at most ${SERVICE_LIMITS.interestsPerUser} interests.`);
    }
    const interest = newInterest(fields.value, request.caller, request.now);
    const saved = await persist(request, () => store.add(request.profile.oid, interest));
    return saved.ok ? jsonResponse(201, entityBody(request, interest)) : saved.error;
  };

  const get: InterestHandler = async (request) => {
    const select = parseEntityQuery(request.params);
    if (!select.ok) return select.error;
    const interest = store.find(request.profile.oid, request.interestId ?? '');
    return interest && request.profile.visible(interest) ? jsonResponse(200, entityBody(request, interest, select.value)) : serviceErrors.interestNotFound();
  };

  const update: InterestHandler = async (request) => {
    const existing = store.find(request.profile.oid, request.interestId ?? '');
    if (!existing) return serviceErrors.interestNotFound();
    const body = await request.readBody();
    if (!body.ok) return body.error;
    const fields = parseUpdateBody(body.value);
    if (!fields.ok) return fields.error;
    const interest = updatedInterest(existing, fields.value, request.caller, request.now);
    const saved = await persist(request, () => store.replace(request.profile.oid, interest));
    if (!saved.ok) return saved.error;
    return saved.value ? jsonResponse(200, entityBody(request, interest)) : serviceErrors.interestNotFound();
  };

  const remove: InterestHandler = async (request) => {
    const removed = await persist(request, () => store.remove(request.profile.oid, request.interestId ?? ''));
    if (!removed.ok) return removed.error;
    return removed.value ? emptyResponse(204) : serviceErrors.interestNotFound();
  };

  return {
    interests: { GET: list, POST: create },
    interest: { GET: get, PATCH: update, DELETE: remove },
  };
}
