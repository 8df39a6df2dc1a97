import template from '../../../cards/choice.json';
import type { Text } from '../../i18n/text';
import type { CardActionData } from '../cardActionDefinition';
import { ANSWER_CHOICE, type CHOICE_INPUT_ID } from './choiceAnswerAction';
import { defineCardTemplate, type AdaptiveCard } from '../../cards/cardTemplate';
import { blockText, plainText } from '../../cards/displayText';

/** One option of a question, as the dialog recognizes it: `answer` is what a click sends (its number in the list). */
export interface ChoiceOption {
  readonly title: string;
  readonly answer: string;
}

export interface ChoiceCardData {
  ownerId: string;
  /** This asking of the question: an answer from the card carries it, so the dialog can tell a stale card. */
  questionId: string;
  /** The question; user text in it is escaped here. */
  question: string;
  /** How to answer by typing; shown under the question. */
  hint: string;
  label: string;
  options: readonly ChoiceOption[];
  /** The number the first option shows (a later page of a paged question goes on counting); 1 when not given. */
  firstNumber?: number;
  multiSelect?: boolean;
  /** Answers ticked when the card shows. */
  selected?: readonly string[];
  submitTitle: string;
  /** What Previous and Next send: a paged question's navigation, answered like any other choice. */
  previousAnswer?: string;
  nextAnswer?: string;
  /** What Cancel sends, when the question offers one: answered like any other choice, and the dialog ends. */
  cancelAnswer?: string;
}

interface ChoiceCardView extends CardActionData<typeof ANSWER_CHOICE, typeof CHOICE_INPUT_ID> {
  question: string;
  hint: string;
  label: string;
  isMultiSelect: boolean;
  /** A single answer must be chosen before Select sends (the client says so); ticking nothing is an answer to a multi-select question. */
  isRequired: boolean;
  style: 'expanded' | 'compact';
  choices: { title: string; value: string }[];
  selected: string;
  submitTitle: string;
  hasPrevious: boolean;
  previousPick: string;
  hasNext: boolean;
  nextPick: string;
  hasCancel: boolean;
  cancelPick: string;
}

const QUESTION_MAX = 600;
/** Long enough for any interest name (100) with its number; titles are plain text, never Markdown. */
const TITLE_MAX = 110;
/** Radio buttons up to a page of interests; a longer list folds into a drop-down. */
const EXPANDED_MAX = 10;

const expand = defineCardTemplate<ChoiceCardView>(template, { answerChoice: ANSWER_CHOICE });

/**
 * A question with its options as an `Input.ChoiceSet` and `Action.Execute` buttons (never `imBack`, which some
 * hosts refuse): Select sends the ticked option(s); Previous and Next, when given, turn the page. Options are
 * numbered, so typing the number (or the option) answers the same question.
 */
export function renderChoiceCard(text: Text, data: ChoiceCardData): AdaptiveCard {
  const { previousAnswer, nextAnswer, firstNumber = 1 } = data;
  return expand(text, {
    ownerId: data.ownerId,
    questionId: data.questionId,
    question: blockText(data.question, QUESTION_MAX),
    hint: blockText(data.hint, QUESTION_MAX),
    label: plainText(data.label, TITLE_MAX),
    isMultiSelect: data.multiSelect === true,
    isRequired: data.multiSelect !== true,
    style: data.options.length > EXPANDED_MAX ? 'compact' : 'expanded',
    choices: data.options.map((option, index) => ({ title: plainText(`${firstNumber + index}. ${option.title}`, TITLE_MAX), value: option.answer })),
    selected: (data.selected ?? []).join(','),
    submitTitle: plainText(data.submitTitle, TITLE_MAX),
    hasPrevious: previousAnswer !== undefined,
    previousPick: previousAnswer ?? '',
    hasNext: nextAnswer !== undefined,
    nextPick: nextAnswer ?? '',
    hasCancel: data.cancelAnswer !== undefined,
    cancelPick: data.cancelAnswer ?? '',
  });
}
