/**
 * One measurement's contribution to the report. Each measurement module (throughput.ts, coldStart.ts, ...) returns a
 * `Section`: its figures as data (for benchmark.json), its Markdown, and the targets it evaluates. A new measurement
 * is a new module plus one line in run.ts's `MEASUREMENTS`; nothing else changes.
 */
export interface Target {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly data: unknown;
  readonly markdown: readonly string[];
  readonly targets: readonly Target[];
}
