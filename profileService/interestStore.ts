import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AtomicJsonFile } from './atomicJsonFile';
import { completeInterest, type StoredInterest } from './interestEntity';

export const STORE_FILE_NAME = 'profile-interests.json';

const storedFileSchema = z.object({
  version: z.literal(1),
  users: z.record(z.array(z.object({ id: z.string().min(1) }).passthrough())),
});

const userKey = (userId: string): string => userId.toLowerCase();
const sameId = (interest: StoredInterest, id: string): boolean => interest.id.toLowerCase() === id.toLowerCase();

/** Where changes are made durable: the JSON data file, or nothing for a store kept in memory only. */
interface StorePersistence {
  readonly filePath: string | undefined;
  save(): Promise<void>;
  settled(): Promise<void>;
}

const IN_MEMORY_ONLY: StorePersistence = { filePath: undefined, save: () => Promise.resolve(), settled: () => Promise.resolve() };

/**
 * Every user's interests. The in-memory map is the source of truth for reads; each change is applied in memory,
 * then persisted, and its promise settles only when the change is durable. If the write fails the change is
 * rolled back (unless a later change to the same user already replaced it) and the promise rejects.
 * Each user's list is replaced, never mutated, so snapshots and rollbacks are cheap and safe.
 */
export class InterestStore {
  private constructor(
    private readonly users: Map<string, readonly StoredInterest[]>,
    private readonly persistence: StorePersistence,
  ) {}

  /**
   * A store that keeps nothing once the process ends. Every change rewrites the whole data file, so for a file-backed
   * store a write costs more the more everyone has stored; here it costs the same however much is stored, as a Graph
   * write does (the benchmark uses this, so what earlier measurements stored does not slow later ones).
   */
  static inMemory(): InterestStore {
    return new InterestStore(new Map(), IN_MEMORY_ONLY);
  }

  static async open(dataDir: string): Promise<InterestStore> {
    await fs.mkdir(dataDir, { recursive: true });
    const filePath = path.join(dataDir, STORE_FILE_NAME);
    await AtomicJsonFile.removeLeftoverTempFiles(filePath);
    const users = new Map<string, readonly StoredInterest[]>();
    const stored = await AtomicJsonFile.read(filePath);
    if (stored !== undefined) {
      const parsed = storedFileSchema.safeParse(stored);
      if (!parsed.success) throw new Error(`${filePath} is not a profile service data file; move it away or fix it.`);
      for (const [userId, interests] of Object.entries(parsed.data.users)) {
        // The file is this service's own output; the schema checks what lookups depend on (the id).
        users.set(userKey(userId), interests.map((interest) => completeInterest(interest as StoredInterest)));
      }
    }
    const file = new AtomicJsonFile(filePath, () => ({ version: 1, users: Object.fromEntries(users) }));
    return new InterestStore(users, file);
  }

  /** The data file; `undefined` for a store kept in memory only. */
  get filePath(): string | undefined {
    return this.persistence.filePath;
  }

  hasProfile(userId: string): boolean {
    return this.users.has(userKey(userId));
  }

  list(userId: string): StoredInterest[] {
    return structuredClone([...(this.users.get(userKey(userId)) ?? [])]);
  }

  count(userId: string): number {
    return this.users.get(userKey(userId))?.length ?? 0;
  }

  find(userId: string, interestId: string): StoredInterest | undefined {
    const found = this.users.get(userKey(userId))?.find((interest) => sameId(interest, interestId));
    return found ? structuredClone(found) : undefined;
  }

  add(userId: string, interest: StoredInterest): Promise<void> {
    return this.change(userId, (current) => [...current, structuredClone(interest)]);
  }

  /** Replaces the interest with the same id; false when it no longer exists. */
  async replace(userId: string, interest: StoredInterest): Promise<boolean> {
    const current = this.users.get(userKey(userId)) ?? [];
    if (!current.some((item) => sameId(item, interest.id))) return false;
    await this.change(userId, (items) => items.map((item) => (sameId(item, interest.id) ? structuredClone(interest) : item)));
    return true;
  }

  async remove(userId: string, interestId: string): Promise<boolean> {
    const current = this.users.get(userKey(userId)) ?? [];
    if (!current.some((item) => sameId(item, interestId))) return false;
    await this.change(userId, (items) => items.filter((item) => !sameId(item, interestId)));
    return true;
  }

  /** Gives a user with no stored profile their first interests (seeding). No-op when the profile exists. */
  async createProfile(userId: string, interests: readonly StoredInterest[]): Promise<void> {
    if (this.hasProfile(userId)) return;
    await this.change(userId, () => structuredClone([...interests]));
  }

  settled(): Promise<void> {
    return this.persistence.settled();
  }

  private async change(userId: string, update: (current: readonly StoredInterest[]) => readonly StoredInterest[]): Promise<void> {
    const key = userKey(userId);
    const had = this.users.has(key);
    const before = this.users.get(key) ?? [];
    const after = update(before);
    this.users.set(key, after);
    try {
      await this.persistence.save();
    } catch (error) {
      if (this.users.get(key) === after) {
        if (had) this.users.set(key, before);
        else this.users.delete(key);
      }
      throw error;
    }
  }
}
