import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { mintDevToken } from '../src/auth/devToken';
import { fail, ok, type Result } from '../src/domain/result';
import { FAULT_STATUSES, type FaultController, type FaultStatus, type RequestMatch } from './faults';
import { readJsonObject } from './requestBody';
import type { RequestStats } from './requestStats';
import type { DevRoute } from './routes';
import { serviceErrors } from './serviceErrors';
import { emptyResponse, jsonResponse, type ServiceResponse } from './wire';

/**
 * `/_dev/*`: steering switches that exist only in this local service and need no token.
 * `POST /_dev/faults` takes a fault (`status`, `count`, ...) or a latency (`ms`, ...) rule; a JSON body cannot
 * hold a RegExp, so `pathPattern` carries the regular expression's source.
 */
const matchShape = {
  method: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
  pathPattern: z.string().min(1).optional(),
};
const faultSchema = z
  .object({
    status: z.number().refine((status): status is FaultStatus => (FAULT_STATUSES as number[]).includes(status), `status must be one of ${FAULT_STATUSES.join(', ')}`),
    retryAfterSeconds: z.number().nonnegative().optional(),
    count: z.number().int().positive(),
    ...matchShape,
  })
  .strict();
const latencySchema = z
  .object({ ms: z.number().nonnegative().finite(), count: z.number().int().positive().optional(), ...matchShape })
  .strict();

export interface DevRouteDeps {
  readonly faults: FaultController;
  readonly stats: RequestStats;
  readonly maxBodyBytes: number;
}

function requestMatchOf(body: { method?: string | undefined; path?: string | undefined; pathPattern?: string | undefined }): Result<RequestMatch, ServiceResponse> {
  if (body.path !== undefined && body.pathPattern !== undefined) return fail(serviceErrors.invalidRequest('Give either path or pathPattern, not both.'));
  if (body.pathPattern === undefined) return ok({ method: body.method, path: body.path });
  try {
    return ok({ method: body.method, path: new RegExp(body.pathPattern) });
  } catch (error) {
    if (error instanceof SyntaxError) return fail(serviceErrors.invalidRequest('pathPattern is not a valid regular expression.'));
    throw error;
  }
}

const describeIssue = (error: z.ZodError): string => error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');

async function addFaultRule(request: IncomingMessage, deps: DevRouteDeps): Promise<ServiceResponse> {
  const body = await readJsonObject(request, deps.maxBodyBytes);
  if (!body.ok) return body.error;
  if ('status' in body.value) {
    const rule = faultSchema.safeParse(body.value);
    if (!rule.success) return serviceErrors.invalidRequest(`Invalid fault rule: ${describeIssue(rule.error)}`);
    const match = requestMatchOf(rule.data);
    if (!match.ok) return match.error;
    deps.faults.inject({ ...match.value, status: rule.data.status, count: rule.data.count, retryAfterSeconds: rule.data.retryAfterSeconds });
  } else {
    const rule = latencySchema.safeParse(body.value);
    if (!rule.success) return serviceErrors.invalidRequest(`Invalid latency rule: ${describeIssue(rule.error)}`);
    const match = requestMatchOf(rule.data);
    if (!match.ok) return match.error;
    deps.faults.addLatency({ ...match.value, ms: rule.data.ms, count: rule.data.count });
  }
  return jsonResponse(200, deps.faults.snapshot());
}

function devToken(params: URLSearchParams): ServiceResponse {
  const oid = params.get('oid');
  if (!oid) return serviceErrors.invalidRequest("Query parameter 'oid' is required.");
  const optional = (name: string): string | undefined => params.get(name) ?? undefined;
  const token = mintDevToken({ oid, name: optional('name'), scp: optional('scp'), upn: optional('upn'), tid: optional('tid') });
  return jsonResponse(200, { token_type: 'Bearer', access_token: token });
}

type DevHandler = (request: IncomingMessage, params: URLSearchParams, deps: DevRouteDeps) => ServiceResponse | Promise<ServiceResponse>;

const DEV_HANDLERS: Readonly<Record<string, DevHandler>> = {
  'devFaults GET': (_request, _params, deps) => jsonResponse(200, deps.faults.snapshot()),
  'devFaults POST': (request, _params, deps) => addFaultRule(request, deps),
  'devFaults DELETE': (_request, _params, deps) => {
    deps.faults.clear();
    return emptyResponse(204);
  },
  'devStats GET': (_request, params, deps) => jsonResponse(200, params.get('view') === 'batchItems' ? deps.stats.batchItems() : deps.stats.snapshot()),
  'devStats DELETE': (_request, _params, deps) => {
    deps.stats.reset();
    return emptyResponse(204);
  },
  'devToken GET': (_request, params) => devToken(params),
};

/** The handler for a `/_dev` route and method; undefined when the method is not supported there. */
export function devHandlerFor(route: DevRoute, method: string): DevHandler | undefined {
  return DEV_HANDLERS[`${route.kind} ${method}`];
}

export function devMethodsFor(route: DevRoute): string[] {
  return Object.keys(DEV_HANDLERS)
    .filter((key) => key.startsWith(`${route.kind} `))
    .map((key) => key.slice(route.kind.length + 1));
}
