import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Result } from '../src/domain/result';
import type { Logger } from '../src/logger';
import { authenticateCaller, missingScope, type AuthenticatedCaller } from './authorization';
import { answerBatch, MAX_BATCH_REQUESTS, type BatchItemCall } from './batch';
import { devHandlerFor, devMethodsFor } from './devRoutes';
import type { FaultController } from './faults';
import type { InterestHandlers } from './interestHandlers';
import type { Caller } from './interestEntity';
import { listPeople } from './peopleHandler';
import { resolveProfileAccess } from './profileAccess';
import { readJsonObject } from './requestBody';
import type { RequestStats, StatsRouteKind } from './requestStats';
import { isDevRoute, matchRoute, type Route } from './routes';
import { serviceErrors } from './serviceErrors';
import type { UserDirectory } from './userDirectory';
import { assignRequestIds, emptyResponse, writeResponse, type RequestIds, type ServiceResponse } from './wire';

export interface PipelineDeps {
  readonly handlers: InterestHandlers;
  readonly faults: FaultController;
  readonly stats: RequestStats;
  readonly clock: () => Date;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  /** Gives a user with no stored profile their seed interests before their first request is answered. */
  readonly ensureProfile: (caller: Caller, now: Date) => Promise<void>;
  /** Who exists in which tenant; every authenticated caller is remembered. */
  readonly directory: UserDirectory;
  readonly hasProfile: (oid: string) => boolean;
}

const HOST_HEADER = /^[\w.-]+(:\d+)?$|^\[[\da-fA-F:.]+\](:\d+)?$/;

/** Links in responses use the host the client reached us by, like Graph's absolute `@odata.nextLink`. */
function originOf(request: IncomingMessage, fallbackHost: string): string {
  const host = request.headers.host;
  return `http://${host && HOST_HEADER.test(host) ? host : fallbackHost}`;
}

function parseTarget(rawUrl: string | undefined): URL {
  const target = rawUrl ?? '/';
  return new URL(`http://local${target.startsWith('/') ? '' : '/'}${target}`);
}

/** One profile request, from the wire or from inside a `$batch`: both are answered by `answerCall`. */
interface ProfileCall {
  readonly method: string;
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly origin: string;
  readonly ids: RequestIds;
  readonly readBody: () => Promise<Result<Record<string, unknown>, ServiceResponse>>;
  readonly inBatch: boolean;
}

interface Outcome {
  readonly response: ServiceResponse;
  /** How the request is counted in the stats; undefined for `/_dev` calls, which are not counted. */
  readonly counted: StatsRouteKind | undefined;
}

const statsKindOf = (route: Route): StatsRouteKind =>
  route.kind === 'interests' || route.kind === 'interest' || route.kind === 'people' || route.kind === 'batch' ? route.kind : 'unknown';

const ROUTE_METHODS: Readonly<Record<'people' | 'batch', readonly string[]>> = { people: ['GET'], batch: ['POST'] };

/**
 * One request, in Graph's order of checks: dev switches (no token), injected latency and faults, route,
 * method, token and scope, then the handler. Whatever happens, the answer is Graph-shaped. Requests inside a
 * `$batch` take the same path from the latency step on, with the batch's token.
 */
export function createRequestPipeline(deps: PipelineDeps, fallbackHost: () => string) {
  const lookup = { directory: deps.directory, hasProfile: deps.hasProfile, audiencesIgnored: () => deps.faults.audiencesIgnored };

  function remember(caller: AuthenticatedCaller): void {
    deps.directory.remember({ oid: caller.oid, tid: caller.tid, displayName: caller.name, upn: caller.upn, relevance: 0 });
  }

  async function answerCall(call: ProfileCall): Promise<ServiceResponse> {
    const { method, url } = call;
    const route = matchRoute(url.pathname);
    const delayMs = deps.faults.takeLatency(method, url.pathname);
    if (delayMs > 0) await sleep(delayMs);
    const fault = deps.faults.takeFault(method, url.pathname);
    if (fault) return fault;
    if (route.kind === 'unknown' || isDevRoute(route)) return serviceErrors.segmentNotFound(route.kind === 'unknown' ? route.segment : '_dev');
    const allowed = route.kind === 'people' || route.kind === 'batch' ? ROUTE_METHODS[route.kind] : Object.keys(deps.handlers[route.kind]);
    if (!allowed.includes(method)) return serviceErrors.methodNotAllowed(method, allowed);
    const now = deps.clock();
    const caller = authenticateCaller(call.authorization, now);
    if (!caller.ok) return caller.error;
    remember(caller.value);

    if (route.kind === 'batch') {
      if (call.inBatch) return serviceErrors.batchPayload('A batch request cannot contain another $batch request.');
      const body = await call.readBody();
      if (!body.ok) return body.error;
      return answerBatch(body.value, call.ids.clientRequestId, {
        answerItem: (item) => answerItem(item, call),
        recordUnrun: (itemMethod, target, status) => deps.stats.recordBatchItem(itemMethod, statsKindOf(matchRoute(parseTarget(target).pathname)), status),
        maxBodyBytes: deps.maxBodyBytes,
        clock: deps.clock,
      });
    }
    if (route.kind === 'people') {
      const refused = missingScope(caller.value, 'people');
      if (refused) return refused;
      await deps.ensureProfile(caller.value, now);
      return listPeople(deps.directory, caller.value, url.searchParams, call.origin);
    }
    const access = resolveProfileAccess(route.owner, method, caller.value, lookup);
    if (!access.ok) return access.error;
    await deps.ensureProfile(caller.value, now);
    const handler = deps.handlers[route.kind][method];
    if (!handler) return serviceErrors.methodNotAllowed(method, allowed);
    return handler({
      caller: caller.value,
      profile: access.value,
      interestId: route.kind === 'interest' ? route.interestId : undefined,
      params: url.searchParams,
      origin: call.origin,
      pathname: url.pathname,
      now,
      requestId: call.ids.requestId,
      readBody: call.readBody,
    });
  }

  async function answerItem(item: BatchItemCall, batch: ProfileCall): Promise<ServiceResponse> {
    const url = parseTarget(item.target);
    let response: ServiceResponse;
    try {
      response = await answerCall({ ...item, url, authorization: batch.authorization, origin: batch.origin, inBatch: true });
    } catch (error) {
      deps.logger.error('Batch item failed unexpectedly', { error, method: item.method, path: url.pathname, requestId: item.ids.requestId });
      response = serviceErrors.generalException();
    }
    deps.stats.recordBatchItem(item.method, statsKindOf(matchRoute(url.pathname)), response.status);
    return response;
  }

  async function respond(request: IncomingMessage, method: string, url: URL, ids: RequestIds): Promise<Outcome> {
    const route = matchRoute(url.pathname);
    if (isDevRoute(route)) {
      const devHandler = devHandlerFor(route, method);
      const response = devHandler ? await devHandler(request, url.searchParams, deps) : serviceErrors.methodNotAllowed(method, devMethodsFor(route));
      return { response, counted: undefined };
    }
    // A batch body holds up to 20 requests, each of which may be as large as a single request's body.
    const bodyLimit = route.kind === 'batch' ? deps.maxBodyBytes * MAX_BATCH_REQUESTS : deps.maxBodyBytes;
    const response = await answerCall({
      method,
      url,
      authorization: request.headers.authorization,
      origin: originOf(request, fallbackHost()),
      ids,
      readBody: () => readJsonObject(request, bodyLimit),
      inBatch: false,
    });
    const counted = statsKindOf(route);
    if (response.status === 200 && deps.faults.takeNoContent(method, url.pathname)) return { response: emptyResponse(204), counted };
    return { response, counted };
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const ids = assignRequestIds(request.headers['client-request-id']);
    const method = (request.method ?? 'GET').toUpperCase();
    let path = request.url ?? '/';
    let outcome: Outcome;
    try {
      const url = parseTarget(request.url);
      path = url.pathname;
      outcome = await respond(request, method, url, ids);
    } catch (error) {
      deps.logger.error('Request failed unexpectedly', { error, method, path, requestId: ids.requestId });
      outcome = { response: serviceErrors.generalException(), counted: 'unknown' };
    }
    if (response.headersSent || response.destroyed) return;
    writeResponse(response, outcome.response, ids, deps.clock());
    if (outcome.counted) deps.stats.record(method, outcome.counted, outcome.response.status);
    deps.logger.debug('Profile service request', { method, path, status: outcome.response.status, requestId: ids.requestId });
  };
}
