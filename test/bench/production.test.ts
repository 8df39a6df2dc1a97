/**
 * The production section's arithmetic and what it reads off the wire (made-up figures, real rules): storage
 * requests classified and counted per turn, the state keys the floor copies from the product, the per-round ratio
 * to the floor and the verdicts.
 */
import { didNotKeepUp, productionFloorId, productionId, productionTargets, summarizeProduction, type ProductionFigures, type ProductionSample } from '../../bench/production';
import { actionOf, observedPlan, stateKey, stateKeysFor, type StatePlan } from '../../bench/statePlan';
import { classifyStorageRequest, countRequest, NO_STORAGE_REQUESTS, storagePerTurn } from '../../bench/storageTraffic';
import { blobNameOf } from '../../src/storage/createIfAbsentBlobsStorage';
import { tokenCacheKeyFor } from '../../src/storage/msalCachePlugin';

const activity = { type: 'message', channelId: 'msteams', conversation: { id: 'a:bench-user-1' }, from: { id: '29:bench-user-1' } } as const;

describe('storage requests on the wire', () => {
  it('names the key a request is for, decoding what BlobsStorage and the URL encoded', () => {
    // BlobsStorage encodes the key once; the SDK encodes the blob name again in the path.
    const blob = encodeURIComponent(encodeURIComponent('msteams/conversations/a:bench-user-1'));
    expect(classifyStorageRequest('GET', `/devstoreaccount1/bench-production/${blob}`)).toEqual({ operation: 'read', key: 'msteams/conversations/a:bench-user-1', tokenCache: false });
    expect(classifyStorageRequest('PUT', `/devstoreaccount1/c/${encodeURIComponent('msal%2FtokenCache')}?timeout=30`)).toEqual({ operation: 'write', key: 'msal/tokenCache', tokenCache: true });
    expect(classifyStorageRequest('DELETE', '/devstoreaccount1/c/undoSnapshot%252Fabc').operation).toBe('delete');
    const userCache = tokenCacheKeyFor({ tenantId: 'tenant', objectId: 'bench-user-1' });
    expect(classifyStorageRequest('GET', `/devstoreaccount1/c/${encodeURIComponent(blobNameOf(userCache))}`)).toEqual({ operation: 'read', key: userCache, tokenCache: true });
  });

  it('counts container calls and listings as other, not as state', () => {
    expect(classifyStorageRequest('PUT', '/devstoreaccount1/c?restype=container')).toEqual({ operation: 'other', key: undefined, tokenCache: false });
    expect(classifyStorageRequest('GET', '/devstoreaccount1/c?restype=container&comp=list').operation).toBe('other');
  });

  it('adds bytes written for writes and bytes read for reads, state and token cache apart, then divides by turns', () => {
    let counts = NO_STORAGE_REQUESTS;
    counts = countRequest(counts, { operation: 'read', key: 'msteams/users/1', tokenCache: false }, 0, 120);
    counts = countRequest(counts, { operation: 'write', key: 'msteams/users/1', tokenCache: false }, 300, 0);
    counts = countRequest(counts, { operation: 'read', key: 'msal/tokenCache', tokenCache: true }, 0, 6_000_000);
    counts = countRequest(counts, { operation: 'other', key: undefined, tokenCache: false }, 0, 50);
    expect(counts).toMatchObject({ requests: 4, stateReads: 1, stateWrites: 1, tokenCacheReads: 1, other: 1, stateBytesWritten: 300, stateBytesRead: 120, tokenCacheBytesRead: 6_000_000, tokenCacheBytesWritten: 0 });
    const later = countRequest(countRequest(counts, { operation: 'write', key: 'k', tokenCache: false }, 100, 0), { operation: 'write', key: 'k', tokenCache: false }, 100, 0);
    expect(storagePerTurn(counts, later, 2)).toMatchObject({ requests: 1, stateWrites: 1, stateBytesWritten: 100, tokenCacheReads: 0 });
    expect(storagePerTurn(counts, later, 0).requests).toBeNaN();
  });
});

describe('the state the floor copies from the product', () => {
  it("names botbuilder's conversation, private conversation and user state keys from the activity", () => {
    expect(stateKey('conversation', activity)).toBe('msteams/conversations/a:bench-user-1');
    expect(stateKey('privateConversation', activity)).toBe('msteams/conversations/a:bench-user-1/users/29:bench-user-1');
    expect(stateKey('user', activity)).toBe('msteams/users/29:bench-user-1');
  });

  it('keys actions by the message or the card verb', () => {
    expect(actionOf(activity)).toBe('message');
    expect(actionOf({ ...activity, type: 'invoke', value: { action: { verb: 'interest.save' } } })).toBe('interest.save');
  });

  it('takes the scopes read and written from the requests seen, ignoring the token cache and other keys', () => {
    const plan = observedPlan(
      [
        { operation: 'read', key: 'msteams/conversations/a:bench-user-1' },
        { operation: 'read', key: 'msteams/conversations/a:bench-user-1/users/29:bench-user-1' },
        { operation: 'read', key: 'msal/tokenCache' },
        { operation: 'write', key: 'msteams/conversations/a:bench-user-1/users/29:bench-user-1' },
        { operation: 'write', key: 'undoSnapshot/abc' },
        { operation: 'read', key: 'msteams/users/someone-else' },
      ],
      activity,
      true,
    );
    expect(plan).toEqual({ read: ['conversation', 'privateConversation'], write: ['privateConversation'], otherReads: ['msteams/users/someone-else'], otherWrites: ['undoSnapshot/abc'], typing: true });
  });

  it("keeps other keys as templates of the conversation and the user, which the floor fills in with the activity's own", () => {
    const plan = observedPlan([{ operation: 'write', key: 'once/a:bench-user-1/29:bench-user-1/claim' }], activity, false);
    expect(plan.otherWrites).toEqual(['once/{conversation}/{user}/claim']);
    expect(stateKeysFor({ message: plan }, { ...activity, conversation: { id: 'a:x' }, from: { id: '29:y' } }).write).toEqual(['once/a:x/29:y/claim']);
  });

  it("gives the floor the keys of the activity's own conversation and user, and nothing for an action the plan lacks", () => {
    const plan: StatePlan = { message: { read: ['conversation', 'user'], write: ['user'], otherReads: [], otherWrites: [], typing: true } };
    expect(stateKeysFor(plan, { ...activity, conversation: { id: 'a:other' }, from: { id: '29:other' } })).toEqual({ read: ['msteams/conversations/a:other', 'msteams/users/29:other'], write: ['msteams/users/29:other'], typing: true });
    expect(stateKeysFor(plan, { ...activity, type: 'invoke', value: { action: { verb: 'interest.open' } } })).toEqual({ read: [], write: [], typing: false });
  });
});

const sample = (target: string, round: number, turnsPerSecond: number, concurrency: number, overrides: Partial<ProductionSample> = {}): ProductionSample => ({
  target,
  concurrency,
  round,
  position: 0,
  turns: 100,
  errors: 0,
  turnsPerSecond,
  p50Ms: 1,
  p99Ms: 2,
  botCpuMsPerTurn: 2,
  serviceCpuMsPerTurn: 0.5,
  clientCpuMsPerTurn: 0.5,
  azuriteCpuMsPerTurn: 1,
  storageCounterCpuMsPerTurn: 0.2,
  connectorCpuMsPerTurn: 0.1,
  storage: { ...NO_STORAGE_REQUESTS, requests: 4 },
  connectorPostsPerTurn: 2,
  graphRequestsPerTurn: 1,
  ...overrides,
});

function figures(ratio: number, productGraphRequests = 1, errors = 0): ProductionFigures {
  const samples = (['list', 'open', 'save', 'tag'] as const).flatMap((action) =>
    [8, 32].flatMap((concurrency) =>
      [0, 1, 2].flatMap((round) => [
        // The machine slows down in round 1: both sides together, so the per-round ratio holds.
        sample(productionFloorId(action), round, round === 1 ? 50 : 100, concurrency),
        sample(productionId(action), round, (round === 1 ? 50 : 100) * ratio, concurrency, { graphRequestsPerTurn: productGraphRequests, errors }),
      ]),
    ),
  );
  return { gaveUp: [], singleTurns: undefined, rounds: 3, durationMs: 1, levels: [8, 32], tokenCache: { users: 1300, serializedBytes: 1 }, plan: {}, samples, summaries: summarizeProduction(samples, [8, 32]) };
}

describe('production verdicts', () => {
  it('stops measuring an action whose product does not keep up: slow answers, or more failed than answered', () => {
    expect(didNotKeepUp({ turns: 100, errors: 0, p50Ms: 40 })).toBe(false);
    expect(didNotKeepUp({ turns: 3, errors: 8, p50Ms: 900 })).toBe(true);
    expect(didNotKeepUp({ turns: 40, errors: 0, p50Ms: 6_000 })).toBe(true);
  });

  it('misses the target of an action whose measuring stopped, and says why', () => {
    const stopped = { ...figures(1), gaveUp: [{ action: 'open' as const, concurrency: 32, round: 0, p50Ms: 7_000, turns: 2, errors: 30 }] };
    const open = productionTargets(stopped)[1];
    expect(open?.met).toBe(false);
    expect(open?.detail).toContain('stopped at c=32 in round 1');
    expect(productionTargets(stopped)[0]?.met).toBe(true);
  });

  it('divides within each round, then takes the median', () => {
    const row = figures(0.5).summaries.find((summary) => summary.target === productionId('list') && summary.concurrency === 8);
    expect(row?.vsFloor?.median).toBeCloseTo(0.5);
    expect(row?.vsFloor?.max).toBeCloseTo(0.5);
  });

  it('names the busiest process by its CPU per turn', () => {
    expect(figures(1).summaries[0]?.busiest).toBe('bot');
    const azuriteBusiest = summarizeProduction([sample(productionId('list'), 0, 10, 8, { azuriteCpuMsPerTurn: 9 })], [8]).find((row) => row.target === productionId('list'));
    expect(azuriteBusiest?.busiest).toBe('azurite');
  });

  it('is met at 0.8× the floor and missed below it or with failed turns', () => {
    const met = (targets: ReturnType<typeof productionTargets>): boolean[] => targets.slice(0, 4).map((target) => target.met);
    expect(met(productionTargets(figures(0.8)))).toEqual([true, true, true, true]);
    expect(met(productionTargets(figures(0.79)))).toEqual([false, false, false, false]);
    expect(met(productionTargets(figures(1, 1, 1)))).toEqual([false, false, false, false]);
  });

  it('misses the Graph-request target when an action makes more requests per turn than its floor', () => {
    const last = (targets: ReturnType<typeof productionTargets>): boolean | undefined => targets.at(-1)?.met;
    expect(last(productionTargets(figures(1, 1)))).toBe(true);
    expect(last(productionTargets(figures(1, 2)))).toBe(false);
  });

  it('judges Graph requests on the runs the product kept up with and on its turn alone', () => {
    const kept = figures(1, 1);
    // Retries after turns were given up on do not count against the action...
    const overloaded = { ...kept, samples: [...kept.samples, sample(productionId('list'), 3, 0, 64, { graphRequestsPerTurn: 7, turns: 1, errors: 7 })] };
    expect(productionTargets(overloaded).at(-1)?.met).toBe(true);
    // ...but its turn alone does.
    const single = { ms: 10, graphRequests: 2, storage: NO_STORAGE_REQUESTS, connectorPosts: 2 };
    const alone = { ...kept, singleTurns: { list: single, open: { ...single, graphRequests: 1 }, save: { ...single, graphRequests: 1 }, tag: { ...single, graphRequests: 1 } } };
    expect(productionTargets(alone).at(-1)?.detail).toBe('list: 2.00 against 1.00');
  });
});
