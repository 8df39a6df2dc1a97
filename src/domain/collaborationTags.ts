import type { MessageKey } from '../i18n/catalog';

/** The collaboration tags Graph allows on a personInterest, in the order the bot offers them. */
export const COLLABORATION_TAGS = ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'] as const;

export type CollaborationTag = (typeof COLLABORATION_TAGS)[number];

/** Each tag's name as people read it, by its message in the catalogs. */
export const COLLABORATION_TAG_LABEL_KEYS: Readonly<Record<CollaborationTag, MessageKey>> = Object.freeze({
  askMeAbout: 'collaborationTag.askMeAbout',
  ableToMentor: 'collaborationTag.ableToMentor',
  wantsToLearn: 'collaborationTag.wantsToLearn',
  wantsToImprove: 'collaborationTag.wantsToImprove',
});

export function isCollaborationTag(value: unknown): value is CollaborationTag {
  return typeof value === 'string' && (COLLABORATION_TAGS as readonly string[]).includes(value);
}
