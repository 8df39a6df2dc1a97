import { randomUUID } from 'node:crypto';
import { ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { ChoiceFactory, Dialog, Prompt, type Choice, type DialogContext, type FoundChoice, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { ADAPTIVE_CARD_CONTENT_TYPE, toAttachment, type AdaptiveCard } from '../../cards/cardTemplate';
import { renderChoiceCard, type ChoiceCardData } from './choiceCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import type { MessageKey } from '../../i18n/catalog';
import { SOURCE_TEXT, type Text } from '../../i18n/text';
import { textOf } from '../turnText';
import { fail, ok, type Result } from '../../domain/result';
import { cardResponse, messageResponse } from '../invokeResponses';
import { refusalText, withReason, type Refusal } from './answerValidator';
import { ANSWER_CHOICE } from './choiceAnswerAction';
import { answerInvoke, cardActionOf } from './dialogInvokes';
import { matchWholeChoice } from './wholeChoicePrompt';

/** The title of the card that replaces an answered question when nothing else (the next question) does. */
export const ANSWERED_TITLE_KEY: MessageKey = 'question.answered';

/**
 * A question asked with a choice card (`choiceCard.ts`) that also takes the answer typed. The card's Select,
 * Previous and Next buttons are `Action.Execute` (`ANSWER_CHOICE`): the card-action route hands the invoke
 * to the dialog (`continueDialog`), and this prompt reads the card's answer from the activity's value
 * (`dialogInvokes.ts`) as the text it would accept typed, so one reader (`read`) decides both, and answers the
 * invoke itself: "Answered" with the answer in words (replaced by the next question's card when one follows), or
 * the reason it is refused. A card answer counts only when it carries this asking's `questionId`: a click on an
 * older card (the question was answered, cancelled or asked again) is left alone and gets no answer from the
 * dialog, and the card-action route says the question is closed.
 */
export interface CardQuestionOptions extends PromptOptions {
  /** This asking of the question; its card carries the same id. */
  questionId: string;
  /** The question again, for the reason given with a typed answer that is refused. */
  question: Partial<Activity>;
  /** What a card answer with nothing ticked means ("none" for tags); without it, nothing ticked is refused. */
  emptyCardAnswer?: string;
}

export function newQuestionId(): string {
  return randomUUID();
}

/** Reads an answer (typed or from the card) into a value, or says why it cannot be taken; `text` is the turn's (typed words differ by language). */
export type AnswerReader<T> = (answer: string, options: CardQuestionOptions, text: Text) => Result<T, Refusal>;

/**
 * A choice question's typed answers besides the options' numbers: each option's title as the asker's card shows
 * it, with the English title also understood (English words work in every language).
 */
export function typedChoices(text: Text, titles: readonly MessageKey[]): Choice[] {
  return titles.map((key) => {
    const shown = text.t(key);
    const english = SOURCE_TEXT.t(key);
    return { value: shown, synonyms: shown === english ? [] : [english] };
  });
}

/** The one of `options.choices` that the whole answer names (its number, the option, a synonym), or undefined. */
export function matchOption(answer: string, options: CardQuestionOptions): FoundChoice | undefined {
  return matchWholeChoice(answer, ChoiceFactory.toChoices(options.choices ?? []));
}

/** One of `options.choices`, named whole (its number, the option, a synonym); else `reason`. */
export function wholeChoiceReader(reason: Refusal): AnswerReader<FoundChoice> {
  return (text, options) => {
    const found = matchOption(text, options);
    return found ? ok(found) : fail(reason);
  };
}

/**
 * A question's prompt options: its choice card (under a fresh question id) as the prompt. The card's options
 * answer with their number, which is also what `choices` (the typed answers) are numbered by.
 */
export function choiceQuestion(text: Text, card: Omit<ChoiceCardData, 'questionId'>, extra: Pick<CardQuestionOptions, 'choices' | 'emptyCardAnswer'> = {}): CardQuestionOptions {
  const questionId = newQuestionId();
  const question = cardQuestion(renderChoiceCard(text, { ...card, questionId }));
  return { ...extra, questionId, prompt: question, question };
}

/** The question as a message: one card, no text (hosts draw a card's Markdown the same way everywhere). */
export function cardQuestion(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(toAttachment(card));
}

export class CardQuestionPrompt<T> extends Prompt<T> {
  constructor(
    dialogId: string,
    private readonly read: AnswerReader<T>,
    /** The accepted answer in words (in `text`'s language), for the card that replaces the clicked one. */
    private readonly describe: (value: T, text: Text) => string,
  ) {
    super(dialogId);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const options = dc.activeDialog?.state.options as CardQuestionOptions;
    const { context } = dc;
    if (context.activity.type === ActivityTypes.Message) {
      const answer = this.read(context.activity.text ?? '', options, textOf(context));
      if (answer.ok) return dc.endDialog(answer.value);
      await this.onPrompt(context, {}, { ...options, retryPrompt: withReason(refusalText(textOf(context), answer.error), options.question) }, true);
      return Dialog.EndOfTurn;
    }
    const action = cardActionOf(context, ANSWER_CHOICE);
    // Another question's card, or not a card answer at all: this question keeps waiting.
    if (action === undefined || action.questionId !== options.questionId) return Dialog.EndOfTurn;
    const answered = action.answer.trim() === '' && options.emptyCardAnswer !== undefined ? options.emptyCardAnswer : action.answer;
    const text = textOf(context);
    const answer = this.read(answered, options, text);
    if (!answer.ok) {
      // The card stays as it was (with what was ticked), with the reason: the user fixes it there.
      await answerInvoke(context, messageResponse(refusalText(text, answer.error)));
      return Dialog.EndOfTurn;
    }
    await answerInvoke(context, cardResponse(renderNoticeCard(text, { title: text.t(ANSWERED_TITLE_KEY), text: this.describe(answer.value, text) })));
    return dc.endDialog(answer.value);
  }

  /**
   * Asked while answering a card (the next page, or the next question), a card-only question replaces the clicked
   * card instead of posting a new message.
   */
  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt === undefined) return;
    const card = typeof prompt === 'string' ? undefined : onlyCardOf(prompt);
    if (card && context.activity.type === ActivityTypes.Invoke) {
      await answerInvoke(context, cardResponse(card));
      return;
    }
    await context.sendActivity(prompt);
  }

  /** Unused: `continueDialog` reads answers itself (typed or from a card). */
  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const answer = this.read(context.activity.text ?? '', options as CardQuestionOptions, textOf(context));
    return answer.ok ? { succeeded: true, value: answer.value } : { succeeded: false };
  }
}

function onlyCardOf(activity: Partial<Activity>): AdaptiveCard | undefined {
  if (activity.text || activity.attachments?.length !== 1) return undefined;
  const [attachment] = activity.attachments;
  return attachment?.contentType === ADAPTIVE_CARD_CONTENT_TYPE ? (attachment.content as AdaptiveCard) : undefined;
}
