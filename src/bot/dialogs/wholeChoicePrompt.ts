import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, ChoicePrompt, type Choice, type FoundChoice, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { comparisonKey } from '../../domain/text';

/**
 * A `ChoicePrompt` that takes an answer only when the whole answer is a choice: its number in the list ("2"), or
 * the whole option or one of its synonyms, ignoring letter case and extra whitespace (what a suggested-action
 * button sends). The SDK's recognizer also takes a number or a word found anywhere in the text, so
 * `<script>alert(1)</script>` picked choice 1 and a sentence that happened to contain "edit" picked "Edit it".
 * Anything else is not recognized and the prompt asks again (or its validator decides).
 */
export class WholeChoicePrompt extends ChoicePrompt {
  protected override async onRecognize(context: TurnContext, _state: unknown, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const text = context.activity.text;
    const found = typeof text === 'string' ? matchWholeChoice(text, ChoiceFactory.toChoices(options.choices)) : undefined;
    return found ? { succeeded: true, value: found } : { succeeded: false };
  }
}

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
