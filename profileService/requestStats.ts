/**
 * Counts of the profile requests the service answered (the `/_dev` routes are not counted), so tests and
 * benchmarks can assert how many Graph calls an operation cost. Keys read `GET interests`, `PATCH interest`, ...
 */
export type StatsRouteKind = 'interests' | 'interest' | 'unknown';

export interface RequestStatsSnapshot {
  readonly total: number;
  readonly byRoute: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
}

const increment = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

export class RequestStats {
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
