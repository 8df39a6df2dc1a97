/**
 * Every way a Graph failure reaches the user is logged once, at warn, by the boundary that answered (a message
 * turn, a card action, a dialog step, "who can help"), with Graph's `requestId` and `clientRequestId`: the two ids
 * a support case with Microsoft needs. The Graph transport keeps its own detail at debug.
 */
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { ALEX, BOT, startBotHarness, type BotHarness } from '../support/botHarness';

type Entry = Record<string, unknown>;

/** The log lines written while `run` ran. */
async function linesDuring(harness: BotHarness, run: () => Promise<unknown>): Promise<Entry[]> {
  const before = harness.logLines.length;
  await run();
  return harness.logLines.slice(before).map((line) => JSON.parse(line) as Entry);
}

const loud = (entries: readonly Entry[]): Entry[] => entries.filter((entry) => entry.level === 'warn' || entry.level === 'error');

/** One warn line, carrying both of Graph's ids (those of the failed request); the transport's detail at debug only. */
function expectOneWarningWithBothIds(entries: readonly Entry[], msg: string | RegExp, code: string): void {
  const warnings = loud(entries);
  expect(warnings).toHaveLength(1);
  const [warning] = warnings;
  expect(warning).toMatchObject({ level: 'warn', msg: typeof msg === 'string' ? msg : expect.stringMatching(msg), code });
  expect(warning?.requestId).toEqual(expect.stringMatching(/\S/));
  expect(warning?.clientRequestId).toEqual(expect.stringMatching(/\S/));
  const detail = entries.filter((entry) => entry.msg === 'Graph request failed');
  expect(detail.every((entry) => entry.level === 'debug')).toBe(true);
  expect(detail.filter((entry) => entry.requestId === warning?.requestId && entry.clientRequestId === warning?.clientRequestId)).toHaveLength(1);
}

describe('a Graph failure is logged once, at warn, with both request ids', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ connector: true });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.service.faults.clear());

  const interestNamed = (name: string) => harness.service.store.listInterests(ALEX.aadObjectId).find((interest) => interest.displayName === name);

  it('on a message turn (list)', async () => {
    harness.service.faults.inject({ status: 503, count: 1 });
    const entries = await linesDuring(harness, () => harness.say('list'));
    expectOneWarningWithBothIds(entries, 'Turn failed', 'graph-unavailable');
  });

  it('on a card action', async () => {
    const interest = interestNamed('Machine learning');
    harness.service.faults.inject({ status: 503, count: 1 });
    const entries = await linesDuring(harness, () => harness.act(CARD_VERBS.openInterest, { ownerId: ALEX.aadObjectId, interestId: interest?.id }));
    expectOneWarningWithBothIds(entries, `Card action ${CARD_VERBS.openInterest} failed`, 'graph-unavailable');
  });

  it('on a card action for an interest that is gone, when listing instead fails too', async () => {
    harness.service.faults.inject({ status: 503, count: 1, method: 'GET', path: /\/me\/profile\/interests$/ });
    const entries = await linesDuring(harness, () => harness.act(CARD_VERBS.openInterest, { ownerId: ALEX.aadObjectId, interestId: 'gone-since-yesterday' }));
    expectOneWarningWithBothIds(entries, 'Listing interests after a stale card failed', 'graph-unavailable');
  });

  it('in a dialog step that answers the failure itself (add)', async () => {
    harness.service.faults.inject({ status: 503, count: 1, method: 'GET' });
    const entries = await linesDuring(harness, () => harness.say('add Bouldering'));
    expectOneWarningWithBothIds(entries, 'Listing interests before adding failed', 'graph-unavailable');
  });

  it('in a dialog step that answers the failure itself (tag)', async () => {
    harness.service.faults.inject({ status: 429, retryAfterSeconds: 0, count: 1, method: 'GET' });
    const entries = await linesDuring(harness, () => harness.say('tag Machine learning'));
    expectOneWarningWithBothIds(entries, 'Listing interests to tag failed', 'graph-throttled');
  });

  it('in "who can help" when /me/people fails', async () => {
    harness.service.faults.inject({ status: 503, count: 1, path: '/beta/me/people' });
    const entries = await linesDuring(harness, () => harness.say('who can help with Kubernetes'));
    expectOneWarningWithBothIds(entries, 'Turn failed', 'graph-unavailable');
  });
});

describe('a Graph refusal "who can help" words itself is logged once, at warn, with both request ids', () => {
  // Graph answers about a colleague it knows (403 without the scope), rather than 404.
  const COLLEAGUE = 'aad-failure-logging-colleague';
  let harness: BotHarness;
  beforeAll(async () => {
    // The tokens carry neither People.Read nor User.Read.All, so Graph answers 403.
    harness = await startBotHarness({
      connector: true,
      seedUserIds: [ALEX.aadObjectId, COLLEAGUE],
      env: { HELPERS_COLLEAGUE_SCOPES: 'User.Read', HELPERS_PEOPLE_SCOPES: 'User.Read' },
    });
  });
  afterAll(() => harness.close());

  it('when Graph refuses /me/people', async () => {
    const entries = await linesDuring(harness, () => harness.say('who can help with Kubernetes'));
    expectOneWarningWithBothIds(entries, 'Graph refused /me/people', 'graph-forbidden');
  });

  it("when Graph refuses the members' interests in a group chat", async () => {
    const group = { id: '19:failure-logging@thread.v2', conversationType: 'groupChat', isGroup: true } as const;
    harness.connector.setMembers(group.id, [{ id: BOT.id, name: BOT.name }, { id: '29:colleague', name: 'Colleague', aadObjectId: COLLEAGUE }]);
    const entries = await linesDuring(harness, () => harness.send({ type: 'message', text: `<at>${BOT.name}</at> who can help with Kubernetes`, conversation: group }));
    expectOneWarningWithBothIds(entries, "Graph refused reading colleagues' interests", 'graph-forbidden');
  });
});
