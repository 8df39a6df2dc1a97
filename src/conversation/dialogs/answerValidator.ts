import type { Activity } from 'botbuilder';
import type { PromptValidator } from 'botbuilder-dialogs';
import type { Result } from '../../domain/result';
import type { Message } from '../../i18n/catalog';
import type { Text } from '../../i18n/text';
import { textOf } from '../turnText';

/**
 * Why an answer is refused: a catalog message (a domain rule's, chosen before the reader's language is known), or
 * words already in the reader's language.
 */
export type Refusal = Message | string;

/** The refusal in `text`'s language. */
export function refusalText(text: Text, refusal: Refusal): string {
  return typeof refusal === 'string' ? refusal : text.say(refusal);
}

/** Reads one typed answer into a field value, or says what to fix; `text` is the turn's (typed words differ by language). */
export type AnswerParser<T> = (answer: string, text: Text) => Result<T, Refusal>;

type Question = string | Partial<Activity>;

/**
 * A TextPrompt validator that accepts what `parse` accepts. Otherwise the re-prompt is the parser's reason
 * followed by the question (`question`, in the turn's language, else the prompt first sent), so the user sees why
 * and what to answer in one message. Earlier answers live in the waterfall's values, which a re-prompt never touches.
 */
export function answerValidator<T>(parse: AnswerParser<T>, question?: (text: Text) => Question): PromptValidator<string> {
  return async (prompt) => {
    const text = textOf(prompt.context);
    const answer = parse(prompt.recognized.value ?? '', text);
    if (answer.ok) return true;
    prompt.options.retryPrompt = withReason(refusalText(text, answer.error), question?.(text) ?? prompt.options.prompt);
    return false;
  };
}

/** The parsed value of an answer its prompt's validator already accepted. */
export function acceptedAnswer<T>(parse: AnswerParser<T>, value: unknown, text: Text): T {
  const answer = parse(typeof value === 'string' ? value : '', text);
  if (!answer.ok) throw new Error('A prompt returned an answer its validator had not accepted.');
  return answer.value;
}

export function withReason(reason: string, question: Question | undefined): Question {
  if (question === undefined) return reason;
  if (typeof question === 'string') return `${reason} ${question}`;
  return { ...question, text: question.text ? `${reason}\n\n${question.text}` : reason };
}
