/**
 * "Who can help with Kubernetes?" in a 60-member group chat: Graph requests and turn time for the first question
 * of each asker (members listed by a local Bot Connector stand-in, interests read with JSON batching: floor
 * ⌈60/20⌉ = 3) and for the same asker's repeat (served from the bot's short cache: 0).
 */
import { performance } from 'node:perf_hooks';
import type { CollaborationTag } from '../src/domain/collaborationTags';
import { startLocalConnector, type ConnectorMember } from '../test/support/localConnector';
import { benchUser, type BotClient } from './botClient';
import type { BenchContext } from './context';
import type { ProfileData } from './profileData';
import type { Section } from './section';
import { median } from './stats';

const MEMBERS = 60;
const BATCH_SIZE = 20;

interface Turn {
  readonly requests: number;
  readonly ms: number;
  readonly answered: boolean;
}

async function seedMembers(profile: ProfileData): Promise<ConnectorMember[]> {
  const members: ConnectorMember[] = [];
  for (let index = 0; index < MEMBERS; index++) {
    const oid = `aad-bench-member-${index}`;
    const tags: CollaborationTag[] = index % 3 === 0 ? ['ableToMentor'] : index % 3 === 1 ? ['askMeAbout'] : ['wantsToLearn'];
    await profile.create(oid, { displayName: index % 2 === 0 ? 'Kubernetes' : 'Gardening', description: null, categories: ['Technology'], collaborationTags: tags, allowedAudiences: 'organization', webUrl: null });
    members.push({ id: `29:bench-member-${index}`, name: `Member ${index}`, aadObjectId: oid, userPrincipalName: `member${index}@contoso.example` });
  }
  return members;
}

async function timedTurn(bot: BotClient, profile: ProfileData, asker: ReturnType<typeof benchUser>, conversationId: string, serviceUrl: string, text: string): Promise<Turn> {
  await profile.resetStats();
  const started = performance.now();
  const result = await bot.send(asker, conversationId, { type: 'message', text: `<at>Interests</at> ${text}` }, { serviceUrl, conversation: { id: conversationId, conversationType: 'groupChat', isGroup: true } });
  const ms = performance.now() - started;
  const answered = result.activities.some((activity) => (activity.attachments ?? []).some((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive'));
  return { requests: await profile.requestCount(), ms, answered };
}

export async function helpersChatSection(context: BenchContext): Promise<Section> {
  const connector = await startLocalConnector();
  try {
    const members = await seedMembers(context.profile);
    const askers = context.options.quick ? 3 : 10;
    const first: Turn[] = [];
    const repeat: Turn[] = [];
    for (let round = 0; round < askers; round++) {
      const asker = benchUser(`helpers-asker-${round}`);
      const conversationId = `19:bench-helpers-${round}@thread.v2`;
      connector.setMembers(conversationId, [{ id: '28:interests-bot', name: 'Interests' }, { id: asker.id, name: asker.name, aadObjectId: asker.aadObjectId }, ...members]);
      first.push(await timedTurn(context.clients.product, context.profile, asker, conversationId, connector.serviceUrl, 'who can help with Kubernetes'));
      repeat.push(await timedTurn(context.clients.product, context.profile, asker, conversationId, connector.serviceUrl, 'who knows Kubernetes'));
    }
    const floor = Math.ceil(MEMBERS / BATCH_SIZE);
    const firstRequests = [...new Set(first.map((turn) => turn.requests))];
    const repeatRequests = [...new Set(repeat.map((turn) => turn.requests))];
    const unanswered = [...first, ...repeat].filter((turn) => !turn.answered).length;
    const data = {
      members: MEMBERS,
      askers,
      first: { requests: firstRequests, medianMs: median(first.map((turn) => turn.ms)), minMs: Math.min(...first.map((turn) => turn.ms)), maxMs: Math.max(...first.map((turn) => turn.ms)) },
      repeat: { requests: repeatRequests, medianMs: median(repeat.map((turn) => turn.ms)), minMs: Math.min(...repeat.map((turn) => turn.ms)), maxMs: Math.max(...repeat.map((turn) => turn.ms)) },
    };
    const row = (name: string, turns: { requests: number[]; medianMs: number; minMs: number; maxMs: number }, target: number) =>
      `| ${name} | ${turns.requests.join(', ')} | ${target} | ${turns.medianMs.toFixed(1)} (${turns.minMs.toFixed(1)}–${turns.maxMs.toFixed(1)}) |`;
    return {
      id: 'helpers-chat',
      title: `"Who can help with" in a ${MEMBERS}-member group chat (${askers} askers)`,
      data,
      markdown: [
        '| question | Graph requests | floor | turn time ms, median (min–max) |',
        '| --- | ---: | ---: | ---: |',
        row('first question of an asker', data.first, floor),
        row('same asker again (cached)', data.repeat, 0),
      ],
      targets: [
        { name: `first question at the floor (${floor} requests)`, met: firstRequests.length === 1 && firstRequests[0] === floor, detail: `requests: ${firstRequests.join(', ')}` },
        { name: 'cached repeat makes no Graph request', met: repeatRequests.length === 1 && repeatRequests[0] === 0, detail: `requests: ${repeatRequests.join(', ')}` },
        { name: 'every question answered with a card', met: unanswered === 0, detail: unanswered ? `${unanswered} without a card` : 'all answered' },
      ],
    };
  } finally {
    await connector.close();
  }
}
