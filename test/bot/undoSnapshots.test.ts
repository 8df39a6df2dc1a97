import { randomUUID } from 'node:crypto';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { MemoryStorage } from 'botbuilder';
import { findUndoSnapshot, isUndoToken, keepUndoSnapshot, replaceUndoInterest, undoPlaceOf, undoSnapshotKey } from '../../src/features/interests/undoSnapshots';
import { restoredNotice } from '../../src/features/interests/changeActions';
import { toCopyBody } from '../../src/graph/interestCopyBody';
import type { StoredInterest } from '../../src/graph/personInterestWire';

const AUDIENCE_REPLACED_NOTICE = SOURCE_TEXT.t('undo.restored.audienceReplaced');
const RESTORED_NOTICE = SOURCE_TEXT.t('undo.restored');

const HOUR_MS = 60 * 60 * 1000;
const interest: StoredInterest = { id: randomUUID(), displayName: 'Sailing', description: null, categories: ['Sports'], collaborationTags: [], allowedAudiences: 'me', webUrl: null };
const PERSONAL = { ownerId: 'owner-1', conversationId: 'a:personal-1', shared: false } as const;
const GROUP = { ownerId: 'owner-1', conversationId: '19:group@thread.v2', shared: true } as const;
const kept = { ownerId: 'owner-1', conversationId: PERSONAL.conversationId, interest };

describe('undo snapshots', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('gives the snapshot back to its owner only, under a token of the checked form', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, kept, now);
    expect(isUndoToken(token)).toBe(true);
    expect(await findUndoSnapshot(storage, token, PERSONAL, now)).toEqual(kept);
    expect(await findUndoSnapshot(storage, token, { ...PERSONAL, ownerId: 'owner-2' }, now)).toBeUndefined();
  });

  it('reads nothing for a token of another form, even when a record sits under that key', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, kept, now);
    const stored = (await storage.read([undoSnapshotKey(token)]))[undoSnapshotKey(token)];
    for (const malformed of [`${token}x`, `x${token}`, token.slice(1), 'short']) {
      expect(isUndoToken(malformed)).toBe(false);
      await storage.write({ [undoSnapshotKey(malformed)]: { ...stored, eTag: '*' } });
      expect(await findUndoSnapshot(storage, malformed, PERSONAL, now)).toBeUndefined();
    }
  });

  it('gives the snapshot back only in the conversation it was kept in', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, kept, now);
    expect(await findUndoSnapshot(storage, token, { ...PERSONAL, conversationId: 'a:personal-2' }, now)).toBeUndefined();
    expect(await findUndoSnapshot(storage, token, { ...GROUP, conversationId: PERSONAL.conversationId }, now)).toBeDefined();
    expect(await findUndoSnapshot(storage, token, GROUP, now)).toBeUndefined();
    const inGroup = await keepUndoSnapshot(storage, { ...kept, conversationId: GROUP.conversationId }, now);
    expect(await findUndoSnapshot(storage, inGroup, GROUP, now)).toBeDefined();
    expect(await findUndoSnapshot(storage, inGroup, PERSONAL, now)).toBeUndefined();
  });

  it('finds a snapshot kept before snapshots named their conversation in personal chat only', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, kept, now);
    const key = undoSnapshotKey(token);
    const older = { ...((await storage.read([key]))[key] as Record<string, unknown>) };
    delete older['conversationId'];
    await storage.write({ [key]: { ...older, eTag: '*' } });
    expect(await findUndoSnapshot(storage, token, { ...PERSONAL, conversationId: 'a:any' }, now)).toBeDefined();
    expect(await findUndoSnapshot(storage, token, GROUP, now)).toBeUndefined();
  });

  it('binds a channel token to the channel, whichever thread it is used in', () => {
    const activity = (id: string) => ({ conversation: { id, conversationType: 'channel', isGroup: true } as never, from: { id: '29:a', name: 'A' }, recipient: { id: '28:b', name: 'B' } });
    const place = undoPlaceOf(activity('19:general@thread.tacv2;messageid=1700000000000'), 'owner-1');
    expect(place).toEqual({ ownerId: 'owner-1', conversationId: '19:general@thread.tacv2', shared: true });
    expect(undoPlaceOf(activity('19:general@thread.tacv2;messageid=42'), 'owner-1')).toEqual(place);
  });

  it('replaces the kept interest with a newer read, keeping its owner, conversation and expiry', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, kept, now);
    await replaceUndoInterest(storage, token, { ...interest, allowedAudiences: 'contacts' });
    expect((await findUndoSnapshot(storage, token, PERSONAL, now))?.interest.allowedAudiences).toBe('contacts');
    expect(await findUndoSnapshot(storage, token, PERSONAL, new Date(now.getTime() + 25 * HOUR_MS))).toBeUndefined();
  });

  it('forgets an expired snapshot and deletes its record', async () => {
    const storage = new MemoryStorage();
    const token = await keepUndoSnapshot(storage, kept, now);
    expect(await findUndoSnapshot(storage, token, PERSONAL, new Date(now.getTime() + 23 * HOUR_MS))).toBeDefined();
    expect(await findUndoSnapshot(storage, token, PERSONAL, new Date(now.getTime() + 25 * HOUR_MS))).toBeUndefined();
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

  it.each([
    ['null', null, 'me'],
    ['absent', undefined, 'me'],
    ['blank', '', 'me'],
    ['a combination', 'contacts,groupMembers', 'contacts,groupMembers'],
    ['a combination with the organization, in any order and case', 'Organization, contacts', 'contacts,organization'],
    ['a numeric flags value', '6', 'contacts,groupMembers'],
    ['a number', 8, 'organization'],
    ['unknownFutureValue', 'unknownFutureValue', 'me'],
    ['a combination with unknownFutureValue', 'organization,unknownFutureValue', 'me'],
    ['flags Graph does not define', '128', 'me'],
    ['flags beyond 32 bits', String(2 ** 32 + 8), 'me'],
    ['an unknown name', 'planet', 'me'],
  ])('always writes the audience: %s (%p) as %p', (_case, audience, written) => {
    const copy: StoredInterest = { ...interest, allowedAudiences: audience as StoredInterest['allowedAudiences'] };
    if (audience === undefined) delete copy.allowedAudiences;
    expect(toCopyBody(copy).allowedAudiences).toBe(written);
  });

  it('says when the audience could not be restored as it was', () => {
    expect(restoredNotice(SOURCE_TEXT, { ...interest, allowedAudiences: 'contacts,groupMembers' as StoredInterest['allowedAudiences'] })).toBe(RESTORED_NOTICE);
    expect(restoredNotice(SOURCE_TEXT, { ...interest, allowedAudiences: null })).toBe(`${RESTORED_NOTICE} ${AUDIENCE_REPLACED_NOTICE}`);
    expect(restoredNotice(SOURCE_TEXT, { ...interest, allowedAudiences: 'unknownFutureValue' })).toContain(AUDIENCE_REPLACED_NOTICE);
  });

  it('names where a synced item came from to its owner alone', () => {
    const synced: StoredInterest = { ...interest, source: { type: ['Workday'] } };
    expect(restoredNotice(SOURCE_TEXT, synced)).toContain('Synced from Workday before');
    const shared = restoredNotice(SOURCE_TEXT, synced, { kind: 'everyone', ownerName: 'Alex', personalChatUrl: '' });
    expect(shared).toContain('this copy is yours now');
    expect(shared).not.toContain('Workday');
  });

  it('says a re-created suggestion is a suggestion again only when it was never confirmed', () => {
    expect(restoredNotice(SOURCE_TEXT, interest)).toBe(RESTORED_NOTICE);
    expect(restoredNotice(SOURCE_TEXT, { ...interest, inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: true } })).not.toContain('suggestion again');
    expect(restoredNotice(SOURCE_TEXT, { ...interest, inference: { confidenceScore: 0.8, userHasVerifiedAccuracy: false } })).toContain('suggestion again');
  });
});
