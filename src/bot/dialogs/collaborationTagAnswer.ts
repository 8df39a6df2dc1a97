import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import { COLLABORATION_TAGS, COLLABORATION_TAG_LABELS, type CollaborationTag } from '../../domain/collaborationTags';
import { fail } from '../../domain/result';
import { validateCollaborationTags, type FieldResult } from '../../domain/validateInterest';
import { isSkipAnswer } from './answerWords';

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
 * The tag question: a numbered Markdown list in the text (every client shows it) plus one-tap suggested replies.
 * The `<br>` (an HTML tag Teams renders in messages) matters to the Agents Playground: it draws the text of a
 * message with suggested actions as plain text, running the list into one line, unless the text holds HTML; then
 * it renders Markdown, so the list is a list and escaped user text in `lead` shows without backslashes.
 */
export function collaborationTagQuestion(lead: string): Partial<Activity> {
  const list = COLLABORATION_TAGS.map((tag, index) => `${index + 1}. ${COLLABORATION_TAG_LABELS[tag]}`).join('\n');
  const text = `${lead} Reply with one or more numbers (like 1,3) or names, or none.<br>\n\n${list}`;
  const replies = [...COLLABORATION_TAGS.map((tag) => COLLABORATION_TAG_LABELS[tag]), 'None'];
  return MessageFactory.suggestedActions(
    replies.map((reply) => ({ type: ActionTypes.ImBack, title: reply, value: reply })),
    text,
  );
}
