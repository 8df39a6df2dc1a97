import type { TurnContext } from 'botbuilder';
import { Prompt, type DialogContext, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { CANCEL_ADD, CONFIRM_ADD } from '../cardActions';
import type { InterestDraft } from '../../../domain/personInterest';
import { readYesNo } from '../../../conversation/dialogs/answerWords';
import { cardActionOf } from '../../../conversation/dialogs/dialogInvokes';
import { textOf } from '../../../conversation/turnText';

/** Create or not; a Create click from the summary card brings the draft that card showed. */
export type AddConfirmAnswer = { readonly create: true; readonly cardDraft?: InterestDraft } | { readonly create: false };

/** The add summary card's Create (with the draft the card showed) or Cancel, read from the activity; undefined for any other activity. */
export function addCardAnswerOf(context: TurnContext): AddConfirmAnswer | undefined {
  const action = cardActionOf(context, CONFIRM_ADD, CANCEL_ADD);
  if (action?.verb === CONFIRM_ADD.verb) return { create: true, cardDraft: action.draft };
  if (action?.verb === CANCEL_ADD.verb) return { create: false };
  return undefined;
}

/**
 * Asks whether to create the interest. It takes a typed "yes"/"create"/"no" and also the summary card's Create
 * and Cancel buttons: those arrive as an `adaptiveCard/action` invoke, which the card-action route passes into
 * `continueDialog()`, and which the base Prompt would ignore because it is not a message; the click is the
 * activity's value (`dialogInvokes.ts`). Whether a Create click
 * is for the draft being confirmed is for the dialog to decide, which holds the draft in its options.
 */
export class AddConfirmPrompt extends Prompt<AddConfirmAnswer> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const fromCard = addCardAnswerOf(dc.context);
    if (fromCard === undefined) return super.continueDialog(dc);
    return dc.endDialog(fromCard);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<AddConfirmAnswer>> {
    const { text } = context.activity;
    const value = typeof text === 'string' ? readYesNo(textOf(context), text) : undefined;
    return value === undefined ? { succeeded: false } : { succeeded: true, value: { create: value } };
  }
}
