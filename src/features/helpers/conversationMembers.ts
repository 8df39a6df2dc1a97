/**
 * The people in a group chat or channel, read with the Bot Framework's paged member listing
 * (`TeamsInfo.getPagedMembers`, public API): the bot and the asker are left out, and at most `limit` others are
 * kept, saying whether there were more.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';

export interface Colleague {
  /** AAD object id: what Graph's `/users/{id}` takes. */
  readonly id: string;
  readonly name: string;
  /** The UPN when the connector gave one, else the object id: what the 1:1 chat link addresses. */
  readonly chatAddress: string;
}

export interface ConversationMembers {
  readonly members: Colleague[];
  /** True when the conversation has more people than were read. */
  readonly more: boolean;
}

/** The connector's page size; Teams allows up to 500, 100 keeps a page small. */
const PAGE_SIZE = 100;

export async function readConversationMembers(context: TurnContext, limit: number): Promise<ConversationMembers> {
  const { from, recipient } = context.activity;
  const left = new Set([from?.id, from?.aadObjectId, recipient?.id].filter((id): id is string => typeof id === 'string' && id !== ''));
  const members: Colleague[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
    for (const member of page.members ?? []) {
      if (left.has(member.id) || (member.aadObjectId !== undefined && left.has(member.aadObjectId))) continue;
      // Bots and people outside the directory have no object id, so no profile to read.
      if (!member.aadObjectId) continue;
      if (members.length === limit) return { members, more: true };
      members.push({ id: member.aadObjectId, name: member.name ?? '', chatAddress: member.userPrincipalName || member.aadObjectId });
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return { members, more: false };
}
