import { ContainerClient } from '@azure/storage-blob';
import { json } from 'node:stream/consumers';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { StorageWriteConflictError, isStorageWriteConflict } from '../errors/storageWriteConflictError';
import { UNCHANGED, type ReadsIfChanged } from './conditionalReads';
import type { ExpirySweep, SweepOutcome } from './expirySweep';
import { ALL_RECORD_KINDS, cappedLifetime, isExpired, type RecordKind, type RecordLifetimeCap } from './onceKinds';

/**
 * botbuilder's `BlobsStorage` with one gap closed. It sends a conditional write as `If-Match: <eTag>`, which Azure
 * answers with 412 when the blob does not exist yet, so "create this key unless someone already did" is impossible
 * (MemoryStorage and Cosmos create the item in that case). Here a conditional write that finds no blob is retried
 * as a create with `If-None-Match: *`, which Azure applies atomically. It also reads an item only if it changed
 * (`readIfChanged`), which BlobsStorage cannot either. Reads, deletes and every other write are BlobsStorage's own.
 */
/** Blobs one sweep reads and deletes at once. */
const SWEEP_PARALLELISM = 16;
/** The kinds a sweep looks at: those that expire. */
const EXPIRING_KINDS = ALL_RECORD_KINDS.filter((kind): kind is RecordKind & { lifetimeMs: number } => kind.lifetimeMs !== null);

export class CreateIfAbsentBlobsStorage implements Storage, ReadsIfChanged, ExpirySweep, RecordLifetimeCap {
  private readonly blobs: BlobsStorage;
  private readonly container: ContainerClient;
  /** Where the next sweep starts among `EXPIRING_KINDS`. */
  private nextSweepKind = 0;

  /** `recordLifetimeCapMs`: see `RecordLifetimeCap` (`STORAGE_RECORD_LIFETIME_SECONDS`). */
  constructor(
    connectionString: string,
    containerName: string,
    readonly recordLifetimeCapMs: number | null = null,
  ) {
    this.blobs = new BlobsStorage(connectionString, containerName);
    this.container = new ContainerClient(connectionString, containerName);
  }

  /** Creates the container if it is missing, so a wrong connection string fails at start-up, not on a user's turn. */
  async ensureContainer(): Promise<void> {
    await this.container.createIfNotExists();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  /** See `ReadsIfChanged`: the item as `BlobsStorage.read` returns it (its JSON with the blob's eTag), unless unchanged. */
  async readIfChanged(key: string, eTag: string): Promise<StoreItem | undefined | typeof UNCHANGED> {
    try {
      const download = await this.container.getBlobClient(blobNameOf(key)).download(0, undefined, { conditions: { ifNoneMatch: eTag } });
      if (!download.readableStreamBody) return undefined;
      return { ...((await json(download.readableStreamBody)) as StoreItem), eTag: download.etag };
    } catch (error) {
      if (statusOf(error) === 304) return UNCHANGED;
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]: [string, unknown]) => this.writeOne(key, item as Record<string, unknown>)));
  }

  /**
   * Deletes expired records under the record kinds' prefixes, reading at most `limit` blobs, `SWEEP_PARALLELISM` at a
   * time (one by one, a sweep could not keep up with records written by many users at once). A blob is deleted only
   * if it is unchanged since it was listed (`If-Match`), so a record another instance just took over survives.
   */
  async sweepExpired(now: Date, limit: number): Promise<SweepOutcome> {
    const listed: { name: string; etag: string | undefined; surelyExpired: boolean }[] = [];
    let stoppedAtLimit = false;
    // Each sweep starts at the kind after the one the last sweep stopped in, so a kind listed early that always
    // has `limit` blobs cannot keep the sweep from ever reaching the kinds after it.
    const start = this.nextSweepKind;
    listing: for (let offset = 0; offset < EXPIRING_KINDS.length; offset++) {
      const index = (start + offset) % EXPIRING_KINDS.length;
      const kind = EXPIRING_KINDS[index];
      if (kind === undefined) continue;
      let listedHere = 0;
      for await (const blob of this.container.listBlobsFlat({ prefix: blobNameOf(kind.prefix) })) {
        if (listed.length >= limit) {
          stoppedAtLimit = true;
          this.nextSweepKind = listedHere === 0 ? index : (index + 1) % EXPIRING_KINDS.length;
          break listing;
        }
        listedHere++;
        // A record expires at most its kind's lifetime after it was written, so a blob unchanged for longer than that
        // by the store's own clock (plus a margin for the writing instance's clock) has expired: deleted unread.
        const lifetimeMs = cappedLifetime(kind.lifetimeMs, this.recordLifetimeCapMs);
        const surelyExpired = blob.properties.lastModified.getTime() + lifetimeMs + clockMarginOf(lifetimeMs) <= now.getTime();
        listed.push({ name: blob.name, etag: blob.properties.etag, surelyExpired });
      }
    }
    let deleted = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let blob = listed[next++]; blob !== undefined; blob = listed[next++]) {
        if (await this.deleteIfExpired(blob, now)) deleted++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_PARALLELISM, listed.length) }, worker));
    return { deleted, stoppedAtLimit };
  }

  private async deleteIfExpired({ name, etag, surelyExpired }: { name: string; etag: string | undefined; surelyExpired: boolean }, now: Date): Promise<boolean> {
    const client = this.container.getBlockBlobClient(name);
    try {
      if (!surelyExpired) {
        const body = (await client.downloadToBuffer()).toString('utf8');
        if (!isExpired(decodeURIComponent(name), JSON.parse(body) as unknown, now, this.recordLifetimeCapMs)) return false;
      }
      return (await client.deleteIfExists({ conditions: { ifMatch: etag } })).succeeded;
    } catch (error) {
      // Changed since listed (412), gone already, or unreadable: leave it to the next sweep or to expiry.
      if (statusOf(error) !== 412 && statusOf(error) !== 404 && !(error instanceof SyntaxError)) throw error;
      return false;
    }
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    try {
      await this.blobs.write({ [key]: item });
    } catch (error) {
      if (!isStorageWriteConflict(error) || !isConditional(item.eTag)) throw error;
      await this.createIfAbsent(key, item);
    }
  }

  private async createIfAbsent(key: string, item: Record<string, unknown>): Promise<void> {
    // Stored like BlobsStorage stores it: the JSON without the eTag, which Azure keeps itself.
    const body = JSON.stringify({ ...item, eTag: undefined });
    try {
      await this.container.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      // 409 BlobAlreadyExists or 412: the blob exists, so the original If-Match conflict stands.
      if (statusOf(error) === 409 || statusOf(error) === 412) throw new StorageWriteConflictError(key);
      throw error;
    }
  }
}

/**
 * The name `BlobsStorage` stores a key under, so a blob created here is the one it reads: empty path segments after
 * the first dropped (past the 254th slash, segments are run together), URI-encoded, at most 1024 characters (the
 * Azure limit). Computed here because the package exports no helper for it; the Blob storage tests check that
 * `BlobsStorage` reads what is created here.
 */
export function blobNameOf(key: string): string {
  if (key === '') throw new Error('A storage key must not be empty.');
  const [first = '', ...rest] = key.split('/');
  let name = first;
  rest.forEach((segment, index) => {
    if (segment !== '') name += (index + 1 < 255 ? '/' : '') + segment;
  });
  return encodeURIComponent(name).slice(0, 1024);
}

/** A tenth of the lifetime, at most a minute: more than instance and storage clocks drift apart. */
function clockMarginOf(lifetimeMs: number): number {
  return Math.min(lifetimeMs / 10, 60_000);
}

function isConditional(eTag: unknown): boolean {
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*';
}

function statusOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
}
