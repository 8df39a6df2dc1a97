/** What the runner asks a benchmark process over IPC (see probe.ts), and what it answers. */
export type ProbeQuestion = { readonly id: number; readonly ask: 'cpu' } | { readonly id: number; readonly ask: 'memory' };

export interface MemoryReport {
  /** Resident set size now, after a full garbage collection (bytes). */
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Largest resident set size the process has had (bytes). */
  readonly peakRssBytes: number;
}

export type ProbeAnswer = ({ readonly id: number } & { readonly cpuMicros: number }) | ({ readonly id: number } & MemoryReport);
