/**
 * Counts of the profile requests the service answered (the `/_dev` routes are not counted), so tests and
 * benchmarks can assert how many Graph calls an operation cost. Keys read `GET interests`, `PATCH interest`, ...
 * A `$batch` is one request at the edge (`POST batch`), as Graph counts it; its items are counted apart, by the
 * same keys, in `batchItems()` (`GET /_dev/stats?view=batchItems`).
 */
export type StatsRouteKind = 'interests' | 'interest' | 'people' | 'batch' | 'unknown';

export interface RequestStatsSnapshot {
  readonly total: number;
  readonly byRoute: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
}

const increment = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

class Counter {
  private total = 0;
  private readonly byRoute = new Map<string, number>();
  private readonly byStatus = new Map<string, number>();

  record(method: string, routeKind: StatsRouteKind, status: number): void {
    this.total += 1;
    increment(this.byRoute, `${method.toUpperCase()} ${routeKind}`);
    increment(this.byStatus, String(status));
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.byStatus.clear();
  }

  snapshot(): RequestStatsSnapshot {
    return { total: this.total, byRoute: Object.fromEntries(this.byRoute), byStatus: Object.fromEntries(this.byStatus) };
  }
}

export class RequestStats {
  private readonly edge = new Counter();
  private readonly items = new Counter();

  record(method: string, routeKind: StatsRouteKind, status: number): void {
    this.edge.record(method, routeKind, status);
  }

  /** One request inside a `$batch`; not part of `snapshot()`. */
  recordBatchItem(method: string, routeKind: StatsRouteKind, status: number): void {
    this.items.record(method, routeKind, status);
  }

  reset(): void {
    this.edge.reset();
    this.items.reset();
  }

  /** Requests as they arrived at the service: a batch counts once. */
  snapshot(): RequestStatsSnapshot {
    return this.edge.snapshot();
  }

  /** The requests carried inside batches. */
  batchItems(): RequestStatsSnapshot {
    return this.items.snapshot();
  }
}
