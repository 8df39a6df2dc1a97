import { randomUUID } from 'node:crypto';
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderAddSummaryCard } from '../cards/addSummaryCard';
import { toAttachment } from '../../../cards/cardTemplate';
import { renderInterestCard } from '../cards/interestCard';
import { renderNoticeCard } from '../../../cards/noticeCard';
import { textOf } from '../../../conversation/turnText';
import type { InterestDraft } from '../../../domain/personInterest';
import type { StoredInterest } from '../../../graph/personInterestWire';
import { once, parseStoredInterestId } from '../../../storage/once';
import { RECORD_KINDS } from '../../../storage/onceKinds';
import { actorIdOf } from '../../../conversation/actor';
import { cardViewersFor, sendTyping } from '../../../conversation/replies';
import { diffInterest, isEmptyPatch } from '../../../domain/diffInterest';
import { AddConfirmPrompt, type AddConfirmAnswer } from './addConfirmPrompt';
import type { InterestDialogDeps } from '../../../conversation/dialogs/dialogIds';
import { expectedGraphFailure, isPassingFailure } from '../../../conversation/dialogs/graphFailures';
import { showCard } from '../../../conversation/dialogs/dialogInvokes';

export const CONFIRM_AND_CREATE_DIALOG = 'confirmAndCreateInterest';

export interface ConfirmAndCreateOptions {
  draft: InterestDraft;
  /** Claimed in storage before the create, so two turns confirming the same draft at once create it once. */
  creationKey: string;
  /** Set when the last create failed for a passing reason: asked instead of showing the summary card again. */
  retryText?: string;
  /** Set when a Create click came from an older summary card: this draft's card replaces the clicked one. */
  summaryInPlace?: boolean;
}

const STEPS = 'confirmAndCreateSteps';
const CONFIRM_PROMPT = 'confirmAddPrompt';

export function newCreationKey(): string {
  return `${RECORD_KINDS.addInterest.prefix}${randomUUID()}`;
}

/**
 * Shows the summary card, waits for a yes (typed, or the card's Create button), then creates the interest with
 * one POST and shows its card. A busy Graph keeps the draft and asks again, so a later yes completes it; every
 * yes makes at most one request. Ends with the created interest, or nothing.
 */
export class ConfirmAndCreateDialog extends ComponentDialog {
  constructor(private readonly deps: InterestDialogDeps) {
    super(CONFIRM_AND_CREATE_DIALOG);
    this.addDialog(new AddConfirmPrompt(CONFIRM_PROMPT));
    this.addDialog(new WaterfallDialog<ConfirmAndCreateOptions>(STEPS, [this.askToConfirm, this.createIfConfirmed]));
    this.initialDialogId = STEPS;
  }

  private readonly askToConfirm = async (step: WaterfallStepContext<ConfirmAndCreateOptions>): Promise<DialogTurnResult> => {
    const { draft, retryText, summaryInPlace } = step.options;
    const card = () => renderAddSummaryCard(textOf(step.context), { draft, ownerId: actorIdOf(step.context.activity) });
    if (summaryInPlace) {
      // The clicked (older) card turns into this draft's summary; nothing new is posted.
      await showCard(step.context, card());
      return step.prompt(CONFIRM_PROMPT, { retryPrompt: textOf(step.context).t('addDialog.confirm.askAgain') });
    }
    return step.prompt(CONFIRM_PROMPT, { prompt: retryText ?? MessageFactory.attachment(toAttachment(card())), retryPrompt: textOf(step.context).t('addDialog.confirm.askAgain') });
  };

  private readonly createIfConfirmed = async (step: WaterfallStepContext<ConfirmAndCreateOptions>): Promise<DialogTurnResult> => {
    const { context } = step;
    const { draft, creationKey } = step.options;
    const answer = step.result as AddConfirmAnswer;
    if (!answer.create) {
      await sayNotAdded(context);
      return step.endDialog();
    }
    // Create on an older summary card (from an earlier add) must not confirm this one: show the current summary.
    if (answer.cardDraft && !isEmptyPatch(diffInterest(answer.cardDraft, draft))) {
      return step.replaceDialog(STEPS, { draft, creationKey, summaryInPlace: true } satisfies ConfirmAndCreateOptions);
    }
    const askAgain = (retryText: string) => step.replaceDialog(STEPS, { draft, creationKey, retryText } satisfies ConfirmAndCreateOptions);
    // Sign-in starts after this turn's answer and then replays the user's yes, so the draft waits here for it. From
    // the card's Create, the card-action route has already signed in for this turn, and this is the same token.
    const token = await this.deps.graph.tokenFor(context, 'profile');
    if (!token.ok) return this.deps.graph.answerStep(context, token, askAgain);
    const { profile } = token.provided;
    try {
      let created: StoredInterest | undefined;
      // Once per draft on every instance; a failed create releases the claim, so a later yes may try again.
      await once(this.deps.storage, creationKey, { lifetimeMs: RECORD_KINDS.addInterest.lifetimeMs, parse: parseStoredInterestId }, async () => {
        await sendTyping(context);
        created = await profile.create(draft);
        return created.id;
      });
      if (!created) {
        // Another turn (a double click, another instance) is creating, or has created, this very draft.
        await context.sendActivity(textOf(context).t('addDialog.alreadyAdding'));
        return step.endDialog();
      }
      await showCard(context, renderInterestCard(textOf(context), { interest: created, ownerId: actorIdOf(context.activity), notice: textOf(context).t('addDialog.added'), viewers: cardViewersFor(context.activity) }));
      return step.endDialog(created);
    } catch (error) {
      const report = expectedGraphFailure(error, this.deps.logger, 'Creating an interest');
      if (isPassingFailure(error)) return askAgain(textOf(context).t('addDialog.confirm.busy'));
      await context.sendActivity(textOf(context).say(report.userMessage));
      return step.endDialog();
    }
  };
}

/** From the card's Cancel the summary card itself turns into the answer; a typed no gets a message. */
async function sayNotAdded(context: TurnContext): Promise<void> {
  const text = textOf(context);
  if (context.activity.type === ActivityTypes.Invoke) {
    await showCard(context, renderNoticeCard(text, { title: text.t('addDialog.notAdded.title'), text: text.t('addDialog.notAdded') }));
    return;
  }
  await context.sendActivity(text.t('addDialog.notAdded'));
}

