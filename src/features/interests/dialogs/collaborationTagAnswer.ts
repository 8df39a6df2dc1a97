import { COLLABORATION_TAGS, COLLABORATION_TAG_LABEL_KEYS, type CollaborationTag } from '../../../domain/collaborationTags';
import { fail } from '../../../domain/result';
import { validateCollaborationTags, type FieldResult } from '../../../domain/validateInterest';
import { isSkipAnswer } from '../../../conversation/dialogs/answerWords';
import { choiceQuestion, type AnswerReader, type CardQuestionOptions } from '../../../conversation/dialogs/cardQuestionPrompt';
import type { Text } from '../../../i18n/text';
import { answerNamesOf } from './interestAnswers';

const ONLY_NUMBERS = /^\d+(?:[,;\s]+\d+)*$/;

/**
 * Collaboration tags from a chat answer: numbers from the offered list ("1,3" or "1 3"), tag ids or labels in
 * English or the turn's language ("can mentor, askMeAbout"), or "none"/"skip" for no tags. Names are checked by the
 * domain, which offers the turn's language's names when one is unknown.
 */
export function parseCollaborationTagAnswer(answer: string, text: Text): FieldResult<CollaborationTag[]> {
  const names = answerNamesOf(text).tags;
  if (isSkipAnswer(text, answer)) return validateCollaborationTags([], names);
  const parts = ONLY_NUMBERS.test(answer.trim()) ? answer.trim().split(/[,;\s]+/).filter((part) => part !== '') : answer.split(/[,;、，；]/);
  const typed: string[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (!/^\d+$/.test(trimmed)) {
      typed.push(trimmed);
      continue;
    }
    const tag = COLLABORATION_TAGS[Number(trimmed) - 1];
    if (!tag) return fail({ key: 'tagQuestion.noSuchNumber', values: { number: trimmed, first: 1, last: COLLABORATION_TAGS.length } });
    typed.push(tag);
  }
  return validateCollaborationTags(typed, names);
}

/** `parseCollaborationTagAnswer` as a card question reads its answers, with the turn's text. */
export const readCollaborationTagAnswer: AnswerReader<CollaborationTag[]> = (answer, _options, text) => parseCollaborationTagAnswer(answer, text);

export function collaborationTagLabels(text: Text, tags: readonly CollaborationTag[]): string {
  return text.list(tags.map((tag) => text.t(COLLABORATION_TAG_LABEL_KEYS[tag])));
}

/**
 * The tag question as a choice card: the four tags as a multi-select (ticked: `selected`), numbered so that the
 * typed answer ("1,3", names, "none") reads the same; nothing ticked means no tags.
 */
export function collaborationTagQuestion(text: Text, lead: string, ownerId: string, submitTitle: string, selected: readonly CollaborationTag[] = []): CardQuestionOptions {
  return choiceQuestion(
    text,
    {
      ownerId,
      question: lead,
      hint: text.t('tagQuestion.hint'),
      label: text.t('tagQuestion.label'),
      options: COLLABORATION_TAGS.map((tag, index) => ({ title: text.t(COLLABORATION_TAG_LABEL_KEYS[tag]), answer: String(index + 1) })),
      multiSelect: true,
      selected: selected.map((tag) => String(COLLABORATION_TAGS.indexOf(tag) + 1)),
      submitTitle,
    },
    { emptyCardAnswer: 'none' },
  );
}

/** The tags in words, for the card that replaces an answered tag question. */
export function describeTags(tags: readonly CollaborationTag[], text: Text): string {
  return tags.length > 0 ? text.t('tagQuestion.answered', { tags: collaborationTagLabels(text, tags) }) : text.t('tagQuestion.answered.none');
}
