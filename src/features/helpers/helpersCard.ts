/**
 * The answer to "who can help with …": one card with who can mentor it, who to ask about it and who else wants to
 * learn or improve it, each person once, with the interest that matched and a link that opens a 1:1 chat with
 * them (Teams' chat deep link). Built in code rather than from a template: its sections repeat per role.
 */
import type { HelperMatch, HelperRole } from '../../domain/helperMatching';
import type { MessageKey } from '../../i18n/catalog';
import type { Text } from '../../i18n/text';
import type { AdaptiveCard } from '../../cards/cardTemplate';
import { distinctTitles } from '../../cards/actionTitles';
import { inlineText, plainText } from '../../cards/displayText';
import { escapeMarkdown } from '../../cards/escapeMarkdown';
import { DISPLAY_LIMITS } from '../../cards/interestView';

export interface HelperPerson {
  readonly name: string;
  /** As the directory has it (`/me/people`); conversation members come without one. */
  readonly jobTitle?: string | undefined;
  /** What the chat link addresses: the UPN when known, otherwise the AAD object id. */
  readonly chatAddress: string;
}

export interface HelpersCardData {
  readonly topic: string;
  readonly helpers: Readonly<Record<HelperRole, readonly HelperMatch<HelperPerson>[]>>;
  /** Which set was searched, as a sentence in the reader's language ("I looked at the 12 other members of this chat."). */
  readonly searched: string;
  /** Extra sentences: the member cap, people whose interests could not be read, the shared-conversation rule. */
  readonly notes: readonly string[];
}

export const ROLE_HEADING_KEYS: Readonly<Record<HelperRole, MessageKey>> = Object.freeze({
  mentor: 'helpers.card.role.mentor',
  askAbout: 'helpers.card.role.askAbout',
  studyPartner: 'helpers.card.role.studyPartner',
});

/** People shown per role; the rest are counted, so the card stays well under Teams' 28 KB. */
export const MAX_PEOPLE_PER_ROLE = 5;

/** Teams' documented deep link to a 1:1 chat: `https://teams.microsoft.com/l/chat/0/0?users=<upn or aad id>`. */
export function oneOnOneChatUrl(address: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(address)}`;
}

const TOPIC_MAX = 100;
const JOB_TITLE_MAX = 60;
/** The name in a Chat link's words: enough to tell people apart, the whole name is on the row above it. */
const CHAT_TITLE_NAME_MAX = 40;

/**
 * In a Markdown link, the parentheses `encodeURIComponent` keeps would end the link target early: percent-encoded
 * too, which Teams decodes the same.
 */
function linkTarget(url: string): string {
  return url.replace(/[()]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The person's name, their job title when known, and the interest that matched, with a link under them that
 * opens a chat with them. The link's words name the person ("Chat with Megan Bowen"), so a screen reader's list of
 * links reads it alone. It is a link in a wrapping TextBlock rather than a button: Teams draws a button's title on
 * one line, cut off when it is wider than a phone's card (a long name, or a language with longer words), while a
 * link's words wrap at every width; and a second, short copy for narrow cards (`targetWidth`) would take 15 people
 * of long names past the 28 KB a card may have.
 */
function personRow(match: HelperMatch<HelperPerson>, name: string, chatTitle: string): unknown {
  const jobTitle = inlineText(match.person.jobTitle, JOB_TITLE_MAX);
  const chatLink = `[${escapeMarkdown(chatTitle)}](${linkTarget(oneOnOneChatUrl(match.person.chatAddress))})`;
  return {
    type: 'Container',
    items: [
      { type: 'TextBlock', text: name, weight: 'bolder', wrap: true },
      ...(jobTitle === '' ? [] : [{ type: 'TextBlock', text: jobTitle, isSubtle: true, size: 'small', spacing: 'none', wrap: true }]),
      { type: 'TextBlock', text: inlineText(match.interestName, DISPLAY_LIMITS.listName), isSubtle: true, spacing: 'none', wrap: true },
      { type: 'TextBlock', text: chatLink, spacing: 'small', wrap: true },
    ],
  };
}

export function renderHelpersCard(text: Text, { topic, helpers, searched, notes }: HelpersCardData): AdaptiveCard {
  const body: unknown[] = [
    { type: 'TextBlock', text: text.t('helpers.card.heading', { topic: inlineText(topic, TOPIC_MAX) }), style: 'heading', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: searched, isSubtle: true, wrap: true, spacing: 'none' },
  ];
  const shown = (['mentor', 'askAbout', 'studyPartner'] as const).map((role) => ({ role, people: helpers[role].slice(0, MAX_PEOPLE_PER_ROLE) }));
  const everyone = shown.flatMap(({ people }) => people);
  const names = everyone.map((match) => inlineText(match.person.name, DISPLAY_LIMITS.listName) || text.t('helpers.card.someone'));
  // "Chat with Megan Bowen", read alone in a screen reader's list of links (escaped where it goes into Markdown); namesakes are told apart.
  const chatTitles = distinctTitles(
    text,
    everyone.map((match) => text.t('helpers.card.chatWith', { name: plainText(match.person.name, CHAT_TITLE_NAME_MAX) || text.t('helpers.card.someone') })),
  );
  let person = 0;
  for (const { role, people } of shown) {
    if (people.length === 0) continue;
    body.push({ type: 'TextBlock', text: text.t(ROLE_HEADING_KEYS[role]), weight: 'bolder', separator: true, spacing: 'medium', wrap: true });
    for (const match of people) {
      body.push(personRow(match, names[person]!, chatTitles[person]!));
      person += 1;
    }
    const more = helpers[role].length - MAX_PEOPLE_PER_ROLE;
    if (more > 0) body.push({ type: 'TextBlock', text: text.t('helpers.card.more', { count: more }), isSubtle: true, wrap: true });
  }
  for (const note of notes) body.push({ type: 'TextBlock', text: note, isSubtle: true, wrap: true, size: 'small' });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}
