import { MemoryStorage } from 'botbuilder';
import type { ExpirySweep, SweepOutcome } from './expirySweep';
import { isExpired, type RecordLifetimeCap } from './onceKinds';

/**
 * botbuilder's `MemoryStorage` over an object this class keeps a reference to (the constructor's public
 * parameter), so expired records can be found and removed. Reads and writes are MemoryStorage's own.
 */
export class SweepingMemoryStorage extends MemoryStorage implements ExpirySweep, RecordLifetimeCap {
  private readonly items: Record<string, string>;

  /** `recordLifetimeCapMs`: see `RecordLifetimeCap` (`STORAGE_RECORD_LIFETIME_SECONDS`). */
  constructor(
    items: Record<string, string> = {},
    readonly recordLifetimeCapMs: number | null = null,
  ) {
    super(items);
    this.items = items;
  }

  /** How many items are stored (conversation state and records alike). */
  get size(): number {
    return Object.keys(this.items).length;
  }

  async sweepExpired(now: Date, limit: number = Number.POSITIVE_INFINITY): Promise<SweepOutcome> {
    let deleted = 0;
    // Synchronous from here to the end: no write can slip in between finding a record expired and deleting it.
    for (const [key, text] of Object.entries(this.items)) {
      if (deleted >= limit) return { deleted, stoppedAtLimit: true };
      if (isExpired(key, parseJson(text), now, this.recordLifetimeCapMs)) {
        delete this.items[key];
        deleted++;
      }
    }
    return { deleted, stoppedAtLimit: false };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
