import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { Prompt, type DialogContext, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { CARD_VERBS, parseCardAction } from '../../cards/cardActions';
import { readYesNo } from './answerWords';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/** true for the add summary card's Create button, false for its Cancel, undefined for any other activity. */
export function addCardAnswerOf(activity: Partial<Activity>): boolean | undefined {
  if (activity.type !== ActivityTypes.Invoke || activity.name !== ADAPTIVE_CARD_ACTION) return undefined;
  const action = parseCardAction(activity.value);
  if (!action.ok) return undefined;
  if (action.value.verb === CARD_VERBS.confirmAdd) return true;
  if (action.value.verb === CARD_VERBS.cancelAdd) return false;
  return undefined;
}

/**
 * Asks whether to create the interest. It takes a typed "yes"/"create"/"no" and also the summary card's Create
 * and Cancel buttons: those arrive as an `adaptiveCard/action` invoke, which the bot core passes into
 * `continueDialog()` and which the base Prompt would ignore because it is not a message.
 */
export class AddConfirmPrompt extends Prompt<boolean> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const fromCard = addCardAnswerOf(dc.context.activity);
    if (fromCard === undefined) return super.continueDialog(dc);
    return dc.endDialog(fromCard);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<boolean>> {
    const { text } = context.activity;
    const value = typeof text === 'string' ? readYesNo(text) : undefined;
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}
