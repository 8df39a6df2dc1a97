import { COLLABORATION_TAGS, COLLABORATION_TAG_LABELS, type CollaborationTag } from '../../../domain/collaborationTags';
import { fail } from '../../../domain/result';
import { validateCollaborationTags, type FieldResult } from '../../../domain/validateInterest';
import { isSkipAnswer } from '../../../conversation/dialogs/answerWords';
import { choiceQuestion, type CardQuestionOptions } from '../../../conversation/dialogs/cardQuestionPrompt';

const ONLY_NUMBERS = /^\d+(?:[,;\s]+\d+)*$/;

/**
 * Collaboration tags from a chat answer: numbers from the offered list ("1,3" or "1 3"), tag ids or labels
 * ("can mentor, askMeAbout"), or "none"/"skip" for no tags. Names are checked by the domain.
 */
export function parseCollaborationTagAnswer(text: string): FieldResult<CollaborationTag[]> {
  if (isSkipAnswer(text)) return validateCollaborationTags([]);
  const parts = ONLY_NUMBERS.test(text.trim()) ? text.trim().split(/[,;\s]+/).filter((part) => part !== '') : text.split(/[,;]/);
  const names: string[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (!/^\d+$/.test(trimmed)) {
      names.push(trimmed);
      continue;
    }
    const tag = COLLABORATION_TAGS[Number(trimmed) - 1];
    if (!tag) return fail(`There is no tag number ${trimmed}: pick numbers from 1 to ${COLLABORATION_TAGS.length}.`);
    names.push(tag);
  }
  return validateCollaborationTags(names);
}

export function collaborationTagLabels(tags: readonly CollaborationTag[]): string {
  return tags.map((tag) => COLLABORATION_TAG_LABELS[tag]).join(', ');
}

/**
 * The tag question as a choice card: the four tags as a multi-select (ticked: `selected`), numbered so that the
 * typed answer ("1,3", names, "none") reads the same; nothing ticked means no tags.
 */
export function collaborationTagQuestion(lead: string, ownerId: string, submitTitle: string, selected: readonly CollaborationTag[] = []): CardQuestionOptions {
  return choiceQuestion(
    {
      ownerId,
      question: lead,
      hint: 'Tick the ones that fit, or type their numbers (like 1,3) or names, or none.',
      label: 'Collaboration tags',
      options: COLLABORATION_TAGS.map((tag, index) => ({ title: COLLABORATION_TAG_LABELS[tag], answer: String(index + 1) })),
      multiSelect: true,
      selected: selected.map((tag) => String(COLLABORATION_TAGS.indexOf(tag) + 1)),
      submitTitle,
    },
    { emptyCardAnswer: 'none' },
  );
}

/** The tags in words, for the card that replaces an answered tag question. */
export function describeTags(tags: readonly CollaborationTag[]): string {
  return tags.length > 0 ? `Tags: ${collaborationTagLabels(tags)}` : 'No tags';
}
