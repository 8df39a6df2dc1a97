import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { Prompt, type DialogContext, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import { CARD_VERBS } from '../../cards/cardActions';
import { readYesNo } from './answerWords';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

const addCardActionSchema = z.object({
  action: z.object({ verb: z.enum([CARD_VERBS.confirmAdd, CARD_VERBS.cancelAdd]) }),
});

/** The add summary card's button, when this activity is its Action.Execute invoke. */
export function addCardVerbOf(activity: Partial<Activity>): typeof CARD_VERBS.confirmAdd | typeof CARD_VERBS.cancelAdd | undefined {
  if (activity.type !== ActivityTypes.Invoke || activity.name !== ADAPTIVE_CARD_ACTION) return undefined;
  const parsed = addCardActionSchema.safeParse(activity.value);
  return parsed.success ? parsed.data.action.verb : undefined;
}

/**
 * Asks whether to create the interest. It takes a typed "yes"/"create"/"no" and also the summary card's Create
 * and Cancel buttons: those arrive as an `adaptiveCard/action` invoke, which the bot core passes into
 * `continueDialog()` and which the base Prompt would ignore because it is not a message.
 */
export class AddConfirmPrompt extends Prompt<boolean> {
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const verb = addCardVerbOf(dc.context.activity);
    if (verb === undefined) return super.continueDialog(dc);
    return dc.endDialog(verb === CARD_VERBS.confirmAdd);
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
