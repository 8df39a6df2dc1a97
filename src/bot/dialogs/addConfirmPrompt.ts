import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, Prompt, type DialogContext, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { renderAddSummaryCard } from '../../cards/addSummaryCard';
import { CARD_VERBS, parseCardAction } from '../../cards/cardActions';
import { diffInterest, isEmptyPatch } from '../../domain/diffInterest';
import type { InterestDraft } from '../../domain/personInterest';
import { actorIdOf } from '../actor';
import { readYesNo } from './answerWords';
import { setInvokeResponseCard } from './invokeResponseCard';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

type AddCardAnswer = { readonly create: true; readonly draft: InterestDraft } | { readonly create: false };

/** The add summary card's Create (with the draft the card showed) or Cancel; undefined for any other activity. */
export function addCardAnswerOf(activity: Partial<Activity>): AddCardAnswer | undefined {
  if (activity.type !== ActivityTypes.Invoke || activity.name !== ADAPTIVE_CARD_ACTION) return undefined;
  const action = parseCardAction(activity.value);
  if (!action.ok) return undefined;
  if (action.value.verb === CARD_VERBS.confirmAdd) return { create: true, draft: action.value.draft };
  if (action.value.verb === CARD_VERBS.cancelAdd) return { create: false };
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
    if (!fromCard.create) return dc.endDialog(false);
    // Create on an older summary card (from an earlier add) must not confirm this one: show the current summary.
    const waitingFor = (dc.activeDialog?.state.options as PromptOptions | undefined)?.validations as InterestDraft | undefined;
    if (waitingFor && !isEmptyPatch(diffInterest(fromCard.draft, waitingFor))) {
      setInvokeResponseCard(dc.context, renderAddSummaryCard({ draft: waitingFor, ownerId: actorIdOf(dc.context.activity) }));
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(true);
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
