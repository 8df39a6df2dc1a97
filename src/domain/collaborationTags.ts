/** The collaboration tags Graph allows on a personInterest, in the order the bot offers them. */
export const COLLABORATION_TAGS = ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'] as const;

export type CollaborationTag = (typeof COLLABORATION_TAGS)[number];

export const COLLABORATION_TAG_LABELS: Readonly<Record<CollaborationTag, string>> = Object.freeze({
  askMeAbout: 'Ask me about',
  ableToMentor: 'Can mentor',
  wantsToLearn: 'Wants to learn',
  wantsToImprove: 'Wants to improve',
});

export function isCollaborationTag(value: unknown): value is CollaborationTag {
  return typeof value === 'string' && (COLLABORATION_TAGS as readonly string[]).includes(value);
}
