import type { Choice, FoundChoice } from 'botbuilder-dialogs';
import { comparisonKey } from '../../domain/text';

/**
 * How a choice question takes an answer: only when the whole answer is a choice — its number in the list ("2"), or
 * the whole option or one of its synonyms, ignoring letter case and extra whitespace. The SDK's ChoicePrompt
 * recognizer also takes a number or a word found anywhere in the text, so `<script>alert(1)</script>` picked
 * choice 1 and a sentence that happened to contain "edit" picked "Edit it". The choice cards' options answer with
 * their number, so a click and a typed answer are read the same way (`cardQuestionPrompt.ts`).
 */
const WHOLE_NUMBER = /^\d{1,4}$/;

/** The choice the whole of `answer` names, by its 1-based number or its text (or a synonym), or undefined. */
export function matchWholeChoice(answer: string, choices: readonly Choice[]): FoundChoice | undefined {
  const key = comparisonKey(answer);
  if (WHOLE_NUMBER.test(key)) {
    const index = Number(key) - 1;
    const choice = choices[index];
    return choice ? { value: choice.value, index, score: 1 } : undefined;
  }
  for (const [index, choice] of choices.entries()) {
    const names = [choice.value, ...(choice.synonyms ?? [])];
    const synonym = names.find((name) => comparisonKey(name) === key);
    if (synonym !== undefined && key !== '') return { value: choice.value, index, score: 1, synonym };
  }
  return undefined;
}
