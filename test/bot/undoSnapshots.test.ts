import { randomUUID } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { findUndoSnapshot, isUndoToken, keepUndoSnapshot, undoSnapshotKey } from '../../src/bot/undoSnapshots';
import { RESTORED_NOTICE, restoredNotice } from '../../src/bot/cardActions/changeActions';
import { toCopyBody } from '../../src/graph/interestCopyBody';
import type { StoredInterest } from '../../src/graph/personInterestWire';

const HOUR_MS = 60 * 60 * 1000;
const interest: StoredInterest = { id: randomUUID(), displayName: 'Sailing', description: null, categories: ['Sports'], collaborationTags: [], allowedAudiences: 'me', webUrl: null };

describe('undo snapshots', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('gives the snapshot back to its owner only, under a token of the checked form', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, { ownerId: 'owner-1', interest }, now);
    expect(isUndoToken(token)).toBe(true);
    expect(await findUndoSnapshot(storage, token, 'owner-1', now)).toEqual({ ownerId: 'owner-1', interest });
    expect(await findUndoSnapshot(storage, token, 'owner-2', now)).toBeUndefined();
  });

  it('reads nothing for a token of another form, even when a record sits under that key', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, { ownerId: 'owner-1', interest }, now);
    const stored = (await storage.read([undoSnapshotKey(token)]))[undoSnapshotKey(token)];
    for (const malformed of [`${token}x`, `x${token}`, token.slice(1), 'short']) {
      expect(isUndoToken(malformed)).toBe(false);
      await storage.write({ [undoSnapshotKey(malformed)]: { ...stored, eTag: '*' } });
      expect(await findUndoSnapshot(storage, malformed, 'owner-1', now)).toBeUndefined();
    }
  });

  it('forgets an expired snapshot and deletes its record', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, { ownerId: 'owner-1', interest }, now);
    expect(await findUndoSnapshot(storage, token, 'owner-1', new Date(now.getTime() + 23 * HOUR_MS))).toBeDefined();
    expect(await findUndoSnapshot(storage, token, 'owner-1', new Date(now.getTime() + 25 * HOUR_MS))).toBeUndefined();
    expect(await storage.read([undoSnapshotKey(token)])).toEqual({});
  });
});

describe('what Undo writes and says', () => {
  it('re-creates only the writable fields that have a value, and keeps a verified suggestion verified', () => {
    const verified: StoredInterest = { ...interest, description: undefined, webUrl: null, inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: true } };
    expect(toCopyBody(verified)).toEqual({
      displayName: 'Sailing',
      categories: ['Sports'],
      collaborationTags: [],
      allowedAudiences: 'me',
      inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: true },
    });
  });

  it('says a re-created suggestion is a suggestion again only when it was never confirmed', () => {
    expect(restoredNotice(interest)).toBe(RESTORED_NOTICE);
    expect(restoredNotice({ ...interest, inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: true } })).not.toContain('suggestion again');
    expect(restoredNotice({ ...interest, inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: false } })).toContain('suggestion again');
  });
});
