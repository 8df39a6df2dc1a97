/**
 * "Who can help with Kubernetes?" In a group chat or channel the bot reads the conversation's members; in personal
 * chat, the 25 people the asker works with most (`/me/people`). Their interests are read with JSON batching
 * (⌈people/20⌉ requests), with what the route's `colleagues` need provides: the reads bound to a token for the
 * feature's own scopes, which the command's dispatcher got (or answered with sign-in) before the search runs. What
 * was read is kept for a few minutes per (conversation, asker), matched by the domain (`findHelpers`) and answered
 * with one card.
 *
 * Privacy: Graph (and the local profile service) returns only the items the asker may see. In a shared
 * conversation the card is read by everyone, so it shows only what the shared-conversation rule allows
 * (`isVisibleToEveryoneIn`) and says so; the asker's wider view is one personal-chat question away.
 */
import type { TurnContext } from 'botbuilder';
import { escapeMarkdown } from '../../cards/escapeMarkdown';
import type { Text } from '../../i18n/text';
import { renderHelpersCard, type HelperPerson } from './helpersCard';
import { findHelpers, helperTopic, type HelperCandidate } from '../../domain/helperMatching';
import { isVisibleToEveryoneIn } from '../../domain/sharedConversation';
import { quoteUserText } from '../../domain/text';
import { isGraphRequestError, type GraphRequestError } from '../../errors/graphErrors';
import type { StoredInterest } from '../../graph/personInterestWire';
import type { Logger } from '../../logger';
import { answerFailure } from '../../conversation/answerFailure';
import type { HelperSearch } from '../../conversation/botServices';
import type { UserColleagues } from '../../conversation/graphAccess';
import { NOT_GRANTED_KEY } from '../../conversation/graphNeeds';
import { textOf } from '../../conversation/turnText';
import { cardViewersFor, sendCard, sendTyping } from '../../conversation/replies';
import { readConversationMembers } from './conversationMembers';
import { createHelperCache, DEFAULT_HELPER_CACHE, type HelperCacheOptions } from './helperCache';

/** Said when the identity provider refuses the feature's scopes (by the dispatcher) or Graph refuses the reads (here). */
export { IDENTITY_FAILED_KEY, NOT_GRANTED_KEY } from '../../conversation/graphNeeds';

/** Members read in a group chat or channel. */
export const MEMBER_LIMIT = 200;
/** People read in personal chat: the ones the asker works with most. */
export const PEOPLE_LIMIT = 25;

/**
 * The answer when nobody matched, leading with it (nobody here mentions the topic), then one next step: a word of
 * the topic that does find someone, or how people come to be found. The topic and the suggestion are the user's
 * own words: quoted short, so a pasted page still gets an answer Teams can show, and shown as typed (Teams renders
 * Markdown in a message's text).
 */
export function noMatchText(text: Text, source: 'members' | 'people', topic: string, suggestion: string | undefined): string {
  const quoted = (words: string): string => escapeMarkdown(quoteUserText(words));
  const answer = text.t(source === 'members' ? 'helpers.noMatch.members' : 'helpers.noMatch.people', { topic: quoted(topic) });
  const next = suggestion === undefined ? text.t('helpers.noMatch.howToAppear') : text.t('helpers.noMatch.suggestion', { suggestion: quoted(suggestion) });
  return `${answer} ${next}`;
}

/** A person and the interests the asker may see, trimmed to what matching and the privacy rule need. */
interface ReadCandidate extends HelperCandidate<HelperPerson> {
  readonly interests: readonly Pick<StoredInterest, 'displayName' | 'categories' | 'collaborationTags' | 'allowedAudiences'>[];
}

interface ReadSet {
  readonly source: 'members' | 'people';
  readonly candidates: readonly ReadCandidate[];
  /** People looked at, whether or not their interests could be read. */
  readonly lookedAt: number;
  readonly more: boolean;
  readonly unreadable: number;
}

type ReadOutcome = { readonly kind: 'read'; readonly set: ReadSet } | { readonly kind: 'answered' };

export interface HelperSearchOptions {
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly cache?: Partial<Omit<HelperCacheOptions, 'clock'>>;
}

const isShared = (context: TurnContext): boolean => cardViewersFor(context.activity).kind === 'everyone';

const forbidden = (error: GraphRequestError): boolean => error.kind === 'forbidden' || error.kind === 'unauthorized';

export function createHelperSearch(options: HelperSearchOptions): HelperSearch {
  const { logger } = options;
  const cache = createHelperCache<ReadSet>({ ...DEFAULT_HELPER_CACHE, ...options.cache, clock: options.clock });

  async function read(context: TurnContext, colleagues: UserColleagues): Promise<ReadOutcome> {
    await sendTyping(context);
    let people: { readonly person: HelperPerson & { readonly id: string } }[];
    let more = false;
    const source = isShared(context) ? 'members' : 'people';
    if (source === 'members') {
      const listed = await readConversationMembers(context, MEMBER_LIMIT);
      people = listed.members.map((member) => ({ person: member }));
      more = listed.more;
    } else {
      try {
        const found = await colleagues.listPeople(PEOPLE_LIMIT);
        people = found.map((person) => ({ person: { id: person.id, name: person.displayName, jobTitle: person.jobTitle, chatAddress: person.userPrincipalName ?? person.id } }));
      } catch (error) {
        if (isGraphRequestError(error) && forbidden(error)) {
          answerFailure(logger, 'Graph refused /me/people', error);
          await context.sendActivity(textOf(context).t(NOT_GRANTED_KEY));
          return { kind: 'answered' };
        }
        throw error;
      }
    }
    const outcomes = people.length > 0 ? await colleagues.listInterestsOfUsers(people.map(({ person }) => person.id)) : [];
    const candidates: ReadCandidate[] = [];
    const failures: GraphRequestError[] = [];
    outcomes.forEach((outcome, index) => {
      const entry = people[index];
      if (!entry) return;
      const person: HelperPerson = { name: entry.person.name, jobTitle: entry.person.jobTitle, chatAddress: entry.person.chatAddress };
      // A member Graph does not know (404: a guest, a deleted account) has nothing to show; not a failure.
      if (outcome.kind === 'failed' && outcome.error.kind === 'notFound') {
        candidates.push({ person, interests: [] });
        return;
      }
      if (outcome.kind === 'failed') {
        failures.push(outcome.error);
        return;
      }
      candidates.push({
        person,
        interests: outcome.interests.map(({ displayName, categories, collaborationTags, allowedAudiences }) => ({ displayName, categories, collaborationTags, allowedAudiences })),
      });
    });
    const [firstFailure] = failures;
    if (firstFailure && candidates.length === 0) {
      if (!forbidden(firstFailure)) throw firstFailure;
      answerFailure(logger, "Graph refused reading colleagues' interests", firstFailure);
      await context.sendActivity(textOf(context).t(NOT_GRANTED_KEY));
      return { kind: 'answered' };
    }
    if (failures.length > 0) logger.info("Some colleagues' interests could not be read", { unreadable: failures.length, kinds: [...new Set(failures.map((error) => error.kind))] });
    return { kind: 'read', set: { source, candidates, lookedAt: people.length, more, unreadable: failures.length } };
  }

  return {
    async ask(context, rawTopic, colleagues) {
      const text = textOf(context);
      const topic = helperTopic(rawTopic);
      if (topic === '') {
        await context.sendActivity(text.t('helpers.noTopic'));
        return;
      }
      if (!colleagues) {
        await context.sendActivity(text.t('helpers.notAvailable'));
        return;
      }
      const conversationId = context.activity.conversation?.id ?? '';
      const askerId = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
      let set = cache.get(conversationId, askerId);
      if (!set) {
        const outcome = await read(context, colleagues);
        if (outcome.kind === 'answered') return;
        set = outcome.set;
        if (set.unreadable === 0) cache.set(conversationId, askerId, set);
      }
      const shared = isShared(context);
      const candidates = shared ? set.candidates.map((candidate) => ({ ...candidate, interests: candidate.interests.filter(isVisibleToEveryoneIn) })) : set.candidates;
      // Read in the asker's locale; plurals are forgiven in English only (other languages do not make them with an s).
      const search = findHelpers(topic, candidates, { locale: text.locale, forgivesPlurals: text.language === 'en' });
      if (search.kind === 'noTopic') {
        await context.sendActivity(text.t('helpers.noTopic'));
        return;
      }
      const notes = [
        ...(set.more ? [text.t('helpers.note.moreMembers', { limit: MEMBER_LIMIT })] : []),
        ...(set.unreadable > 0 ? [text.t('helpers.note.unreadable', { count: set.unreadable })] : []),
        ...(shared ? [text.t('helpers.note.sharedRule')] : []),
      ];
      if (search.kind === 'noMatch') {
        await context.sendActivity([noMatchText(text, set.source, topic, search.suggestion), ...notes].join(' '));
        return;
      }
      const searched = text.t(set.source === 'members' ? 'helpers.searched.members' : 'helpers.searched.people', { count: set.lookedAt });
      await sendCard(context, renderHelpersCard(text, { topic, helpers: search.helpers, searched, notes }));
    },
  };
}
