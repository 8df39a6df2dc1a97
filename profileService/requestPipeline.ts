import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../src/logger';
import { authorizeCaller, ownerIsCaller } from './authorization';
import { devHandlerFor, devMethodsFor } from './devRoutes';
import type { FaultController } from './faults';
import type { InterestHandlers } from './interestHandlers';
import type { Caller } from './interestEntity';
import { readJsonObject } from './requestBody';
import type { RequestStats, StatsRouteKind } from './requestStats';
import { isDevRoute, matchRoute } from './routes';
import { serviceErrors } from './serviceErrors';
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

interface Outcome {
  readonly response: ServiceResponse;
  /** How the request is counted in the stats; undefined for `/_dev` calls, which are not counted. */
  readonly counted: StatsRouteKind | undefined;
}

const statsKindOf = (kind: string): StatsRouteKind => (kind === 'interests' || kind === 'interest' ? kind : 'unknown');

/**
 * One request, in Graph's order of checks: dev switches (no token), injected latency and faults, route,
 * method, token and scope, then the handler. Whatever happens, the answer is Graph-shaped.
 */
export function createRequestPipeline(deps: PipelineDeps, fallbackHost: () => string) {
  async function respond(request: IncomingMessage, method: string, url: URL, ids: RequestIds): Promise<Outcome> {
    const route = matchRoute(url.pathname);
    if (isDevRoute(route)) {
      const devHandler = devHandlerFor(route, method);
      const response = devHandler ? await devHandler(request, url.searchParams, deps) : serviceErrors.methodNotAllowed(method, devMethodsFor(route));
      return { response, counted: undefined };
    }
    const counted = statsKindOf(route.kind);
    const delayMs = deps.faults.takeLatency(method, url.pathname);
    if (delayMs > 0) await sleep(delayMs);
    const fault = deps.faults.takeFault(method, url.pathname);
    if (fault) return { response: fault, counted };
    if (route.kind === 'unknown') return { response: serviceErrors.segmentNotFound(route.segment), counted };
    const handler = deps.handlers[route.kind][method];
    if (!handler) return { response: serviceErrors.methodNotAllowed(method, Object.keys(deps.handlers[route.kind])), counted };
    const now = deps.clock();
    const caller = authorizeCaller(request.headers.authorization, method, now);
    if (!caller.ok) return { response: caller.error, counted };
    if (!ownerIsCaller(route.owner, caller.value)) return { response: serviceErrors.otherUsersProfile(), counted };
    await deps.ensureProfile(caller.value, now);
    const response = await handler({
      caller: caller.value,
      interestId: route.kind === 'interest' ? route.interestId : undefined,
      params: url.searchParams,
      origin: originOf(request, fallbackHost()),
      pathname: url.pathname,
      now,
      requestId: ids.requestId,
      readBody: () => readJsonObject(request, deps.maxBodyBytes),
    });
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
