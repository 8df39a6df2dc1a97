import { graphError, type ServiceResponse } from './wire';

/**
 * Switches that make the next matching requests fail or slow down, for tests and benchmarks of the bot's
 * retry and timeout handling. A rule matches on method (case-insensitive) and path: a string matches paths that
 * start with it (case-insensitive), a RegExp is tested against the path. `/_dev/*` requests are never affected.
 */
export type FaultStatus = 429 | 500 | 503 | 504;

export interface RequestMatch {
  method?: string;
  path?: string | RegExp;
}

export interface FaultRule extends RequestMatch {
  status: FaultStatus;
  /** Sent as `Retry-After` (seconds; fractions allowed, as Graph sends them). */
  retryAfterSeconds?: number;
  /** How many matching requests fail. */
  count: number;
}

export interface LatencyRule extends RequestMatch {
  ms: number;
  /** How many matching requests are delayed; default: every one until `clear()`. */
  count?: number;
}

export interface FaultsSnapshot {
  readonly faults: readonly { status: FaultStatus; retryAfterSeconds: number | null; remaining: number; method: string | null; path: string | null }[];
  readonly latencies: readonly { ms: number; remaining: number | null; method: string | null; path: string | null }[];
}

interface ActiveRule<T> {
  readonly rule: T;
  remaining: number;
}

const FAULT_ERRORS: Readonly<Record<FaultStatus, { code: string; message: string }>> = {
  429: { code: 'TooManyRequests', message: 'Too many requests. Retry after the time given in the Retry-After header.' },
  500: { code: 'generalException', message: 'General exception while processing.' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Try again later.' },
  504: { code: 'gatewayTimeout', message: 'The gateway did not receive a response from the service in time.' },
};

export const FAULT_STATUSES = Object.keys(FAULT_ERRORS).map(Number) as FaultStatus[];

function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? path.toLowerCase().startsWith(match.path.toLowerCase()) : match.path.test(path);
}

const describePath = (path: string | RegExp | undefined): string | null => (path === undefined ? null : String(path));

function assertCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`${what} must be a positive integer.`);
}

/** Successful requests the service applies but answers with 204 and no body (Graph may, for a PATCH). */
export interface NoContentRule extends RequestMatch {
  count: number;
}

export class FaultController {
  private faults: ActiveRule<FaultRule>[] = [];
  private latencies: ActiveRule<LatencyRule>[] = [];
  private noContent: ActiveRule<NoContentRule>[] = [];
  private audienceRuleOff = false;

  /**
   * Until `clear()`, a colleague reads every item of a profile whatever its audience: a Graph that forgot its
   * audience rule, for tests of the bot's own filter (the second line of defence).
   */
  ignoreAudiences(): void {
    this.audienceRuleOff = true;
  }

  get audiencesIgnored(): boolean {
    return this.audienceRuleOff;
  }

  /** The next `count` matching requests that succeed are applied as usual and answered 204 with no body. */
  answerWithoutBody(rule: NoContentRule): void {
    assertCount(rule.count, 'No-content count');
    this.noContent.push({ rule: { ...rule }, remaining: rule.count });
  }

  /** Whether this successful request must be answered 204 without a body (uses one of the rule's count). */
  takeNoContent(method: string, path: string): boolean {
    const active = this.noContent.find((candidate) => matches(candidate.rule, method, path));
    if (!active) return false;
    active.remaining -= 1;
    if (active.remaining <= 0) this.noContent = this.noContent.filter((candidate) => candidate !== active);
    return true;
  }

  /** The next `count` requests matching the rule fail with a Graph-shaped error. */
  inject(rule: FaultRule): void {
    if (!(rule.status in FAULT_ERRORS)) throw new RangeError(`Fault status must be one of ${FAULT_STATUSES.join(', ')}.`);
    assertCount(rule.count, 'Fault count');
    if (rule.retryAfterSeconds !== undefined && !(rule.retryAfterSeconds >= 0)) throw new RangeError('retryAfterSeconds must be zero or more.');
    this.faults.push({ rule: { ...rule }, remaining: rule.count });
  }

  addLatency(rule: LatencyRule): void {
    if (!(rule.ms >= 0) || !Number.isFinite(rule.ms)) throw new RangeError('Latency ms must be zero or more.');
    if (rule.count !== undefined) assertCount(rule.count, 'Latency count');
    this.latencies.push({ rule: { ...rule }, remaining: rule.count ?? Infinity });
  }

  clear(): void {
    this.faults = [];
    this.latencies = [];
    this.noContent = [];
    this.audienceRuleOff = false;
  }

  /** Total delay for this request (every matching latency rule adds its delay and uses one of its count). */
  takeLatency(method: string, path: string): number {
    let total = 0;
    for (const active of this.latencies) {
      if (!matches(active.rule, method, path)) continue;
      total += active.rule.ms;
      active.remaining -= 1;
    }
    this.latencies = this.latencies.filter((active) => active.remaining > 0);
    return total;
  }

  /** The error this request must answer with, using one of the first matching rule's count; undefined when none. */
  takeFault(method: string, path: string): ServiceResponse | undefined {
    const active = this.faults.find((candidate) => matches(candidate.rule, method, path));
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== active);
    const { status, retryAfterSeconds } = active.rule;
    const { code, message } = FAULT_ERRORS[status];
    return graphError(status, code, message, retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : undefined);
  }

  snapshot(): FaultsSnapshot {
    return {
      faults: this.faults.map(({ rule, remaining }) => ({
        status: rule.status,
        retryAfterSeconds: rule.retryAfterSeconds ?? null,
        remaining,
        method: rule.method ?? null,
        path: describePath(rule.path),
      })),
      latencies: this.latencies.map(({ rule, remaining }) => ({
        ms: rule.ms,
        remaining: Number.isFinite(remaining) ? remaining : null,
        method: rule.method ?? null,
        path: describePath(rule.path),
      })),
    };
  }
}
