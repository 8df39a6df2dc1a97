/**
 * The answer to "who can help with …": one card with who can mentor it, who to ask about it and who else wants to
 * learn or improve it, each person once, with the interest that matched and a button that opens a 1:1 chat with
 * them (Teams' chat deep link). Built in code rather than from a template: its sections repeat per role.
 */
import type { HelperMatch, HelperRole } from '../domain/helperMatching';
import type { AdaptiveCard } from './cardTemplate';
import { inlineText } from './displayText';
import { DISPLAY_LIMITS } from './interestView';

export interface HelperPerson {
  readonly name: string;
  /** What the chat link addresses: the UPN when known, otherwise the AAD object id. */
  readonly chatAddress: string;
}

export interface HelpersCardData {
  readonly topic: string;
  readonly helpers: Readonly<Record<HelperRole, readonly HelperMatch<HelperPerson>[]>>;
  /** Which set was searched, as a sentence ("I looked at the 12 other members of this chat."). */
  readonly searched: string;
  /** Extra sentences: the member cap, people whose interests could not be read, the shared-conversation rule. */
  readonly notes: readonly string[];
}

export const ROLE_HEADINGS: Readonly<Record<HelperRole, string>> = Object.freeze({
  mentor: 'Can mentor',
  askAbout: 'Ask them about it',
  studyPartner: 'Also want to learn or improve it (a study partner)',
});

/** People shown per role; the rest are counted, so the card stays well under Teams' 28 KB. */
export const MAX_PEOPLE_PER_ROLE = 5;

/** Teams' documented deep link to a 1:1 chat: `https://teams.microsoft.com/l/chat/0/0?users=<upn or aad id>`. */
export function oneOnOneChatUrl(address: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(address)}`;
}

const TOPIC_MAX = 100;

function personRow(match: HelperMatch<HelperPerson>): unknown {
  const name = inlineText(match.person.name, DISPLAY_LIMITS.listName) || 'Someone';
  return {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          { type: 'TextBlock', text: name, weight: 'bolder', wrap: true },
          { type: 'TextBlock', text: inlineText(match.interestName, DISPLAY_LIMITS.listName), isSubtle: true, spacing: 'none', wrap: true },
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'center',
        items: [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Chat', url: oneOnOneChatUrl(match.person.chatAddress) }] }],
      },
    ],
  };
}

export function renderHelpersCard({ topic, helpers, searched, notes }: HelpersCardData): AdaptiveCard {
  const body: unknown[] = [
    { type: 'TextBlock', text: `Who can help with ${inlineText(topic, TOPIC_MAX)}`, style: 'heading', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: searched, isSubtle: true, wrap: true, spacing: 'none' },
  ];
  for (const role of ['mentor', 'askAbout', 'studyPartner'] as const) {
    const people = helpers[role];
    if (people.length === 0) continue;
    body.push({ type: 'TextBlock', text: ROLE_HEADINGS[role], weight: 'bolder', separator: true, spacing: 'medium', wrap: true });
    body.push(...people.slice(0, MAX_PEOPLE_PER_ROLE).map(personRow));
    const more = people.length - MAX_PEOPLE_PER_ROLE;
    if (more > 0) body.push({ type: 'TextBlock', text: more === 1 ? 'and 1 more person' : `and ${more} more people`, isSubtle: true, wrap: true });
  }
  for (const note of notes) body.push({ type: 'TextBlock', text: note, isSubtle: true, wrap: true, size: 'small' });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}
