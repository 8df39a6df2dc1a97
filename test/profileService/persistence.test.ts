import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STORE_FILE_NAME } from '../../profileService/interestStore';
import { startProfileService } from '../../profileService/server';
import { ALICE, BOB, INTERESTS, createInterest, startHarness, tokenFor, type Harness } from './profileServiceHarness';

describe('profile service: persistence', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.stop());

  it('keeps every change across close and restart with the same dataDir', async () => {
    const kept = await createInterest(harness, { displayName: 'Chess', categories: ['Games'] });
    const changed = await createInterest(harness, { displayName: 'Go' });
    const removed = await createInterest(harness, { displayName: 'Checkers' });
    await createInterest(harness, { displayName: 'Bob interest' }, tokenFor(BOB));
    await harness.call('PATCH', `${INTERESTS}/${String(changed.id)}`, { body: { description: 'Baduk', collaborationTags: ['wantsToLearn'] } });
    await harness.call('DELETE', `${INTERESTS}/${String(removed.id)}`);

    await harness.restart();

    const list = (await (await harness.call('GET', INTERESTS)).json()) as { value: Record<string, unknown>[] };
    expect(list.value).toEqual([
      expect.objectContaining({ id: kept.id, displayName: 'Chess', categories: ['Games'], createdDateTime: kept.createdDateTime }),
      expect.objectContaining({ id: changed.id, displayName: 'Go', description: 'Baduk', collaborationTags: ['wantsToLearn'] }),
    ]);
    expect(harness.service.store.listInterests(BOB.oid).map((interest) => interest.displayName)).toEqual(['Bob interest']);
  });

  it('keeps data in memory only when given no data directory: served while it runs, no file, gone after a restart', async () => {
    const inMemory = await startHarness({ dataDir: undefined });
    try {
      const chess = await createInterest(inMemory, { displayName: 'Chess' });
      expect((await inMemory.call('PATCH', `${INTERESTS}/${String(chess.id)}`, { body: { description: 'Openings' } })).status).toBe(200);
      const list = (await (await inMemory.call('GET', INTERESTS)).json()) as { value: Record<string, unknown>[] };
      expect(list.value).toEqual([expect.objectContaining({ id: chess.id, displayName: 'Chess', description: 'Openings' })]);
      expect(inMemory.service.store.listInterests(ALICE.oid)).toHaveLength(1);
      expect(await readdir(inMemory.dataDir)).toEqual([]);
      await inMemory.restart();
      expect(inMemory.service.store.listInterests(ALICE.oid)).toEqual([]);
    } finally {
      await inMemory.stop();
    }
  });

  it('writes one JSON file through temp file and rename, leaving no temp files behind', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => createInterest(harness, { displayName: `Parallel ${index}` })));
    const files = await readdir(harness.dataDir);
    expect(files).toEqual([STORE_FILE_NAME]);
    const stored = JSON.parse(await readFile(path.join(harness.dataDir, STORE_FILE_NAME), 'utf8')) as { version: number; users: Record<string, unknown[]> };
    expect(stored.version).toBe(1);
    expect(stored.users[ALICE.oid]).toHaveLength(20);
  });

  it('answers each write only once it is on disk, even when concurrent writes are coalesced', async () => {
    const responses = await Promise.all(Array.from({ length: 15 }, (_, index) => harness.call('POST', INTERESTS, { body: { displayName: `Burst ${index}` } })));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const stored = JSON.parse(await readFile(path.join(harness.dataDir, STORE_FILE_NAME), 'utf8')) as { users: Record<string, { displayName: string }[]> };
    expect(stored.users[ALICE.oid]?.map((interest) => interest.displayName).sort()).toEqual(Array.from({ length: 15 }, (_, index) => `Burst ${index}`).sort());
  });

  it('removes temp files a crashed process left behind when it starts', async () => {
    await createInterest(harness, { displayName: 'Chess' });
    await harness.service.close();
    const leftover = path.join(harness.dataDir, `${STORE_FILE_NAME}.12345.1.tmp`);
    await writeFile(leftover, '{"half":');
    // Someone else's temp file in the same directory is not the service's to remove.
    await writeFile(path.join(harness.dataDir, 'notes.tmp'), 'keep me');
    await harness.restart();
    expect((await readdir(harness.dataDir)).sort()).toEqual(['notes.tmp', STORE_FILE_NAME].sort());
    expect(harness.service.store.listInterests(ALICE.oid)).toHaveLength(1);
  });

  it('refuses to start over a data file it cannot read, rather than overwrite it', async () => {
    await harness.service.close();
    await writeFile(path.join(harness.dataDir, STORE_FILE_NAME), '{"something":"else"}');
    await expect(startProfileService({ dataDir: harness.dataDir })).rejects.toThrow(/not a profile service data file/);
    await writeFile(path.join(harness.dataDir, STORE_FILE_NAME), '{"version":1,"users":{}}');
    await harness.restart();
  });

  it('refuses to start when the data file exists but cannot be read, rather than start empty', async () => {
    await harness.service.close();
    const dataFile = path.join(harness.dataDir, STORE_FILE_NAME);
    await rm(dataFile, { force: true });
    await mkdir(dataFile);
    // Closed again if it does start, so a failing run still ends.
    const outcome = await startProfileService({ dataDir: harness.dataDir }).then(
      async (service) => (await service.close(), 'started'),
      (error: unknown) => String(error),
    );
    expect(outcome).toMatch(/EISDIR/);
    await rm(dataFile, { recursive: true });
    await harness.restart();
  });

  it('answers 503 and keeps the previous state when the data file cannot be written', async () => {
    await createInterest(harness, { displayName: 'Before' });
    // A non-empty directory where the data file belongs makes the rename fail.
    const dataFile = path.join(harness.dataDir, STORE_FILE_NAME);
    await rm(dataFile);
    await mkdir(dataFile);
    await writeFile(path.join(dataFile, 'blocker'), 'x');
    const response = await harness.call('POST', INTERESTS, { body: { displayName: 'After' } });
    expect(response.status).toBe(503);
    expect(harness.service.store.listInterests(ALICE.oid).map((interest) => interest.displayName)).toEqual(['Before']);
    expect((await readdir(harness.dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await rm(dataFile, { recursive: true });
  });
});
