/**
 * Loaded into every long-lived benchmark process with `node --require` (the product's own entry point included,
 * unchanged): answers the runner's questions over the IPC channel. `{ ask: 'cpu' }` gets the process's CPU time so
 * far (user + system, every thread); `{ ask: 'memory' }` gets its memory after a full garbage collection.
 */
import type { ProbeAnswer, ProbeQuestion } from './probeProtocol';

function answer(question: ProbeQuestion): ProbeAnswer {
  if (question.ask === 'cpu') {
    const { user, system } = process.cpuUsage();
    return { id: question.id, cpuMicros: user + system };
  }
  // Exposed by --expose-gc, so the figures are live data rather than garbage not yet collected.
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { id: question.id, rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

if (process.send) {
  process.on('message', (message: unknown) => {
    const question = message as Partial<ProbeQuestion>;
    if (question.ask !== 'cpu' && question.ask !== 'memory') return;
    process.send?.(answer(question as ProbeQuestion));
  });
  // The channel must not keep the process alive: it stops exactly as it would without the probe. Node refs the
  // channel on the tick after a 'message' listener is added, so unref it after that.
  setImmediate(() => process.channel?.unref());
}
