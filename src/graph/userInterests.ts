import type { InterestDraft, InterestPatch, PersonInterest } from '../domain/personInterest';
import type { InterestCopy } from './interestCopyBody';
import type { AccessTokenProvider, CreateOutcome, GraphInterestsClient, StoredInterest } from './interestsClient';

/**
 * One user's interests: the Graph client bound to that user's token source, so code acting for the user never
 * handles a token. The bot hands one to every route that declares it needs Graph (see `src/conversation/graphAccess.ts`).
 */
export interface UserInterests {
  list(): Promise<StoredInterest[]>;
  get(id: string): Promise<StoredInterest>;
  /** A new interest from a draft, or an exact copy of one read earlier (Undo). */
  create(draft: InterestDraft | InterestCopy): Promise<StoredInterest>;
  update(before: PersonInterest & { id: string }, patch: InterestPatch): Promise<StoredInterest>;
  delete(id: string): Promise<void>;
  /** Creates the drafts in JSON batches of 20 (`createInterests`): one outcome per draft, in order, never a throw for Graph's answers. */
  createMany(drafts: readonly InterestDraft[]): Promise<CreateOutcome[]>;
}

export function bindInterests(client: GraphInterestsClient, getToken: AccessTokenProvider): UserInterests {
  return {
    list: () => client.list(getToken),
    get: (id) => client.get(getToken, id),
    create: (draft) => client.create(getToken, draft),
    update: (before, patch) => client.update(getToken, before, patch),
    delete: (id) => client.delete(getToken, id),
    createMany: (drafts) => client.createInterests(getToken, drafts),
  };
}
